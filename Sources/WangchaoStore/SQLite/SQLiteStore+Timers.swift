import Foundation
import GRDB
import WangchaoCore

extension SQLiteStore {
    public func dueTimers(at now: Date, limit: Int) async throws -> [SLATimer] {
        try await reads.read { db in
            try Row.fetchAll(
                db,
                sql: "SELECT case_id, kind, step, fire_at FROM sla_timers WHERE fire_at <= ? ORDER BY fire_at, case_id, kind, step LIMIT ?",
                arguments: [now.storedMillis, max(0, limit)]
            ).compactMap(Self.timer(from:))
        }
    }

    public func realignTimers(caseId: String) async throws {
        try await write { db in
            try db.execute(sql: "DELETE FROM sla_timers WHERE case_id = ?", arguments: [caseId])
            if let current = try Self.fetchCase(db, id: caseId) { try Self.writeTimerRows(of: current, in: db) }
            return TimerAlignment(caseId: caseId)
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

    public func pendingTimerCount() async throws -> Int {
        try await reads.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM sla_timers") ?? 0 }
    }

    /// The timer rows of a case: each running deadline's steps not yet fired (a closed case
    /// has none: its workflow dropped them).
    static func writeTimerRows(of c: Case, in db: Database) throws {
        for deadline in c.deadlines {
            for (step, fireAt) in deadline.pendingTimers {
                try db.execute(
                    sql: "INSERT OR REPLACE INTO sla_timers (case_id, kind, step, fire_at) VALUES (?, ?, ?, ?)",
                    arguments: [c.id, deadline.kind.rawValue, step.rawValue, fireAt.storedMillis])
            }
        }
    }

    static func timerIsPending(_ timer: SLATimer, in db: Database) throws -> Bool {
        try Bool.fetchOne(
            db, sql: "SELECT 1 FROM sla_timers WHERE case_id = ? AND kind = ? AND step = ?",
            arguments: [timer.caseId, timer.kind.rawValue, timer.step.rawValue]) != nil
    }

    private static func timer(from row: Row) -> SLATimer? {
        guard let kind = DeadlineKind(rawValue: row["kind"]), let step = TimerStep(rawValue: row["step"]) else { return nil }
        return SLATimer(caseId: row["case_id"], kind: kind, step: step, fireAt: Date(storedMillis: row["fire_at"]))
    }
}

/// The audit row of a timer realignment names the case.
struct TimerAlignment: Sendable, AuditTarget {
    var caseId: String
    var auditTarget: String { caseId }
}
