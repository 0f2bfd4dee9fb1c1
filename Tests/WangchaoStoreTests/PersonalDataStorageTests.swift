import Foundation
import GRDB
import Testing
import WangchaoCore
import WangchaoTesting

@testable import WangchaoStore

/// A reporter's phone is stored once, in the case; the table's filter column holds a digest.
@Suite struct PersonalDataStorageTests {
    @Test func thePhoneIsStoredOnceAndFoundWhateverItsSeparators() async throws {
        let fixture = try await SQLiteFixture()
        let filed = try await fixture.store.fileCase()  // reporter phone 13800000000
        let raw = try DatabaseQueue(path: fixture.store.path)
        let columns = try await raw.read { db in try db.columns(in: "cases").map(\.name) }
        #expect(!columns.contains("reporter_phone"))
        let copies = try await raw.read { db in
            try Int.fetchOne(
                db,
                sql: "SELECT count(*) FROM cases WHERE instr(coalesce(reporter_phone_digest, '') || search_text, '13800000000') > 0")
        }
        #expect(copies == 0, "no second copy of the number outside the case body")

        var query = CaseQuery()
        query.reporterPhone = "138-0000 0000"
        let found = try await fixture.store.listCases(query, viewer: Fixtures.commander.viewer)
        #expect(found.items.map(\.id) == [filed.id])
    }

    @Test func migrationTurnsStoredPhonesIntoDigests() throws {
        let directory = try TemporaryDirectory()
        let queue = try DatabaseQueue(path: directory.file("old.sqlite"))
        try SQLiteSchema.migrator.migrate(queue, upTo: "v4-audit")
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO cases (id, number, state, area_code, category, source, priority, reporter_phone,
                    search_text, version, created_at, updated_at, body)
                VALUES ('c1', 'XS-20261124-000001', 'reported', '330109', 'SR03', 'hotline12345', 'normal',
                    '13800000000', '', 1, 0, 0, '{}')
                """)
        }
        try SQLiteSchema.migrator.migrate(queue)
        let digest = try queue.read { db in
            try String.fetchOne(db, sql: "SELECT reporter_phone_digest FROM cases WHERE id = 'c1'")
        }
        #expect(digest == PhoneDigest.of("13800000000"))
        #expect(try queue.read { db in try db.columns(in: "cases").map(\.name) }.contains("reporter_phone") == false)
    }
}
