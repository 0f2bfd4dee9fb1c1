import Testing
import WangchaoCore
@testable import WangchaoDemo

@Suite("demo standard addresses")
struct StandardAddressTests {
    static func generate(_ count: Int, seed: UInt64 = DemoOptions.defaultSeed, batch: Int = 1_000) -> [StandardAddress] {
        var generator = StandardAddressGenerator(district: Fixtures.district, seed: seed, count: count)
        var all: [StandardAddress] = []
        while let next = generator.next(batchSize: batch) {
            #expect(next.count <= batch)
            all += next
        }
        return all
    }

    static let sample = generate(30_000)

    @Test("exactly the count asked for, codes unique, the same for the same seed whatever the batch size")
    func countAndDeterminism() {
        #expect(Self.sample.count == 30_000)
        #expect(Set(Self.sample.map(\.code)).count == 30_000)
        #expect(Self.generate(30_000, batch: 7_777) == Self.sample)
        #expect(Self.generate(3_000, seed: 1).map(\.text) != Array(Self.sample.prefix(3_000)).map(\.text))
        #expect(Self.generate(0).isEmpty)
    }

    @Test("each point lies inside its micro-grid's polygon, and the codes above agree with it")
    func pointsInMicroGrids() throws {
        for address in Self.sample.enumerated().filter({ $0.offset % 7 == 0 }).map(\.element) {
            let grid = try #require(Fixtures.areasByCode[address.microGridCode])
            #expect(grid.level == .microGrid)
            #expect(RingGeometry.contains(Fixtures.ring(grid), lng: address.lng, lat: address.lat), "\(address.code)")
            #expect(address.townCode == String(address.microGridCode.prefix(9)))
            #expect(Fixtures.areasByCode[address.townCode]?.name == address.town)
            #expect(address.districtCode == "330109")
            #expect(address.code.hasPrefix(address.microGridCode + "-"))
        }
    }

    @Test("no two addresses share door, building, unit and room; every kind occurs; flats have 幢/单元/室")
    func realistic() {
        var doors: Set<String> = []
        for a in Self.sample {
            let key = [a.place, a.number, a.building, a.unit, a.room].map { $0 ?? "-" }.joined(separator: "|")
            #expect(doors.insert(key).inserted, "\(a.text) repeats a door")
            #expect(a.text == a.normalisedText)
            #expect(a.number != nil)
        }
        let kinds = Dictionary(grouping: Self.sample, by: \.kind).mapValues(\.count)
        #expect(Set(kinds.keys) == Set(StandardAddressKind.allCases))
        #expect(Double(kinds[.dwelling] ?? 0) / 30_000 > 0.75)
        let flats = Self.sample.filter { $0.room != nil }
        #expect(flats.count > 15_000)
        #expect(flats.allSatisfy { $0.building != nil && $0.unit != nil && $0.road != nil })
        #expect(Self.sample.contains { $0.road == nil && $0.village?.hasSuffix("村") == true }, "rural houses numbered by village")
        let shops = Self.sample.filter { $0.kind == .shop }
        #expect(shops.allSatisfy { $0.road != nil && $0.room == nil })
    }
}
