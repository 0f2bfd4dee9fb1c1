import Foundation

/// Which time limits run at each step, from the category's SLA class and the priority.
///
/// The dispatch issue replaces the fixed ``SLAClass`` limits with stored policies; the planner's
/// shape (limits started by steps, stopped by others) stays.
public struct DeadlinePlanner: Sendable {
    public var slaClass: SLAClass
    public var priority: Priority

    public init(slaClass: SLAClass, priority: Priority) {
        self.slaClass = slaClass
        self.priority = priority
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

    private func deadlines(_ kinds: [DeadlineKind], from now: Date) -> [Deadline] {
        kinds.compactMap { kind in
            slaClass.limit(for: kind, priority: priority).map { Deadline(kind: kind, dueAt: now + TimeInterval($0 * 60)) }
        }
    }
}

extension Array where Element == Deadline {
    /// Removes the limits of the given kinds: the step they measured is done.
    mutating func stop(_ kinds: DeadlineKind...) {
        removeAll { kinds.contains($0.kind) }
    }
}
