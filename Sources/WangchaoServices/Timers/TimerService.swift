import Foundation
import WangchaoCore
import WangchaoStore

/// Fires due SLA timers: for each, re-reads the case, lets the workflow of its kind
/// (``CaseWorkflow/fire(_:on:at:context:)``) decide (with the reinforcement ``Reinforcement`` finds), and records the `system` steps with
/// the timer's removal as one change. The store refuses the change when the timer no longer
/// waits or the case moved on, so a step fires exactly once whatever crashes or runs
/// concurrently; a case that moved on is decided again.
public struct TimerService: Sendable {
    public let store: any CaseStore
    public let settings: DomainSettings

    /// How often a firing is decided again after the case changed under it.
    static let attempts = 3

    public init(store: any CaseStore, settings: DomainSettings) {
        self.store = store
        self.settings = settings
    }

    /// Fires the timers due at `now`, at most `limit`, earliest first. One case's timers fire in
    /// order; different cases side by side, so their writes share group commits.
    /// - Returns: the timers that made transitions.
    public func fireDue(at now: Date, limit: Int) async throws -> [SLATimer] {
        let due = try await store.dueTimers(at: now, limit: limit)
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
                    for timer in timers where try await fire(timer, at: now) { fired.append(timer) }
                    return fired
                }
            }
            var fired: [SLATimer] = []
            for try await batch in group { fired += batch }
            return fired.sorted { ($0.fireAt, $0.caseId, $0.step.rawValue) < ($1.fireAt, $1.caseId, $1.step.rawValue) }
        }
    }

    /// Whether the step's actions include reinforcement, so the look-up is worth making.
    static func mayReinforce(_ timer: SLATimer, _ subject: Case) -> Bool {
        guard let deadline = subject.deadlines.first(where: { $0.kind == timer.kind }) else { return false }
        switch timer.step {
        case .warn: return false
        case .due: return deadline.onDue.contains(.reinforce)
        case .reinforce: return deadline.onReinforce.contains(.reinforce)
        }
    }

    /// Fires one timer. - Returns: whether it made transitions.
    func fire(_ timer: SLATimer, at now: Date) async throws -> Bool {
        for _ in 0..<Self.attempts {
            guard let current = try await store.getCase(id: timer.caseId),
                let category = settings.categories[current.category], settings.kinds[current.kind] != nil
            else {
                try await store.realignTimers(caseId: timer.caseId)
                return false
            }
            let workflow = try settings.kinds.workflow(for: current.kind)
            var lookups = TransitionLookups()
            if Self.mayReinforce(timer, current), let unit = try await Reinforcement(store: store).unit(for: current) {
                lookups.units[unit.id] = unit
            }
            let context = lookups.context(category: category, sla: settings.sla, reinforcementUnit: lookups.units.keys.first)
            guard let decision = workflow.fire(timer, on: current, at: now, context: context) else {
                // Nothing to do (the row outlived its step): bring the case's timers in line with it.
                try await store.realignTimers(caseId: current.id)
                return false
            }
            let steps = try await NoticeRecipients(store: store, categories: settings.categories)
                .steps(decision.transitions.map { (decision.case, $0) })
            do {
                _ = try await store.recordChange(
                    CaseChange(caseId: current.id, expectedVersion: current.version, steps: steps, firedTimer: timer))
                return true
            } catch let error as DomainError where error.code == .versionConflict {
                // The case changed or another process fired the timer: fire again only if it still waits.
                guard try await store.timers(caseId: timer.caseId).contains(where: { $0.kind == timer.kind && $0.step == timer.step })
                else { return false }
            }
        }
        return false
    }
}
