import Foundation

/// The step of the loop a time limit applies to.
public enum DeadlineKind: String, Codable, Sendable, CaseIterable {
    /// 受理: the dispatcher accepts or rejects the report.
    case accept
    /// 签收: the assigned unit signs for the case.
    case sign
    /// 到场: someone is on site (10 minutes for urgent matters).
    case arrive
    /// 调解回访: a dispute's mediation follow-up (24 hours).
    case mediationFollowUp
    /// 处置: the matter is handled.
    case handle
    /// 核查: the result is checked.
    case verify

    public var chineseName: String {
        switch self {
        case .accept: "受理"
        case .sign: "签收"
        case .arrive: "到场"
        case .mediationFollowUp: "调解回访"
        case .handle: "处置"
        case .verify: "核查"
        }
    }
}

/// One running time limit of a case, with the instants the scheduler acts on.
///
/// The instants are computed once, when the limit starts (``DeadlinePlanner``), so the stored
/// timers need no calendar; ``fired`` records the steps already acted on, so a restart never
/// acts twice.
public struct Deadline: Sendable, Equatable, Codable {
    public var kind: DeadlineKind
    public var dueAt: Date
    /// When the limit started; for deadlines stored before it was recorded, `dueAt`.
    public var startedAt: Date
    public var clock: SLAClock
    /// When 80 % of the limit has passed (yellow light); `nil` for deadlines stored before.
    public var warnAt: Date?
    /// Arrival only: when reinforcement is added if nobody is on site.
    public var reinforceAt: Date?
    /// What happens at `dueAt`.
    public var onDue: [EscalationAction]
    /// What happens at `reinforceAt`.
    public var onReinforce: [EscalationAction]
    /// The timer steps already acted on.
    public var fired: [TimerStep]

    public init(
        kind: DeadlineKind, dueAt: Date, startedAt: Date? = nil, clock: SLAClock = .continuous, warnAt: Date? = nil,
        reinforceAt: Date? = nil, onDue: [EscalationAction] = [.markLight, .notify], onReinforce: [EscalationAction] = [],
        fired: [TimerStep] = []
    ) {
        self.kind = kind
        self.dueAt = dueAt
        self.startedAt = startedAt ?? dueAt
        self.clock = clock
        self.warnAt = warnAt
        self.reinforceAt = reinforceAt
        self.onDue = onDue
        self.onReinforce = onReinforce
        self.fired = fired
    }

    private enum CodingKeys: String, CodingKey {
        case kind, dueAt, startedAt, clock, warnAt, reinforceAt, onDue, onReinforce, fired
    }

    /// Decodes deadlines stored before SLA policies too (only `kind` and `dueAt`).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        kind = try c.decode(DeadlineKind.self, forKey: .kind)
        dueAt = try c.decode(Date.self, forKey: .dueAt)
        startedAt = try c.decodeIfPresent(Date.self, forKey: .startedAt) ?? dueAt
        clock = try c.decodeIfPresent(SLAClock.self, forKey: .clock) ?? .continuous
        warnAt = try c.decodeIfPresent(Date.self, forKey: .warnAt)
        reinforceAt = try c.decodeIfPresent(Date.self, forKey: .reinforceAt)
        onDue = try c.decodeIfPresent([EscalationAction].self, forKey: .onDue) ?? [.markLight, .notify]
        onReinforce = try c.decodeIfPresent([EscalationAction].self, forKey: .onReinforce) ?? []
        fired = try c.decodeIfPresent([TimerStep].self, forKey: .fired) ?? []
    }

    /// When the scheduler acts on `step`, or `nil` when this deadline has no such step.
    public func fireAt(_ step: TimerStep) -> Date? {
        switch step {
        case .warn: warnAt
        case .due: dueAt
        case .reinforce: onReinforce.isEmpty ? nil : reinforceAt
        }
    }

    /// The steps still to act on, with their instants: what the store keeps as timers.
    public var pendingTimers: [(step: TimerStep, fireAt: Date)] {
        TimerStep.allCases.compactMap { step in
            guard !fired.contains(step), let at = fireAt(step) else { return nil }
            return (step, at)
        }
    }
}
