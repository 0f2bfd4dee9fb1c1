import Crypto
import Foundation
import GRDB
import WangchaoCore

extension SQLiteStore {
    public func createCase(_ intake: Intake, by actor: User?, idempotencyKey: String?, at now: Date) async throws
        -> CaseCreation
    {
        try intake.validate(categories: categories)
        guard let category = categories[intake.category] else { throw DomainError.invalid(field: "category", "未知的事件分类") }
        let requestHash = try idempotencyKey.map { _ in try Self.hash(of: intake) }
        let caseId = UUID().uuidString.lowercased()
        let trackingCode = configuration.trackingCodes()
        let sla = configuration.sla
        let repeatPolicy = configuration.repeatPolicy
        return try await write { db in
            let actorName = actor?.username ?? Self.publicActor
            if let idempotencyKey, let requestHash,
                let earlier = try Row.fetchOne(
                    db, sql: "SELECT request_hash, case_id FROM idempotency_keys WHERE actor = ? AND key = ?",
                    arguments: [actorName, idempotencyKey])
            {
                guard earlier["request_hash"] == requestHash else {
                    throw DomainError.invalid(field: "Idempotency-Key", "该幂等键已用于另一份不同的提交")
                }
                guard let existing = try Self.fetchCase(db, id: earlier["case_id"]) else {
                    throw DomainError.notFound("幂等键对应的案件不存在")
                }
                return CaseCreation(case: existing, replayed: true)
            }
            let newCase = try Self.fileNewCase(
                intake, category: category, by: actor, id: caseId, trackingCode: trackingCode, sla: sla,
                repeatPolicy: repeatPolicy, at: now, in: db)
            if let idempotencyKey, let requestHash {
                try db.execute(
                    sql: "INSERT INTO idempotency_keys (actor, key, request_hash, case_id, created_at) VALUES (?, ?, ?, ?, ?)",
                    arguments: [actorName, idempotencyKey, requestHash, caseId, now.storedMillis])
            }
            return CaseCreation(case: newCase, replayed: false)
        }
    }

    public func applyTransition(caseId: String, _ input: TransitionInput, by actor: User, at now: Date) async throws -> Case {
        let categories = self.categories
        let sla = configuration.sla
        return try await write { db in
            guard let current = try Self.fetchCase(db, id: caseId), Access.canSee(current, user: actor) else {
                throw DomainError.notFound("案件不存在")
            }
            guard let category = categories[current.category] else {
                throw DomainError.invalid(field: "category", "案件分类 \(current.category) 已不存在")
            }
            let context = TransitionContext(
                unit: { id in try? Self.unit(id: id, in: db) },
                visibleCase: { id in (try? Self.fetchCase(db, id: id)).flatMap { $0 }.flatMap { Access.canSee($0, user: actor) ? $0 : nil } },
                visibleAttachment: { id in (try? Self.attachmentIsVisible(id, to: actor, in: db)) ?? false },
                category: category, sla: sla)
            let decided = try Lifecycle.apply(input, to: current, by: actor, at: now, context: context)
            try Self.linkCheckedAttachments(decided.transition.attachments, to: caseId, in: db)
            // Routing may add the automatic dispatch that follows an acceptance (SQLiteStore+Routing).
            var updated = current
            for (state, transition) in try Self.routed(decided, from: current, by: actor, at: now, context: context, in: db) {
                try Self.update(state, in: db)
                try Self.append(transition, producing: state, in: db)
                updated = state
            }
            return updated
        }
    }

    public func applyReporterRating(
        number: String, trackingCode: String, satisfaction: Int, comment: String?, at now: Date
    ) async throws -> Case {
        try await write { db in
            guard
                let body = try String.fetchOne(db, sql: "SELECT body FROM cases WHERE number = ?", arguments: [number]),
                case let current = try StoredJSON.decode(Case.self, from: body),
                TrackingCode.matches(trackingCode, current.trackingCode)
            else { throw DomainError.notFound("案件编号或查询码不正确") }
            let (updated, transition) = try Lifecycle.applyReporterRating(
                satisfaction: satisfaction, comment: comment, to: current, at: now)
            try Self.update(updated, in: db)
            try Self.append(transition, producing: updated, in: db)
            return updated
        }
    }

    public func getCase(id: String) async throws -> Case? {
        try await reads.read { db in try Self.fetchCase(db, id: id) }
    }

    public func getCase(number: String) async throws -> Case? {
        try await reads.read { db in
            try String.fetchOne(db, sql: "SELECT body FROM cases WHERE number = ?", arguments: [number])
        }.map { try StoredJSON.decode(Case.self, from: $0) }
    }

