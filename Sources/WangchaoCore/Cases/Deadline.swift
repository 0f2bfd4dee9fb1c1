import Foundation

/// The step a time limit applies to. Open: the lifecycle of kind `case` names its limits
/// below (timed by the SLA policies); a kind defined as data names its own with their minutes.
public struct DeadlineKind: Identifier {
    public let rawValue: String

    public init(unchecked rawValue: String) { self.rawValue = rawValue }

    /// 受理: the dispatcher accepts or rejects the report.
    public static let accept: DeadlineKind = "accept"
    /// 签收: the assigned unit signs for the case.
    public static let sign: DeadlineKind = "sign"
    /// 到场: someone is on site (10 minutes for urgent matters).
    public static let arrive: DeadlineKind = "arrive"
    /// 调解回访: a dispute's mediation follow-up (24 hours).
    public static let mediationFollowUp: DeadlineKind = "mediationFollowUp"
    /// 处置: the matter is handled.
    public static let handle: DeadlineKind = "handle"
    /// 核查: the result is checked.
    public static let verify: DeadlineKind = "verify"

    /// The limits of the lifecycle of kind `case`, in its order.
    public static let lifecycle: [DeadlineKind] = [.accept, .sign, .arrive, .mediationFollowUp, .handle, .verify]

    private static let names: [DeadlineKind: String] = [
        .accept: "受理", .sign: "签收", .arrive: "到场", .mediationFollowUp: "调解回访", .handle: "处置", .verify: "核查",
    ]

    /// The lifecycle's name of the limit; another kind's limit is named by its definition, here
    /// by its id.
    public var chineseName: String { Self.names[self] ?? rawValue }
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
