import Foundation
import WangchaoCore
import WangchaoStore

extension StoreConformance {
    static let addressChecks: [Check] = [
        Check("standardAddressesRoundTrip") { try await $0.standardAddressesRoundTrip() },
        Check("standardAddressCandidatesByKeys") { try await $0.standardAddressCandidatesByKeys() },
    ]

    /// A compound at 金城路123号 (two buildings, two units, two rooms each), a shop at 金城路125号
    /// and a rural house at 东山村8号 without a road.
    public static func sampleStandardAddresses() -> [StandardAddress] {
        func address(
            _ serial: Int, road: String?, number: String, building: String? = nil, unit: String? = nil,
            room: String? = nil, kind: StandardAddressKind = .dwelling
        ) -> StandardAddress {
            StandardAddress(
                code: "\(Fixtures.grid)001-\(String(format: "%06d", serial))", province: "浙江省", city: "杭州市",
                district: "萧山区", town: "城厢街道", village: road == nil ? "东山村" : "湘湖社区", road: road,
                number: number, building: building, unit: unit, room: room, districtCode: Fixtures.district,
                townCode: Fixtures.town, lat: 30.16 + Double(serial) / 100_000, lng: 120.26, microGridCode: Fixtures.grid + "001",
                kind: kind)
        }
        var all: [StandardAddress] = []
        var serial = 0
        // Saved out of index order on purpose: building 2 first.
        for building in ["2", "1"] {
            for unit in ["1", "2"] {
                for room in ["101", "102"] {
                    serial += 1
                    all.append(address(serial, road: "金城路", number: "123", building: building, unit: unit, room: room))
                }
            }
        }
        all.append(address(9, road: "金城路", number: "125", kind: .shop))
        all.append(address(10, road: nil, number: "8"))
        return all
    }

    /// Standard addresses come back as saved (text, components, point, kind); unknown codes are
    /// nil; saving a code again replaces it; the count follows.
    public func standardAddressesRoundTrip() async throws {
        let store = try await makeStore()
        let sample = Self.sampleStandardAddresses()
        try expectEqual(try await store.standardAddressCount(), 0, "count before saving")
        try await store.saveStandardAddresses(batches: [Array(sample[0..<5]), Array(sample[5...])]) { _ in }
        for address in sample {
            try expectEqual(try await store.standardAddress(code: address.code), address, "standardAddress(code: \(address.code))")
        }
        try expectEqual(try await store.standardAddress(code: "no-such-code"), nil, "an unknown code")
        try expectEqual(try await store.standardAddressCount(), sample.count, "count after saving")

        var moved = sample[8]
        moved.number = "127"
        moved.text = moved.normalisedText
        moved.kind = .enterprise
        try await store.saveStandardAddresses([moved])
        try expectEqual(try await store.standardAddress(code: moved.code), moved, "a re-saved code is replaced")
        try expectEqual(try await store.standardAddressCount(), sample.count, "count after replacing")
        let atOld = try await store.standardAddressCandidates(
            [.door(key: sample[8].doorKey!, building: nil, unit: nil, room: nil)], limit: 10)
        try expectEqual(atOld.map(\.code), [], "the replaced address no longer answers its old door")
    }

    /// Door probes find the addresses of a door narrowed by the given building/unit/room (nil is
    /// any), in (building, unit, room) order, at most `limit` per probe; a text digest finds its
    /// text; probes are merged without duplicates; an unknown key finds nothing.
    public func standardAddressCandidatesByKeys() async throws {
        let store = try await makeStore()
        let sample = Self.sampleStandardAddresses()
        try await store.saveStandardAddresses(sample)
        let door = try unwrap(sample[0].doorKey, "door key of 金城路123号")
        func codes(_ probes: [StandardAddressProbe], limit: Int = 50) async throws -> [String] {
            try await store.standardAddressCandidates(probes, limit: limit).map(\.code)
        }
        let byBuildingUnitRoom = sample[0..<8].sorted {
            ($0.building!, $0.unit!, $0.room!) < ($1.building!, $1.unit!, $1.room!)
        }.map(\.code)

        try expectEqual(
            try await codes([.door(key: door, building: nil, unit: nil, room: nil)]), byBuildingUnitRoom,
            "the whole door, in building/unit/room order")
        try expectEqual(
            try await codes([.door(key: door, building: "2", unit: "1", room: "102")]), [sample[1].code],
            "building 2, unit 1, room 102")
        try expectEqual(
            try await codes([.door(key: door, building: "1", unit: nil, room: nil)]),
            Array(byBuildingUnitRoom[0..<4]), "building 1, any unit and room")
        try expectEqual(
            try await codes([.door(key: door, building: nil, unit: "2", room: "101")]),
            [sample[6].code, sample[2].code], "unit 2 room 101 of any building")
        try expectEqual(
            try await codes([.door(key: door, building: nil, unit: nil, room: nil)], limit: 3),
            Array(byBuildingUnitRoom[0..<3]), "limit 3")
        try expectEqual(
            try await codes([.door(key: door, building: "3", unit: nil, room: nil)]), [], "a building that is not there")

        let rural = sample[9]
        try expectEqual(
            StandardAddressKeys.door(districtCode: Fixtures.district, place: "东山村", number: "8"), rural.doorKey,
            "a rural door is keyed by its village")
        try expectEqual(
            try await codes([.door(key: rural.doorKey!, building: nil, unit: nil, room: nil)]), [rural.code], "东山村8号")
        try expectEqual(
            try await codes([.textDigest(StandardAddressKeys.textDigest(" " + sample[8].text))]), [sample[8].code],
            "the text digest (spaces ignored)")
        try expectEqual(
            try await codes([
                .textDigest(StandardAddressKeys.textDigest(sample[1].text)),
                .door(key: door, building: "2", unit: "1", room: nil),
            ]),
            [sample[1].code, sample[0].code], "probes merged in order without duplicates")
        try expectEqual(
            try await codes([.door(key: door &+ 1, building: nil, unit: nil, room: nil), .textDigest(42)]), [],
            "unknown keys")
    }
}