    public func history(caseId: String) async throws -> [Transition] {
        try await reads.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM transitions WHERE case_id = ? ORDER BY version", arguments: [caseId])
                .map(Self.transition(from:))
        }
    }

    // MARK: Rows

    /// Numbers and records a new case with its intake row, inside the caller's transaction:
    /// the one way a case comes into being, whichever door it came through.
    ///
    /// `recordedAs` names the history's actor when no user acts (a connected system).
    static func fileNewCase(
        _ intake: Intake, category: Category, by actor: User?, recordedAs: String? = nil, id caseId: String,
        trackingCode: String, sla: SLASettings, repeatPolicy: RepeatPolicy, at now: Date, in db: Database
    ) throws -> Case {
        let areaCode = try resolveArea(intake.areaCode, in: db)
        let sequence = try Int.fetchOne(
            db,
            sql: """
                INSERT INTO case_counters (day, last) VALUES (?, 1)
                ON CONFLICT (day) DO UPDATE SET last = last + 1 RETURNING last
                """, arguments: [CaseNumber.day(of: now)])!
        let number = CaseNumber.format(day: CaseNumber.day(of: now), sequence: sequence)
        var newCase = intake.makeCase(
            id: caseId, number: number, trackingCode: trackingCode, areaCode: areaCode, category: category, at: now,
            sla: sla)
        newCase.repeatCandidates = try repeatCandidates(RepeatProbe(intake, at: now), policy: repeatPolicy, in: db)
        newCase.likelyRepeat = RepeatPolicy.isLikelyRepeat(newCase.repeatCandidates)
        try insert(newCase, in: db)
        try linkAttachments(newCase.attachments, to: caseId, by: actor, in: db)
        let note = [intake.addressCheck?.note, intake.placementNote].compactMap { $0 }.joined(separator: "；")
        var intakeRow = Intake.intakeTransition(for: newCase, actor: actor, note: note.isEmpty ? nil : note)
        if let recordedAs { intakeRow.actor = recordedAs }
        try append(intakeRow, in: db)
        try enqueueWebhooks(for: intakeRow, producing: newCase, in: db)
        return newCase
    }

    /// The area a new case belongs to: the one named, which must exist, or the district.
    static func resolveArea(_ code: String?, in db: Database) throws -> String {
        if let code {
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM areas WHERE code = ?", arguments: [code]) != nil else {
                throw DomainError.invalid(field: "areaCode", "区域 \(code) 不存在")
            }
            return code
        }
        guard let root = try String.fetchOne(db, sql: "SELECT code FROM areas WHERE parent_code IS NULL ORDER BY code LIMIT 1")
        else { throw DomainError.invalid(field: "areaCode", "尚未导入任何区域，无法受理") }
        return root
    }

    static func fetchCase(_ db: Database, id: String) throws -> Case? {
        try String.fetchOne(db, sql: "SELECT body FROM cases WHERE id = ?", arguments: [id])
            .map { try StoredJSON.decode(Case.self, from: $0) }
    }

    static func insert(_ c: Case, in db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO cases (id, number, state, area_code, category, source, priority, assigned_unit_id,
                    reporter_phone_digest, search_text, version, created_at, updated_at, body, assignee,
                    lat, lng, address_digest, likely_repeat, tier, rework_count, satisfaction, due_at, warn_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                c.id, c.number, c.state.rawValue, c.areaCode, c.category, c.source.rawValue, c.priority.rawValue,
                c.assignedUnitId, PhoneDigest.of(c.reporter.phone), searchText(of: c), c.version, c.createdAt.storedMillis,
                c.updatedAt.storedMillis, try StoredJSON.encode(c), c.assignee,
                c.location.lat, c.location.lng, AddressDigest.of(c.location.address), c.likelyRepeat,
                c.tier.rawValue, c.reworkCount, c.satisfaction, c.earliestDue?.storedMillis, c.earliestYellow?.storedMillis,
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
                    assignee = ?, tier = ?, rework_count = ?, satisfaction = ?, priority = ?, category = ?, due_at = ?, warn_at = ?
                WHERE id = ? AND version = ?
                """,
            arguments: [
                c.state.rawValue, c.areaCode, c.assignedUnitId, c.version, c.updatedAt.storedMillis,
                try StoredJSON.encode(c), c.assignee, c.tier.rawValue, c.reworkCount, c.satisfaction, c.priority.rawValue,
                c.category, c.earliestDue?.storedMillis, c.earliestYellow?.storedMillis, c.id, previousVersion,
            ])
        guard db.changesCount == 1 else { throw DomainError.versionConflict(expected: previousVersion, actual: c.version) }
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

    /// Appends a history row of a live change and delivers the notices and webhook events it
    /// calls for, in the same transaction; `subject` is the case as the transition left it.
    static func append(_ t: Transition, producing subject: Case, in db: Database) throws {
        try append(t, in: db)
        try deliverNotices(for: t, producing: subject, in: db)
        try enqueueWebhooks(for: t, producing: subject, in: db)
    }

    /// Appends a history row without telling anyone (intake, imported history).
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

    /// A stable digest of an intake, to tell a retry from a different submission under the same key.
    static func hash(of intake: Intake) throws -> String {
        SHA256.hex(of: Data(try StoredJSON.encode(intake).utf8))
    }
}
