import Foundation
import WangchaoCore

/// The durable SLA timers derived from the cases' running limits.
///
/// One of the store's concerns; ``CaseStore`` is all of them. Every write is durable before
/// it returns: callers answer success only after the call.
public protocol TimerStore: Sendable {
    /// The timers due at `now`, at most `limit`, earliest first. A firing is recorded through
    /// ``CaseRecordStore/recordChange(_:)`` with ``CaseChange/firedTimer``, which removes it.
    func dueTimers(at now: Date, limit: Int) async throws -> [SLATimer]
    /// Derives a case's timer rows afresh from its stored deadlines (a timer that outlived its
    /// step disappears); a case that no longer exists loses its timers.
    func realignTimers(caseId: String) async throws
    /// How many timers wait, due or not (the scheduler's log, `wangchao timers run --once`).
    func pendingTimerCount() async throws -> Int
    /// The timers still waiting for a case (derived from its deadlines), earliest first.
    func timers(caseId: String) async throws -> [SLATimer]
}
