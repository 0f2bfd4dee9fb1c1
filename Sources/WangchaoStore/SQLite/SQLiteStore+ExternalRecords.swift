import Foundation
import GRDB
import WangchaoCore

extension SQLiteStore {
    public func externalRecordLink(recordId: String, systemId: String) async throws -> (caseId: String, bodyHash: String)? {
        try await reads.read { db in try Self.externalRecordLink(recordId, systemId, in: db) }
    }

    static func externalRecordLink(_ recordId: String, _ systemId: String, in db: Database) throws
        -> (caseId: String, bodyHash: String)?
    {
        try Row.fetchOne(
            db, sql: "SELECT case_id, body_hash FROM external_records WHERE system_id = ? AND record_id = ?",
            arguments: [systemId, recordId]
        ).map { ($0["case_id"], $0["body_hash"]) }
    }

    public func externalRecord(recordId: String, systemId: String) async throws -> Case? {
        try await reads.read { db in
            try String.fetchOne(
                db,
                sql: """
                    SELECT c.body FROM external_records e JOIN cases c ON c.id = e.case_id
                    WHERE e.system_id = ? AND e.record_id = ?
                    """, arguments: [systemId, recordId])
        }.map { try StoredJSON.decodeCase($0) }
    }

    public func externalChanges(systemId: String, after seq: Int64, limit: Int) async throws -> [ExternalChange] {
        try await reads.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT t.seq, e.record_id, t.case_id, c.number, t.to_state, t.action, t.at
                    FROM external_records e
                    JOIN transitions t ON t.case_id = e.case_id AND t.seq > ?
                    JOIN cases c ON c.id = e.case_id
                    WHERE e.system_id = ?
                    ORDER BY t.seq LIMIT ?
                    """, arguments: [seq, systemId, max(0, limit)]
            ).map { row in
                ExternalChange(
                    seq: row["seq"], recordId: row["record_id"], caseId: row["case_id"], number: row["number"],
                    state: CaseState(rawValue: row["to_state"]) ?? .reported, action: row["action"],
                    at: Date(storedMillis: row["at"]))
            }
        }
    }
}
