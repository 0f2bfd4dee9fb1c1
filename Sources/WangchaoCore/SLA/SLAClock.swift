import Foundation

/// How a time limit counts time.
public enum SLAClock: String, Codable, Sendable, CaseIterable {
    /// Around the clock, every day (10 minutes to be on site).
    case continuous
    /// Only time on working days counts (see ``WorkCalendar``): "three working days to handle".
    case workingDays

    /// The instant `seconds` of this clock's time after `start`.
    public func due(from start: Date, seconds: TimeInterval, calendar: WorkCalendar) -> Date {
        switch self {
        case .continuous: start + seconds
        case .workingDays: calendar.due(from: start, workingSeconds: seconds)
        }
    }

    /// Seconds of this clock's time between two instants.
    public func elapsed(from: Date, to: Date, calendar: WorkCalendar) -> TimeInterval {
        switch self {
        case .continuous: max(0, to.timeIntervalSince(from))
        case .workingDays: calendar.workingSeconds(from: from, to: to)
        }
    }
}

/// What happens automatically when a limit runs out; each is a ``Transition`` by `system`.
public enum EscalationAction: String, Codable, Sendable, CaseIterable {
    /// Tell the people responsible (the inbox reads these transitions).
    case notify
    /// Move the case one tier up (网格 → 村社 → 镇街 → 区).
    case raiseTier
    /// Add a reinforcement unit: the neighbouring grid's team or the town's governance platform.
    case reinforce
    /// Record the light turning red in the history.
    case markLight
}

/// The steps an SLA policy sets limits for: the deadline kinds plus reinforcement, which is
/// measured on the arrival deadline (15 minutes without anyone on site).
public enum SLAStep: String, Codable, Sendable, CaseIterable {
    case accept, sign, arrive, reinforce, mediationFollowUp, handle, verify

    /// The step that times a limit of the lifecycle; `nil` for another kind's limit (its
    /// definition carries its minutes).
    public init?(_ kind: DeadlineKind) {
        self.init(rawValue: kind.rawValue)
    }
}

/// The moments of a deadline at which the scheduler acts.
public enum TimerStep: String, Codable, Sendable, CaseIterable {
    /// 80 % of the limit has passed: the light turns yellow.
    case warn
    /// The limit ran out: the light turns red and the deadline's escalations run.
    case due
    /// Arrival only: nobody on site at the reinforcement limit; reinforcement is added.
    case reinforce
}

/// One pending action of the scheduler: a step of a case's deadline, due at `fireAt`.
public struct SLATimer: Sendable, Hashable {
    public var caseId: String
    public var kind: DeadlineKind
    public var step: TimerStep
    public var fireAt: Date

    public init(caseId: String, kind: DeadlineKind, step: TimerStep, fireAt: Date) {
        self.caseId = caseId
        self.kind = kind
        self.step = step
        self.fireAt = fireAt
    }
}
