import Testing
import WangchaoCore
@testable import WangchaoDemo

@Suite struct BoundaryTests {
    let areas = Fixtures.district.areas

    @Test func everyAreaIsAClosedCounterClockwisePolygonInsideXiaoshan() {
        let xiaoshan = BoundingBox(minLng: 120.15, minLat: 29.95, maxLng: 120.55, maxLat: 30.30)
        for area in areas {
            let ring = Fixtures.ring(area)
            #expect(ring.count >= 5, "\(area.code) has a ring")
            #expect(ring.first == ring.last, "\(area.code) is closed")
            #expect(RingGeometry.signedArea(ring) > 0, "\(area.code) is counter-clockwise")
            #expect(ring.allSatisfy { xiaoshan.contains(lng: $0.lng, lat: $0.lat) }, "\(area.code) lies in the box")
        }
    }

    @Test func childrenAreasAddUpToTheirParent() {
        for parent in areas where parent.level != .microGrid {
            let parentArea = RingGeometry.signedArea(Fixtures.ring(parent))
            let childArea = Fixtures.children(of: parent.code).reduce(0) { $0 + RingGeometry.signedArea(Fixtures.ring($1)) }
            #expect(abs(childArea - parentArea) <= 1e-9 * parentArea, "\(parent.code): \(childArea) vs \(parentArea)")
        }
    }

    /// Exactly one child contains each random point of the parent: no gap, no overlap.
    @Test func childrenTileTheirParent() {
        var rng = SeededGenerator(seed: 99)
        for parent in areas where parent.level != .microGrid {
            let ring = Fixtures.ring(parent)
            let box = RingGeometry.bounds(ring)
            let children = Fixtures.children(of: parent.code).map { (code: $0.code, ring: Fixtures.ring($0)) }
            let childBoxes = children.map { RingGeometry.bounds($0.ring) }
            let samples = parent.level <= .town ? 400 : 40
            var tested = 0
            while tested < samples {
                let lng = rng.double(in: box.minLng...box.maxLng), lat = rng.double(in: box.minLat...box.maxLat)
                guard RingGeometry.contains(ring, lng: lng, lat: lat) else { continue }
                tested += 1
                let owners = children.indices.filter {
                    childBoxes[$0].contains(lng: lng, lat: lat) && RingGeometry.contains(children[$0].ring, lng: lng, lat: lat)
                }
                #expect(owners.count == 1, "point (\(lng), \(lat)) of \(parent.code) lies in \(owners.map { children[$0].code })")
            }
        }
    }

    @Test func chengxiangLiesNearItsRealCentre() {
        let ring = Fixtures.ring(Fixtures.areasByCode["330109001"]!)
        let box = RingGeometry.bounds(ring)
        #expect(abs((box.minLng + box.maxLng) / 2 - 120.26) < 0.04)
        #expect(abs((box.minLat + box.maxLat) / 2 - 30.16) < 0.04)
    }

    @Test func townsAreSizedByTheirCommunities() {
        func area(_ code: String) -> Double { RingGeometry.signedArea(Fixtures.ring(Fixtures.areasByCode[code]!)) }
        // 瓜沥镇 has 75 communities, 闻堰街道 14.
        #expect(area("330109113") > 3 * area("330109013"))
    }
}
