import Testing
import WangchaoCore
import WangchaoGeo

/// Point → micro-grid on the demo district (whose micro-grids tile each street exactly) and on
/// small hand-made hierarchies for the fallbacks.
@Suite struct AreaLocatorTests {
    @Test func everyPointOfADenseSampleOverTheDemoStreetResolvesToExactlyOneMicroGrid() throws {
        let locator = try #require(GeoFixtures.locator)
        let town = try #require(GeoFixtures.demo.first { $0.code == GeoFixtures.chengxiang }?.boundary)
        let street = PlanarShape(town)
        let box = street.bounds
        let steps = 140
        var checked = 0
        for i in 0...steps {
            for j in 0...steps {
                let lng = box.minLng + (box.maxLng - box.minLng) * Double(i) / Double(steps)
                let lat = box.minLat + (box.maxLat - box.minLat) * Double(j) / Double(steps)
                guard street.locate(lng: lng, lat: lat) == .inside else { continue }
                checked += 1
                let holders = GeoFixtures.holders(lng: lng, lat: lat)
                #expect(holders.inside.count <= 1, "micro-grids overlap at \(lng), \(lat): \(holders.inside)")
                let expected = holders.inside.first ?? holders.onBoundary.first
                #expect(expected != nil, "no micro-grid holds \(lng), \(lat)")
                let found = locator.locate(latitude: lat, longitude: lng)
                #expect(found.matchedLevel == .microGrid)
                #expect(found.area?.code == expected)
                #expect(found.chain.map(\.level) == [.district, .town, .cluster, .community, .grid, .microGrid])
                #expect(found.chain[1].code == GeoFixtures.chengxiang)
            }
        }
        #expect(checked > 8_000)
    }

    @Test func verticesAndEdgeMidpointsGoToTheLowestCodeAmongTheirMicroGrids() throws {
        let locator = try #require(GeoFixtures.locator)
        for (area, _) in GeoFixtures.microGrids.filter({ $0.area.code.hasPrefix(GeoFixtures.chengxiang) }).prefix(300) {
            guard case .polygon(let rings)? = area.boundary, let ring = rings.first else { continue }
            for (a, b) in zip(ring, ring.dropFirst()) {
                for point in [a, GeoFixtures.position((a.lng + b.lng) / 2, (a.lat + b.lat) / 2)] {
                    let holders = GeoFixtures.holders(lng: point.lng, lat: point.lat)
                    #expect(holders.inside.isEmpty)
                    #expect(holders.onBoundary.contains(area.code))
                    let found = locator.locate(latitude: point.lat, longitude: point.lng)
                    #expect(found.area?.code == holders.onBoundary.first)
                    #expect(found.reason == .onBoundary(candidates: holders.onBoundary))
                }
            }
        }
    }

    @Test func aSharedEdgeResolvesTheSameWhateverTheOrderOfAreas() throws {
        let areas = GeoFixtures.demo
        let point = try #require(Self.midpointOfASharedEdge())
        var answers: Set<String> = []
        var generator = SystemRandomNumberGenerator()
        for order in [areas, areas.reversed(), areas.shuffled(using: &generator), areas.shuffled(using: &generator)] {
            let found = try AreaLocator(areas: order).locate(latitude: point.lat, longitude: point.lng)
            guard case .onBoundary(let candidates) = found.reason else {
                Issue.record("expected a boundary point, got \(found.reason)")
                continue
            }
            #expect(candidates.count == 2)
            #expect(found.area?.code == candidates.min())
            answers.insert(found.area?.code ?? "")
        }
        #expect(answers.count == 1)
    }

    /// The midpoint of an edge that two 城厢 micro-grids share, found from the data.
    static func midpointOfASharedEdge() -> Boundary.Position? {
        var owners: [String: Set<String>] = [:]
        for (area, _) in GeoFixtures.microGrids where area.code.hasPrefix(GeoFixtures.chengxiang) {
            guard case .polygon(let rings)? = area.boundary, let ring = rings.first else { continue }
            for (a, b) in zip(ring, ring.dropFirst()) {
                let key = [a, b].map { "\($0.lng),\($0.lat)" }.sorted().joined(separator: ";")
                owners[key, default: []].insert(area.code)
                if owners[key]?.count == 2 { return GeoFixtures.position((a.lng + b.lng) / 2, (a.lat + b.lat) / 2) }
            }
        }
        return nil
    }

