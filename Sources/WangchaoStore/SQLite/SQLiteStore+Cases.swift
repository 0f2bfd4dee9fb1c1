import Foundation
import GRDB
import WangchaoCore

extension SQLiteStore {
    public func recordNewCase(_ plan: NewCase) async throws -> CaseCreation {
        try await write { db in
            if let claim = plan.idempotency, let earlier = try Self.idempotentSubmission(claim.actor, claim.key, in: db) {
                guard earlier.requestHash == claim.requestHash else {
                    throw DomainError.invalid(field: "Idempotency-Key", "该幂等键已用于另一份不同的提交")
                }
                return CaseCreation(case: earlier.case, replayed: true)
            }
            if let link = plan.externalRecord, try Self.externalRecordLink(link.recordId, link.systemId, in: db) != nil {
                throw DomainError.versionConflict(expected: 0, actual: 1)
            }
            var newCase = plan.case
            let day = CaseNumber.day(of: newCase.createdAt)
            let sequence = try Int.fetchOne(
                db,
                sql: """
                    INSERT INTO case_counters (day, last) VALUES (?, 1)
                    ON CONFLICT (day) DO UPDATE SET last = last + 1 RETURNING last
                    """, arguments: [day])!
            newCase.number = CaseNumber.format(day: day, sequence: sequence)
            try Self.insert(newCase, in: db)
            try Self.linkCheckedAttachments(plan.attachmentIds, to: newCase.id, in: db)
            try Self.append(plan.transition, in: db)
            try Self.enqueueWebhooks(for: plan.transition, producing: newCase, in: db)
            if let claim = plan.idempotency {
                try db.execute(
                    sql: "INSERT INTO idempotency_keys (actor, key, request_hash, case_id, created_at) VALUES (?, ?, ?, ?, ?)",
                    arguments: [claim.actor, claim.key, claim.requestHash, newCase.id, newCase.createdAt.storedMillis])
            }
            if let link = plan.externalRecord {
                try db.execute(
                    sql: """
                        INSERT INTO external_records (system_id, record_id, case_id, body_hash, received_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        link.systemId, link.recordId, newCase.id, link.bodyHash, newCase.createdAt.storedMillis,
                        newCase.createdAt.storedMillis,
                    ])
            }
            return CaseCreation(case: newCase, replayed: false)
        }
    }

    public func recordChange(_ change: CaseChange) async throws -> Case {
        guard let result = change.result else { throw DomainError.invalid(field: "steps", "变更没有任何步骤") }
        return try await write { db in
            if let timer = change.firedTimer {
                guard try Self.timerIsPending(timer, in: db) else {
                    throw DomainError.versionConflict(expected: change.expectedVersion, actual: change.expectedVersion)
                }
                Failpoint.timerAfterDecide.hit()
            }
            try Self.update(result, from: change.expectedVersion, in: db)
            try Self.linkCheckedAttachments(change.attachmentIds, to: change.caseId, in: db)
            for step in change.steps {
                try Self.append(step.transition, in: db)
                try Self.insertNotices(step.notices, for: step.transition, of: step.case, in: db)
                try Self.enqueueWebhooks(for: step.transition, producing: step.case, in: db)
            }
            if let link = change.externalRecord {
                try db.execute(
                    sql: "UPDATE external_records SET body_hash = ?, updated_at = ? WHERE system_id = ? AND record_id = ?",
                    arguments: [link.bodyHash, result.updatedAt.storedMillis, link.systemId, link.recordId])
            }
            return result
        }
    }

    public func idempotentSubmission(actor: String, key: String) async throws -> (requestHash: String, case: Case)? {
        try await reads.read { db in try Self.idempotentSubmission(actor, key, in: db) }
    }

    static func idempotentSubmission(_ actor: String, _ key: String, in db: Database) throws
        -> (requestHash: String, case: Case)?
    {
        guard
            let row = try Row.fetchOne(
                db, sql: "SELECT request_hash, case_id FROM idempotency_keys WHERE actor = ? AND key = ?",
                arguments: [actor, key])
        else { return nil }
        guard let existing = try fetchCase(db, id: row["case_id"]) else { throw DomainError.notFound("幂等键对应的案件不存在") }
        return (row["request_hash"], existing)
    }

    public func getCase(id: String) async throws -> Case? {
        try await reads.read { db in try Self.fetchCase(db, id: id) }
    }

    public func getCase(number: String) async throws -> Case? {
        try await reads.read { db in
            try String.fetchOne(db, sql: "SELECT body FROM cases WHERE number = ?", arguments: [number])
        }.map { try StoredJSON.decodeCase($0) }
    }

    public func history(caseId: String) async throws -> [Transition] {
        try await reads.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM transitions WHERE case_id = ? ORDER BY version", arguments: [caseId])
                .map(Self.transition(from:))
        }
    }

    // MARK: Rows

    static func fetchCase(_ db: Database, id: String) throws -> Case? {
        try String.fetchOne(db, sql: "SELECT body FROM cases WHERE id = ?", arguments: [id])
            .map { try StoredJSON.decodeCase($0) }
    }

    static func insert(_ c: Case, in db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO cases (id, number, state, area_code, category, source, priority, assigned_unit_id,
                    reporter_phone_digest, search_text, version, created_at, updated_at, body, assignee,
                    lat, lng, address_digest, likely_repeat, tier, rework_count, satisfaction, due_at, warn_at, kind)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                c.id, c.number, c.state.rawValue, c.areaCode, c.category, c.source.rawValue, c.priority.rawValue,
                c.assignedUnitId, PhoneDigest.of(c.reporter.phone), searchText(of: c), c.version, c.createdAt.storedMillis,
                c.updatedAt.storedMillis, try StoredJSON.encode(StoredCase(c)), c.assignee,
                c.location.lat, c.location.lng, AddressDigest.of(c.location.address), c.likelyRepeat,
                c.tier.rawValue, c.reworkCount, c.satisfaction, c.earliestDue?.storedMillis, c.earliestYellow?.storedMillis,
                c.kind.rawValue,
            ])
        try writeDerivedRows(of: c, in: db)
    }

    /// Writes a changed case whose stored version is `previousVersion` (by default one less:
    /// one transition; a timer firing may record several).
    static func update(_ c: Case, from previousVersion: Int? = nil, in db: Database) throws {
        let previousVersion = previousVersion ?? c.version - 1
        try db.execute(
            sql: """
                UPDATE cases SET state = ?, area_code = ?, assigned_unit_id = ?, version = ?, updated_at = ?, body = ?,
                    assignee = ?, tier = ?, rework_count = ?, satisfaction = ?, priority = ?, category = ?, due_at = ?, warn_at = ?,
                    search_text = ?, reporter_phone_digest = ?
                WHERE id = ? AND version = ?
                """,
            arguments: [
                c.state.rawValue, c.areaCode, c.assignedUnitId, c.version, c.updatedAt.storedMillis,
                try StoredJSON.encode(StoredCase(c)), c.assignee, c.tier.rawValue, c.reworkCount, c.satisfaction, c.priority.rawValue,
                c.category, c.earliestDue?.storedMillis, c.earliestYellow?.storedMillis, searchText(of: c),
                PhoneDigest.of(c.reporter.phone), c.id, previousVersion,
            ])
        guard db.changesCount == 1 else {
            guard let stored = try Int.fetchOne(db, sql: "SELECT version FROM cases WHERE id = ?", arguments: [c.id]) else {
                throw DomainError.notFound("案件不存在")
            }
            throw DomainError.versionConflict(expected: previousVersion, actual: stored)
        }
        try db.execute(sql: "DELETE FROM case_deadlines WHERE case_id = ?", arguments: [c.id])
        try db.execute(sql: "DELETE FROM sla_timers WHERE case_id = ?", arguments: [c.id])
        try writeDerivedRows(of: c, in: db)
    }

    /// The rows derived from a case: involved units, running deadlines and their timers.
    private static func writeDerivedRows(of c: Case, in db: Database) throws {
        for unitId in c.involvedUnitIds {
            try db.execute(sql: "INSERT OR IGNORE INTO case_units (case_id, unit_id) VALUES (?, ?)", arguments: [c.id, unitId])
        }
        for deadline in c.deadlines {
            try db.execute(
                sql: "INSERT OR REPLACE INTO case_deadlines (case_id, kind, due_at) VALUES (?, ?, ?)",
                arguments: [c.id, deadline.kind.rawValue, deadline.dueAt.storedMillis])
        }
        try writeTimerRows(of: c, in: db)
    }

    /// Appends a history row.
    static func append(_ t: Transition, in db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO transitions (case_id, version, from_state, to_state, action, actor, actor_role, at, note,
                    attachments, payload, explanation)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                t.caseId, t.version, t.fromState?.rawValue, t.toState.rawValue, t.action, t.actor, t.actorRole?.rawValue,
                t.at.storedMillis, t.note, try StoredJSON.encode(t.attachments), try t.payload.map(StoredJSON.encode),
                try t.explanation.map(StoredJSON.encode),
            ])
    }

    static func transition(from row: Row) throws -> Transition {
        Transition(
            caseId: row["case_id"], version: row["version"],
            fromState: (row["from_state"] as String?).flatMap(CaseState.init(rawValue:)),
            toState: CaseState(rawValue: row["to_state"]) ?? .reported, action: row["action"], actor: row["actor"],
            actorRole: (row["actor_role"] as String?).flatMap(Role.init(rawValue:)), at: Date(storedMillis: row["at"]),
            note: row["note"], attachments: try StoredJSON.decode([String].self, from: row["attachments"]),
            payload: try (row["payload"] as String?).map { try StoredJSON.decode(CaseCommand.self, from: $0) },
            explanation: try (row["explanation"] as String?).map { try StoredJSON.decode(RoutingDecision.self, from: $0) })
    }

    /// What free-text search looks in: the description and the address.
    static func searchText(of c: Case) -> String { c.description + "\n" + c.location.address }
}
