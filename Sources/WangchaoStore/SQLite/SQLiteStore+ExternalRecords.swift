import Foundation
import GRDB
import WangchaoCore

extension SQLiteStore {
    public func upsertExternalRecord(_ intake: Intake, recordId: String, from system: IntegrationSystem, at now: Date)
        async throws -> ExternalUpsert
    {
        try ExternalChange.validate(recordId: recordId)
        try intake.validate(categories: categories)
        guard intake.attachments?.isEmpty ?? true else {
            throw DomainError.invalid(field: "attachments", "接入系统报送暂不支持附件")
        }
        guard let category = categories[intake.category] else { throw DomainError.invalid(field: "category", "未知的事件分类") }
        let bodyHash = try Self.hash(of: intake)
        let caseId = UUID().uuidString.lowercased()
        let trackingCode = configuration.trackingCodes()
        let sla = configuration.sla
        let repeatPolicy = configuration.repeatPolicy
        return try await write { db in
            if let mapping = try Row.fetchOne(
                db, sql: "SELECT case_id, body_hash FROM external_records WHERE system_id = ? AND record_id = ?",
                arguments: [system.id, recordId])
            {
                guard let current = try Self.fetchCase(db, id: mapping["case_id"]) else {
                    throw DomainError.notFound("记录对应的案件不存在")
                }
                guard mapping["body_hash"] != bodyHash else { return ExternalUpsert(case: current, outcome: .unchanged) }
                let (updated, transition) = try ExternalUpdate.apply(intake, to: current, actor: system.actorName, at: now)
                try Self.update(updated, in: db)
                try db.execute(
                    sql: "UPDATE cases SET search_text = ?, reporter_phone_digest = ?, priority = ? WHERE id = ?",
                    arguments: [
                        Self.searchText(of: updated), PhoneDigest.of(updated.reporter.phone), updated.priority.rawValue,
                        updated.id,
                    ])
                try Self.append(transition, producing: updated, in: db)
                try db.execute(
                    sql: "UPDATE external_records SET body_hash = ?, updated_at = ? WHERE system_id = ? AND record_id = ?",
                    arguments: [bodyHash, now.storedMillis, system.id, recordId])
                return ExternalUpsert(case: updated, outcome: .updated)
            }
            let newCase = try Self.fileNewCase(
                intake, category: category, by: nil, recordedAs: system.actorName, id: caseId, trackingCode: trackingCode,
                sla: sla, repeatPolicy: repeatPolicy, at: now, in: db)
            try db.execute(
                sql: """
                    INSERT INTO external_records (system_id, record_id, case_id, body_hash, received_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """, arguments: [system.id, recordId, caseId, bodyHash, now.storedMillis, now.storedMillis])
            return ExternalUpsert(case: newCase, outcome: .created)
        }
    }

    public func externalRecord(recordId: String, systemId: String) async throws -> Case? {
        try await reads.read { db in
            try String.fetchOne(
                db,
                sql: """
                    SELECT c.body FROM external_records e JOIN cases c ON c.id = e.case_id
                    WHERE e.system_id = ? AND e.record_id = ?
                    """, arguments: [systemId, recordId])
        }.map { try StoredJSON.decode(Case.self, from: $0) }
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