    /// 区 ⊃ 镇街 (east half) ⊃ 村社 ⊃ 网格 ⊃ one 微网格 covering the grid's south half, whose
    /// hole is filled by a second micro-grid.
    static let sparse: [Area] = [
        Area(code: "330109", name: "区", level: .district, parentCode: nil,
             boundary: .polygon([GeoFixtures.ring(120.0, 30.0, 120.4, 30.4)])),
        Area(code: "330109001", name: "镇", level: .town, parentCode: "330109",
             boundary: .polygon([GeoFixtures.ring(120.2, 30.0, 120.4, 30.4)])),
        Area(code: "330109001001", name: "村", level: .community, parentCode: "330109001",
             boundary: .polygon([GeoFixtures.ring(120.2, 30.0, 120.3, 30.2)])),
        Area(code: "330109001001001", name: "网格", level: .grid, parentCode: "330109001001",
             boundary: .polygon([GeoFixtures.ring(120.2, 30.0, 120.3, 30.2)])),
        Area(code: "330109001001001001", name: "微网格一", level: .microGrid, parentCode: "330109001001001",
             boundary: .polygon([GeoFixtures.ring(120.2, 30.0, 120.3, 30.1), GeoFixtures.ring(120.24, 30.04, 120.26, 30.06)])),
        Area(code: "330109001001001002", name: "微网格二", level: .microGrid, parentCode: "330109001001001",
             boundary: .polygon([GeoFixtures.ring(120.24, 30.04, 120.26, 30.06)])),
        Area(code: "330109002", name: "无边界的镇", level: .town, parentCode: "330109"),
    ]

    @Test(arguments: [
        (120.22, 30.05, "330109001001001001", LocationResolution.Reason.insideMicroGrid),
        (120.25, 30.05, "330109001001001002", .insideMicroGrid),  // in the first one's hole
        (120.24, 30.05, "330109001001001001", .onBoundary(candidates: ["330109001001001001", "330109001001001002"])),
        (120.25, 30.15, "330109001001001", .noMicroGridContainsPoint),  // grid's north half
        (120.35, 30.30, "330109001", .noMicroGridContainsPoint),  // town, outside the community
        (120.10, 30.20, "330109", .noMicroGridContainsPoint),  // west half: no town there
        (120.50, 30.20, "330109", .outsideDistrict),
    ])
    func pointsOutsideEveryMicroGridGoToTheLowestAreaHoldingThem(
        lng: Double, lat: Double, code: String, reason: LocationResolution.Reason
    ) throws {
        let found = try AreaLocator(areas: Self.sparse).locate(latitude: lat, longitude: lng)
        #expect(found.area?.code == code)
        #expect(found.reason == reason)
        #expect(found.matchedLevel == found.area?.level)
        #expect(found.chain.first?.code == "330109")
        #expect(found.chain.map(\.code) == found.chain.indices.map { String(code.prefix(6 + 3 * $0)) })
    }

    @Test func invalidCoordinatesGoToTheDistrictWithTheirReason() throws {
        let locator = try AreaLocator(areas: Self.sparse)
        for (lat, lng) in [(Double.nan, 120.2), (30.1, .infinity), (91, 120.2), (30.1, -181)] {
            let found = locator.locate(latitude: lat, longitude: lng)
            #expect(found.reason == .invalidCoordinate)
            #expect(found.chain.map(\.code) == ["330109"])
        }
    }

    @Test func brokenHierarchiesAreRefused() {
        let district = Self.sparse[0]
        #expect(throws: AreaLocatorError.noDistrict) { try AreaLocator(areas: []) }
        #expect(throws: AreaLocatorError.duplicateCode("330109")) { try AreaLocator(areas: [district, district]) }
        #expect(throws: AreaLocatorError.missingParent(code: "330109001001", parent: "330109001")) {
            try AreaLocator(areas: [district, Area(code: "330109001001", name: "村", level: .community, parentCode: "330109001")])
        }
        #expect(throws: AreaLocatorError.self) {
            try AreaLocator(areas: [
                district, Area(code: "330109001", name: "a", level: .town, parentCode: "330109002"),
                Area(code: "330109002", name: "b", level: .town, parentCode: "330109001"),
            ])
        }
    }
}
