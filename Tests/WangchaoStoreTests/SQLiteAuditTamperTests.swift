import Foundation
import GRDB
import Testing
import WangchaoCore
import WangchaoStore
import WangchaoTesting

/// The audit trail refuses UPDATE and DELETE; someone who gets round that (dropping the
/// triggers with raw SQL) is still found by `verifyAudit`, at the first row they touched.
@Suite struct SQLiteAuditTamperTests {
    enum Tamper: String, CaseIterable, CustomTestStringConvertible {
        case changeActor, changeTime, deleteMiddleRow, deleteLastRow, rehashChangedRow, insertForgedRow
        var testDescription: String { rawValue }

        /// The SQL that does it, and the row `verifyAudit` must name.
        var sqlAndBreak: (sql: String, seq: Int64) {
            switch self {
            case .changeActor: ("UPDATE audit_log SET actor = 'admin' WHERE seq = 3", 3)
            case .changeTime: ("UPDATE audit_log SET at = at - 86400000 WHERE seq = 2", 2)
            case .deleteMiddleRow: ("DELETE FROM audit_log WHERE seq = 3", 3)
            case .deleteLastRow: ("DELETE FROM audit_log WHERE seq = 5", 5)
            // A forger who recomputes the changed row's own hash still breaks the next row's link.
            case .rehashChangedRow: ("UPDATE audit_log SET actor = 'admin', hash = '<rehash>' WHERE seq = 2", 3)
            case .insertForgedRow:
                ("INSERT INTO audit_log VALUES (6, 0, 'x', NULL, NULL, 'DELETE /api/v1/cases', NULL, NULL, 'f', 'f')", 6)
            }
        }
    }

    /// A store with five audited writes.
    static func auditedStore() async throws -> SQLiteFixture {
        let fixture = try await SQLiteFixture()
        let context = AuditContext(actor: "gw", role: "gridWorker", clientAddress: "10.0.0.1", action: "POST /api/v1/cases", at: Fixtures.now)
        try await AuditContext.$current.withValue(context) {
            for _ in 0..<5 { try await fixture.store.fileCase() }
        }
        let verification = try await fixture.store.verifyAudit()
        #expect(verification == AuditVerification(rowsChecked: 5, firstBreak: nil))
        return fixture
    }

    @Test func triggersRefuseUpdateAndDelete() async throws {
        let fixture = try await Self.auditedStore()
        let raw = try DatabaseQueue(path: fixture.store.path)
        #expect(throws: DatabaseError.self) { try raw.write { try $0.execute(sql: "UPDATE audit_log SET actor = 'x'") } }
        #expect(throws: DatabaseError.self) { try raw.write { try $0.execute(sql: "DELETE FROM audit_log") } }
        #expect(try await fixture.store.verifyAudit().isIntact)
    }

    @Test(arguments: Tamper.allCases)
    func tamperingIsFound(_ tamper: Tamper) async throws {
        let fixture = try await Self.auditedStore()
        let raw = try DatabaseQueue(path: fixture.store.path)
        try await raw.write { db in
            try db.execute(sql: "DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete")
            var sql = tamper.sqlAndBreak.sql
            if sql.contains("<rehash>") {
                let row = try #require(try Row.fetchOne(db, sql: "SELECT * FROM audit_log WHERE seq = 2"))
                let forged = AuditEntry.chainHash(
                    seq: 2, at: Date(timeIntervalSince1970: Double(row["at"] as Int64) / 1000), actor: "admin",
                    role: row["role"], clientAddress: row["client_address"], action: row["action"], target: row["target"],
                    detail: row["detail"], previousHash: row["previous_hash"])
                sql = sql.replacingOccurrences(of: "<rehash>", with: forged)
            }
            try db.execute(sql: sql)
        }
        let verification = try await fixture.store.verifyAudit()
        #expect(verification.firstBreak?.seq == tamper.sqlAndBreak.seq, "\(verification)")
        #expect(verification.firstBreak?.reason.isEmpty == false)
    }
}
