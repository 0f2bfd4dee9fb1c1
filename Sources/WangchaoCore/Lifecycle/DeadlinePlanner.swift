import Foundation

/// Which time limits run at each step, from the SLA policies for the case's category and
/// priority, counted on their clocks with the working-day calendar.
public struct DeadlinePlanner: Sendable {
    public var category: Category
    public var priority: Priority
    public var sla: SLASettings

    public init(category: Category, priority: Priority, sla: SLASettings = .bundled) {
        self.category = category
        self.priority = priority
        self.sla = sla
    }

    /// The limits that start when a case comes in.
    public func onIntake(at now: Date) -> [Deadline] {
        deadlines([.accept], from: now)
    }

    /// The limits that start when a case is (re)dispatched to a unit.
    public func onDispatch(at now: Date) -> [Deadline] {
        deadlines([.sign, .arrive, .mediationFollowUp, .handle], from: now)
    }

    /// The limits that start when the unit reports the matter handled.
    public func onHandled(at now: Date) -> [Deadline] {
        deadlines([.verify], from: now)
    }

    /// One limit started at `now`, or `nil` when the policies set none for this step.
    public func deadline(_ kind: DeadlineKind, from now: Date) -> Deadline? {
        guard let step = SLAStep(kind), let limit = sla.policies.limit(for: step, category: category, priority: priority) else { return nil }
        let seconds = TimeInterval(limit.minutes * 60)
        var deadline = Deadline(
            kind: kind, dueAt: limit.clock.due(from: now, seconds: seconds, calendar: sla.calendar), startedAt: now,
            clock: limit.clock,
            warnAt: limit.clock.due(from: now, seconds: seconds * Light.warnFraction, calendar: sla.calendar),
            onDue: limit.onDue)
        if kind == .arrive, let reinforce = sla.policies.limit(for: .reinforce, category: category, priority: priority) {
            deadline.reinforceAt = reinforce.clock.due(
                from: now, seconds: TimeInterval(reinforce.minutes * 60), calendar: sla.calendar)
            deadline.onReinforce = reinforce.onDue
        }
        return deadline
    }

    private func deadlines(_ kinds: [DeadlineKind], from now: Date) -> [Deadline] {
        kinds.compactMap { deadline($0, from: now) }
    }
}

extension Array where Element == Deadline {
    /// Removes the limits of the given kinds: the step they measured is done.
    mutating func stop(_ kinds: DeadlineKind...) {
        removeAll { kinds.contains($0.kind) }
    }
}
