import Foundation
import GRDB
import Testing
import WangchaoCore
import WangchaoServices
import WangchaoTesting

@testable import WangchaoStore

/// Repeat detection in the SQLite store: the v8 backfill, indexed candidate queries, and the
/// configured policy applied at intake.
@Suite struct SQLiteRepeatTests {
    /// A case as stored before v8: its JSON has no repeat fields.
    static func oldCase(_ id: String, number: String, address: String, createdAt: Date) throws -> (Case, String) {
        var intake = Fixtures.intake()
        intake.location.address = address
        let c = intake.makeCase(
            id: id, number: number, trackingCode: "ABCDEFGH", areaCode: Fixtures.grid,
            category: CategoryCatalog.bundled["SR03"]!, at: createdAt)
        var object = try JSONSerialization.jsonObject(with: Data(StoredJSON.encode(c).utf8)) as! [String: Any]
        object.removeValue(forKey: "repeatCandidates")
        object.removeValue(forKey: "likelyRepeat")
        let body = String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
        return (c, body)
    }

    @Test func migrationBackfillsPointAddressAndFlagFromTheBody() async throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("old.sqlite")
        let (old, body) = try Self.oldCase("c1", number: "XS-20261124-000001", address: "湘湖路 100 号", createdAt: Fixtures.now)
        do {
            let queue = try DatabaseQueue(path: path)
            try SQLiteSchema.migrator.migrate(queue, upTo: "v5-phone-digest")
            try await queue.write { db in
                for area in Fixtures.areas {
                    try db.execute(
                        sql: "INSERT INTO areas (code, name, level, parent_code) VALUES (?, ?, ?, ?)",
                        arguments: [area.code, area.name, area.level.rawValue, area.parentCode])
                }
                try db.execute(
                    sql: """
                        INSERT INTO cases (id, number, state, area_code, category, source, priority, reporter_phone_digest,
                            search_text, version, created_at, updated_at, body)
                        VALUES ('c1', 'XS-20261124-000001', 'reported', ?, 'SR03', 'hotline12345', 'normal', ?, '', 1, ?, ?, ?)
                        """,
                    arguments: [
                        Fixtures.grid, PhoneDigest.of("13800000000"), Fixtures.now.storedMillis, Fixtures.now.storedMillis, body,
                    ])
            }
            try SQLiteSchema.migrator.migrate(queue)
            let row = try #require(
                try await queue.read { db in
                    try Row.fetchOne(db, sql: "SELECT lat, lng, address_digest, likely_repeat FROM cases WHERE id = 'c1'")
                })
            #expect(row["lat"] as Double? == old.location.lat)
            #expect(row["lng"] as Double? == old.location.lng)
            #expect(row["address_digest"] as String? == AddressDigest.of("湘湖路100号"))
            #expect(row["likely_repeat"] as Int? == 0)
        }
        let store = try SQLiteStore(path: path)
        #expect(try await store.getCase(id: "c1") == old)
        var intake = Fixtures.intake(category: "SR01")
        intake.location.address = "湘湖路100号"
        intake.reporter = nil
        let found = try await store.repeatCandidates(for: intake, at: Fixtures.now + 60, policy: .standard)
        #expect(found.map(\.caseId) == ["c1"])
        #expect(found.first?.reasons == [.sameAddress])
        let nearby = try await store.repeatCandidates(for: Fixtures.intake(), at: Fixtures.now + 60, policy: .standard)
        #expect(nearby.first?.reasons.first == .nearby(distanceMetres: 0))
    }

    /// Each candidate query goes through an index, never a scan of the cases table.
    @Test func candidateQueriesUseIndexes() async throws {
        let fixture = try await SQLiteFixture()
        let probe = RepeatProbe(Fixtures.intake(), at: Fixtures.now)
        let queries = SQLiteStore.repeatQueries(probe, policy: .standard)
        #expect(queries.count == 3)
        let raw = try DatabaseQueue(path: fixture.store.path)
        let expected = ["cases_category_created", "cases_address_digest", "cases_phone_digest"]
        for ((sql, arguments), index) in zip(queries, expected) {
            let plan = try await raw.read { db in
                try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql, arguments: arguments).map { $0["detail"] as String }
            }.joined(separator: "; ")
            #expect(plan.contains("USING INDEX \(index)"), "\(sql): \(plan)")
            #expect(!plan.contains("SCAN cases"), "\(sql): \(plan)")
        }
    }

    @Test func theConfiguredPolicyAppliesAtIntake() async throws {
        var policy = RepeatPolicy.standard
        policy.radiusMetres = 300
        let fixture = try await SQLiteFixture()
        let cases = CaseService(store: fixture.store, settings: try DomainSettings(repeatPolicy: policy))
        func file(_ intake: Intake, at now: Date) async throws -> Case {
            try await cases.file(intake, by: Fixtures.gridWorker, idempotencyKey: nil, at: now).case
        }
        let first = try await file(RepeatIntakes.at(north: 0, address: "湘湖路1号"), at: Fixtures.now)
        let second = try await file(RepeatIntakes.at(north: 250, address: "湘湖路9号"), at: Fixtures.now + 60)
        #expect(second.likelyRepeat)
        #expect(second.repeatCandidates.map(\.caseId) == [first.id])

        let standard = try await SQLiteFixture()
        _ = try await standard.store.fileCase(RepeatIntakes.at(north: 0, address: "湘湖路1号"))
        let far = try await standard.store.fileCase(RepeatIntakes.at(north: 250, address: "湘湖路9号"), at: Fixtures.now + 60)
        #expect(!far.likelyRepeat)
        #expect(far.repeatCandidates.isEmpty)
    }

    @Test func aBadPolicyIsRefusedWithTheSettings() throws {
        var policy = RepeatPolicy.standard
        policy.windowHours = -1
        #expect(throws: DomainError.invalid(field: "windowHours", "须为大于 0、不超过 720 小时的数")) {
            try DomainSettings(repeatPolicy: policy)
        }
    }
}

enum RepeatIntakes {
    static func at(north metres: Double, address: String) -> Intake {
        var intake = Fixtures.intake()
        intake.location.lat += metres / GreatCircle.earthRadius * 180 / Double.pi
        intake.location.address = address
        intake.reporter = nil
        return intake
    }
}
