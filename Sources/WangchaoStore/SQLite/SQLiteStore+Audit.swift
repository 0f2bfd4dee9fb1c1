import Foundation
import GRDB
import WangchaoCore

extension SQLiteStore {
    /// Every write of the store goes through here: inside an ``AuditContext`` (a request or a
    /// command), the audit row commits in the same transaction as the change it records, so no
    /// acknowledged change can lack its audit row.
    func write<T: Sendable>(_ work: @escaping @Sendable (Database) throws -> T) async throws -> T {
        let audit = AuditContext.current
        return try await groupCommit.write { db in
            let value = try work(db)
            if let audit {
                try Self.appendAudit(audit, target: (value as? any AuditTarget)?.auditTarget, detail: nil, in: db)
            }
            return value
        }
    }

    public func recordAudit(_ context: AuditContext, target: String?, detail: String?) async throws {
        try await groupCommit.write { db in try Self.appendAudit(context, target: target, detail: detail, in: db) }
    }

    public func auditEntries(after seq: Int64?, limit: Int) async throws -> [AuditEntry] {
        try await reads.read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?", arguments: [seq ?? 0, limit]
            ).map(Self.auditEntry(from:))
        }
    }

    public func verifyAudit() async throws -> AuditVerification {
        try await reads.read { db in
            var previous = (seq: Int64(0), hash: AuditEntry.genesisHash)
            var checked = 0
            let rows = try Row.fetchCursor(db, sql: "SELECT * FROM audit_log ORDER BY seq")
            while let row = try rows.next() {
                let entry = Self.auditEntry(from: row)
                checked += 1
                func broken(_ reason: String) -> AuditVerification {
                    AuditVerification(rowsChecked: checked, firstBreak: .init(seq: entry.seq, reason: reason))
                }
                if entry.seq != previous.seq + 1 {
                    return AuditVerification(
                        rowsChecked: checked,
                        firstBreak: .init(seq: previous.seq + 1, reason: "第 \(previous.seq + 1) 行缺失（下一行是第 \(entry.seq) 行）"))
                }
                if entry.previousHash != previous.hash { return broken("前一行哈希不符：前一行被修改或删除") }
                if entry.hash != entry.expectedHash { return broken("本行哈希不符：本行内容被修改") }
                previous = (entry.seq, entry.hash)
            }
            let head = try Row.fetchOne(db, sql: "SELECT seq, hash FROM audit_head WHERE id = 1")
            let headSeq: Int64 = head?["seq"] ?? 0
            let headHash: String = head?["hash"] ?? AuditEntry.genesisHash
            if headSeq != previous.seq || headHash != previous.hash {
                return AuditVerification(
                    rowsChecked: checked,
                    firstBreak: .init(
                        seq: previous.seq + 1,
                        reason: "链尾记录为第 \(headSeq) 行，实际最后一行为第 \(previous.seq) 行：末尾的行被删除或改动"))
            }
            return AuditVerification(rowsChecked: checked, firstBreak: nil)
        }
    }

    /// Appends one row to the chain; runs on the writer, so rows are numbered without races.
    static func appendAudit(_ context: AuditContext, target: String?, detail: String?, in db: Database) throws {
        let head = try Row.fetchOne(db, sql: "SELECT seq, hash FROM audit_head WHERE id = 1")
        let seq: Int64 = (head?["seq"] ?? 0) + 1
        let previousHash: String = head?["hash"] ?? AuditEntry.genesisHash
        let at = Date(storedMillis: context.at.storedMillis)
        let hash = AuditEntry.chainHash(
            seq: seq, at: at, actor: context.actor, role: context.role, clientAddress: context.clientAddress,
            action: context.action, target: target, detail: detail, previousHash: previousHash)
        try db.execute(
            sql: """
                INSERT INTO audit_log (seq, at, actor, role, client_address, action, target, detail, previous_hash, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                seq, at.storedMillis, context.actor, context.role, context.clientAddress, context.action, target, detail,
                previousHash, hash,
            ])
        try db.execute(
            sql: """
                INSERT INTO audit_head (id, seq, hash) VALUES (1, ?, ?)
                ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash
                """, arguments: [seq, hash])
    }

    static func auditEntry(from row: Row) -> AuditEntry {
        AuditEntry(
            seq: row["seq"], at: Date(storedMillis: row["at"]), actor: row["actor"], role: row["role"],
            clientAddress: row["client_address"], action: row["action"], target: row["target"], detail: row["detail"],
            previousHash: row["previous_hash"], hash: row["hash"])
    }
}

extension Case: AuditTarget {
    public var auditTarget: String { id }
}

extension CaseCreation: AuditTarget {
    public var auditTarget: String { self.case.id }
}

extension Session: AuditTarget {
    /// A sign-in is recorded against the account signed in to.
    public var auditTarget: String { username }
}
