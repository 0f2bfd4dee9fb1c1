import Foundation
import WangchaoCore
import WangchaoStore

extension StoreConformance {
    static let registryChecks: [Check] = [
        Check("registryRecordsRoundTripAndRerun") { try await $0.registryRecordsRoundTripAndRerun() },
        Check("casesNearAnAddress") { try await $0.casesNearAnAddress() },
    ]

    /// Two residents, an enterprise and a facility at one standard address, a resident at
    /// another, and one who matched none; all from 公安局/市场监管局/城管局 tables.
    public static func sampleRegistry() -> RegistryRecords {
        func lineage(_ department: String, _ table: String, _ row: Int) -> Lineage {
            Lineage(department: department, table: table, row: row)
        }
        let police = "公安局", table = "常住人口登记表"
        func person(_ row: Int, _ name: String, _ idNumber: String, _ code: String?, _ relation: DwellingRelation?) -> Person {
            Person(
                id: Lineage.recordId(prefix: "P", department: police, table: table, key: idNumber), name: name,
                idNumber: idNumber, phone: "1380000000\(row)", addressCode: code, addressText: "金城路123号", relation: relation,
                registeredOn: "2020-01-0\(row)", lineage: lineage(police, table, row))
        }
        return RegistryRecords(
            people: [
                person(2, "来建国", "11010519491231002X", "A-1", .registered),
                person(3, "徐婷", "330109199001011239", "A-1", .tenant),
                person(4, "陈伟", "33010919850202771X", "A-2", nil),
                person(5, "王芳", "330109197703030021", nil, .resident),
            ],
            enterprises: [
                Enterprise(
                    id: Lineage.recordId(prefix: "E", department: "市场监管局", table: "企业登记", key: "91350100M000100Y43"),
                    name: "萧山湘湖餐饮有限公司", creditCode: "91350100M000100Y43", legalRepresentative: "朱国平",
                    phone: "0571-82345678", industry: "餐饮业", addressCode: "A-1", addressText: "金城路123号",
                    establishedOn: "2018-06-01", lineage: lineage("市场监管局", "企业登记", 2))
            ],
            facilities: [
                Facility(
                    id: Lineage.recordId(prefix: "F", department: "城管局", table: "市政设施", key: "XF-001"), name: "1号消防栓",
                    kind: "消防栓", sourceCode: "XF-001", addressCode: "A-1", addressText: nil,
                    lineage: lineage("城管局", "市政设施", 7))
            ])
    }

    /// Records come back as saved, by id and by address (ordered by id, limited); a second
    /// save of the same records writes nothing and counts them all as duplicates; reports are
    /// stored with the figures filled in, newest first.
    public func registryRecordsRoundTripAndRerun() async throws {
        let store = try await makeStore()
        let sample = Self.sampleRegistry()
        func report(_ id: String) -> ImportReport {
            ImportReport(
                id: id, file: "people.csv", department: "公安局", table: "常住人口登记表", target: .person,
                importedAt: Fixtures.now, rowsRead: 6, linked: 4)
        }
        let first = try await store.saveRegistryRecords(sample, report: report("R1"))
        try expectEqual(first.inserted, 6, "inserted on the first save")
        try expectEqual(first.duplicates, 0, "duplicates on the first save")
        try expectEqual(first.report?.imported, 6, "the stored report's imported")
        try expectEqual(first.report?.linked, 5, "the stored report's linked: imported records with an address")
        for person in sample.people {
            try expectEqual(try await store.person(id: person.id), person, "person(id: \(person.name))")
        }
        try expectEqual(try await store.enterprise(id: sample.enterprises[0].id), sample.enterprises[0], "enterprise(id:)")
        try expectEqual(try await store.person(id: "P-none"), nil, "an unknown person")
        try expectEqual(try await store.enterprise(id: "E-none"), nil, "an unknown enterprise")

        let atA = try await store.registry(atAddress: "A-1", limit: 50)
        try expectEqual(
            atA.people.map(\.id), sample.people.filter { $0.addressCode == "A-1" }.map(\.id).sorted(), "people at A-1 by id")
        try expectEqual(atA.enterprises, sample.enterprises, "enterprises at A-1")
        try expectEqual(atA.facilities, sample.facilities, "facilities at A-1")
        try expectEqual(
            try await store.registry(atAddress: "A-1", limit: 1).people.map(\.id), [atA.people[0].id], "limit 1")
        try expectEqual(try await store.registry(atAddress: "A-2", limit: 50).people.map(\.name), ["陈伟"], "people at A-2")
        try expectEqual(try await store.registry(atAddress: "A-9", limit: 50).people, [], "nobody at an unknown address")

        let second = try await store.saveRegistryRecords(sample, report: report("R2"))
        try expectEqual(second.inserted, 0, "a rerun inserts nothing")
        try expectEqual(second.duplicates, 6, "a rerun counts every record as a duplicate")
        try expectEqual(second.report?.duplicatesStored, 6, "the rerun's report counts them")
        try expectEqual(second.report?.linked, 0, "nothing imported, nothing linked")
        try expectEqual(try await store.registry(atAddress: "A-1", limit: 50).people.count, 2, "still two people at A-1")
        let reports = try await store.importReports(limit: 10)
        try expectEqual(reports.map(\.id), ["R2", "R1"], "reports newest first")
        try expectEqual(reports.map(\.imported), [0, 6], "reports' imported")
        try expectEqual(reports.last, first.report, "a report comes back as stored")
        try expectEqual(try await store.importReports(limit: 1).map(\.id), ["R2"], "reports limit 1")
    }

    /// A case placed at the standard address is found wherever its point is; others are found
    /// within the radius only; newest first, limited.
    public func casesNearAnAddress() async throws {
        let store = try await makeStore()
        try await store.loadFixtures()
        func intake(lat: Double, standardCode: String?, description: String) -> Intake {
            var intake = Fixtures.intake(description: description)
            intake.location = Location(lat: lat, lng: 120.26, address: "")
            intake.addressCheck = standardCode.map {
                AddressCheck(status: .matched, standardCode: $0, standardText: "金城路123号", score: 0.95, reason: nil)
            }
            return intake
        }
        // 30.16 is the address's point; 0.0002° of latitude is about 22 m, 0.0018° about 200 m.
        let placed = try await store.fileCase(
            intake(lat: 30.17, standardCode: "A-1", description: "楼道堆放杂物，影响消防通道"), at: Fixtures.now)
        let near = try await store.fileCase(
            intake(lat: 30.1602, standardCode: nil, description: "路灯不亮已经三天了"), at: Fixtures.now + 60)
        _ = try await store.fileCase(
            intake(lat: 30.1618, standardCode: nil, description: "井盖松动，车辆经过声音很大"), at: Fixtures.now + 120)
        _ = try await store.fileCase(
            intake(lat: 30.18, standardCode: "A-2", description: "小区门口垃圾桶满溢"), at: Fixtures.now + 180)

        let found = try await store.casesNear(addressCode: "A-1", lat: 30.16, lng: 120.26, radiusMetres: 50, limit: 10)
        try expectEqual(found.map(\.id), [near.id, placed.id], "placed at A-1 or within 50 m, newest first")
        let one = try await store.casesNear(addressCode: "A-1", lat: 30.16, lng: 120.26, radiusMetres: 50, limit: 1)
        try expectEqual(one.map(\.id), [near.id], "limit 1")
        let none = try await store.casesNear(addressCode: "A-9", lat: 31.0, lng: 121.0, radiusMetres: 50, limit: 10)
        try expectEqual(none.map(\.id), [], "nothing at an empty place")
    }
}
