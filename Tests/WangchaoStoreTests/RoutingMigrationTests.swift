import Foundation
import GRDB
import Testing
import WangchaoCore
import WangchaoTesting

@testable import WangchaoStore

/// Rows written before routing existed (no `assignee`, no `explanation`) read back unchanged
/// after "v7-routing", and such a case is routed like a new one.
@Suite struct RoutingMigrationTests {
    @Test func rowsFromBeforeRoutingDecodeAndRoute() async throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("old.sqlite")
        let old = Fixtures.intake().makeCase(
            id: "c1", number: "XS-20261124-000001", trackingCode: "ABCDEFGH", areaCode: Fixtures.grid,
            category: CategoryCatalog.bundled["SR03"]!, at: Fixtures.now)
        let body = try StoredJSON.encode(old)
        #expect(!body.contains("assignee") && !body.contains("routing"))
        do {
            let queue = try DatabaseQueue(path: path)
            try SQLiteSchema.migrator.migrate(queue, upTo: "v5-phone-digest")
            try await queue.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO cases (id, number, state, area_code, category, source, priority, search_text, version,
                            created_at, updated_at, body)
                        VALUES ('c1', 'XS-20261124-000001', 'reported', ?, 'SR03', 'hotline12345', 'normal', '', 1, ?, ?, ?)
                        """, arguments: [Fixtures.grid, Fixtures.now.storedMillis, Fixtures.now.storedMillis, body])
                try db.execute(
                    sql: """
                        INSERT INTO transitions (case_id, version, from_state, to_state, action, actor, actor_role, at, note,
                            attachments, payload)
                        VALUES ('c1', 1, NULL, 'reported', 'intake', 'gw', 'gridWorker', ?, NULL, '[]', NULL)
                        """, arguments: [Fixtures.now.storedMillis])
            }
        }
        let store = try SQLiteStore(path: path)
        try await store.loadFixtures()
        #expect(try await store.getCase(id: "c1") == old)
        let history = try await store.history(caseId: "c1")
        #expect(history.count == 1)
        #expect(history.first?.explanation == nil)

        _ = try await store.saveRoutingRules(Data(StoreConformance.fixtureRules.utf8), by: "admin", at: Fixtures.now)
        let routed = try await store.act(.accept, on: "c1", by: Fixtures.dispatcher)
        #expect(routed.state == .dispatched)
        #expect(routed.assignee == Fixtures.gridWorker.username)
        #expect(try await store.history(caseId: "c1").last?.explanation?.unitId == Fixtures.gridTeam)
    }
}
