import Foundation
import GRDB
import WangchaoCore

extension SQLiteStore {
    public func fireDueTimers(at now: Date, limit: Int) async throws -> [SLATimer] {
        let due = try await reads.read { db in
            try Row.fetchAll(
                db, sql: "SELECT case_id, kind, step, fire_at FROM sla_timers WHERE fire_at <= ? ORDER BY fire_at LIMIT ?",
                arguments: [now.storedMillis, max(0, limit)]
            ).compactMap(Self.timer(from:))
        }
        // One case's timers fire in order, one write each; different cases run side by side,
        // so their writes share group commits.
        var byCase: [String: [SLATimer]] = [:]
        var order: [String] = []
        for timer in due {
            if byCase[timer.caseId] == nil { order.append(timer.caseId) }
            byCase[timer.caseId, default: []].append(timer)
        }
        return try await withThrowingTaskGroup(of: [SLATimer].self) { group in
            for caseId in order {
                let timers = byCase[caseId] ?? []
                group.addTask {
                    var fired: [SLATimer] = []
                    for timer in timers where try await self.fire(timer, at: now).fired { fired.append(timer) }
                    return fired
                }
            }
            var fired: [SLATimer] = []
            for try await batch in group { fired += batch }
            return fired.sorted { ($0.fireAt, $0.caseId, $0.step.rawValue) < ($1.fireAt, $1.caseId, $1.step.rawValue) }
        }
    }

    public func timers(caseId: String) async throws -> [SLATimer] {
        try await reads.read { db in
            try Row.fetchAll(
                db, sql: "SELECT case_id, kind, step, fire_at FROM sla_timers WHERE case_id = ? ORDER BY fire_at, kind, step",
                arguments: [caseId]
            ).compactMap(Self.timer(from:))
        }
    }

    /// How many timers wait, due or not; for the scheduler's logs and the benchmark.
    public func pendingTimerCount() async throws -> Int {
        try await reads.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM sla_timers") ?? 0 }
    }

    /// Fires one timer in one write transaction: re-reads the timer and the case, lets the
    /// lifecycle decide, records the case (the step marked fired, so its timer row is not
    /// derived again) and the system transitions. A crash before the commit leaves the timer
    /// as it was; after it, the row is gone: each step acts exactly once.
    /// - Returns: whether the timer made transitions (and, for the audit row, the case).
    private func fire(_ timer: SLATimer, at now: Date) async throws -> Firing {
        let categories = self.categories
        let sla = configuration.sla
        return try await write { db in
            guard
                try Bool.fetchOne(
                    db, sql: "SELECT 1 FROM sla_timers WHERE case_id = ? AND kind = ? AND step = ?",
                    arguments: [timer.caseId, timer.kind.rawValue, timer.step.rawValue]) != nil
            else { return Firing(caseId: timer.caseId, fired: false) }
            guard let current = try Self.fetchCase(db, id: timer.caseId), let category = categories[current.category] else {
                try Self.deleteTimer(timer, in: db)
                return Firing(caseId: timer.caseId, fired: false)
            }
            let context = TransitionContext(
                unit: { id in try? Self.unit(id: id, in: db) }, visibleCase: { _ in nil }, category: category, sla: sla,
                reinforcementUnit: { subject in try? Self.reinforcementUnit(for: subject, in: db) })
            guard let decision = Lifecycle.fire(timer, on: current, at: now, context: context) else {
                // Nothing to do (the row outlived its step): bring the case's timers in line with it.
                try db.execute(sql: "DELETE FROM sla_timers WHERE case_id = ?", arguments: [current.id])
                try Self.writeTimerRows(of: current, in: db)
                return Firing(caseId: timer.caseId, fired: false)
            }
            Failpoint.timerAfterDecide.hit()
            try Self.update(decision.case, from: current.version, in: db)
            for transition in decision.transitions { try Self.append(transition, producing: decision.case, in: db) }
            return Firing(caseId: timer.caseId, fired: true)
        }
    }

    /// The timer rows of a case: each running deadline's steps not yet fired.
    static func writeTimerRows(of c: Case, in db: Database) throws {
        guard c.state.isOpen else { return }
        for deadline in c.deadlines {
            for (step, fireAt) in deadline.pendingTimers {
                try db.execute(
                    sql: "INSERT OR REPLACE INTO sla_timers (case_id, kind, step, fire_at) VALUES (?, ?, ?, ?)",
                    arguments: [c.id, deadline.kind.rawValue, step.rawValue, fireAt.storedMillis])
            }
        }
    }

    private static func deleteTimer(_ timer: SLATimer, in db: Database) throws {
        try db.execute(
            sql: "DELETE FROM sla_timers WHERE case_id = ? AND kind = ? AND step = ?",
            arguments: [timer.caseId, timer.kind.rawValue, timer.step.rawValue])
    }

    private static func timer(from row: Row) -> SLATimer? {
        guard let kind = DeadlineKind(rawValue: row["kind"]), let step = TimerStep(rawValue: row["step"]) else { return nil }
        return SLATimer(caseId: row["case_id"], kind: kind, step: step, fireAt: Date(storedMillis: row["fire_at"]))
    }

    /// Who reinforces a case nobody reached in time: the team of a neighbouring grid in the same
    /// community (the next by code after the case's grid, wrapping round), else the town's
    /// governance platform (综治工作平台); never a unit already on the case.
    static func reinforcementUnit(for c: Case, in db: Database) throws -> String? {
        var chain: [(code: String, level: String, parent: String?)] = []
        var code: String? = c.areaCode
        while let current = code, chain.count < 10,
            let row = try Row.fetchOne(db, sql: "SELECT code, level, parent_code FROM areas WHERE code = ?", arguments: [current])
        {
            chain.append((row["code"], row["level"], row["parent_code"]))
            code = row["parent_code"]
        }
        let involved = c.involvedUnitIds
        func usable(_ unitId: String) throws -> Bool {
            guard !involved.contains(unitId) else { return false }
            return try Bool.fetchOne(db, sql: "SELECT 1 FROM units WHERE id = ?", arguments: [unitId]) != nil
        }
        if let grid = chain.first(where: { $0.level == AreaLevel.grid.rawValue }), let community = grid.parent {
            let siblings = try String.fetchAll(
                db, sql: "SELECT code FROM areas WHERE parent_code = ? AND level = ? AND code <> ? ORDER BY code",
                arguments: [community, AreaLevel.grid.rawValue, grid.code])
            let ordered = siblings.filter { $0 > grid.code } + siblings.filter { $0 < grid.code }
            for sibling in ordered where try usable("grid-\(sibling)") { return "grid-\(sibling)" }
        }
        if let town = chain.first(where: { $0.level == AreaLevel.town.rawValue }) {
            let platform = "platform-\(town.code)-\(Platform.governance.rawValue)"
            if try usable(platform) { return platform }
        }
        return nil
    }
}

/// The outcome of one timer firing; the audit row of a scheduler pass names the case.
struct Firing: Sendable, AuditTarget {
    var caseId: String
    var fired: Bool
    var auditTarget: String { caseId }
}
