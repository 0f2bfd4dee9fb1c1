import Foundation

/// The traffic light of a time limit (GB/T 30428: yellow at 80 %, red when over).
public enum Light: String, Codable, Sendable, CaseIterable, Comparable {
    case green
    case yellow
    case red

    /// The share of a limit after which the light is yellow.
    public static let warnFraction = 0.8

    public var chineseName: String {
        switch self {
        case .green: "绿灯"
        case .yellow: "黄灯"
        case .red: "红灯"
        }
    }

    private var rank: Int { Light.allCases.firstIndex(of: self)! }
    public static func < (lhs: Light, rhs: Light) -> Bool { lhs.rank < rhs.rank }

    /// The light of one deadline at `now`: red from `dueAt`, yellow once 80 % of the limit has
    /// passed on its clock, green before.
    public static func of(_ deadline: Deadline, at now: Date, calendar: WorkCalendar) -> Light {
        if now >= deadline.dueAt { return .red }
        let total = deadline.clock.elapsed(from: deadline.startedAt, to: deadline.dueAt, calendar: calendar)
        guard total > 0 else { return .green }
        let elapsed = deadline.clock.elapsed(from: deadline.startedAt, to: now, calendar: calendar)
        return elapsed >= warnFraction * total ? .yellow : .green
    }

    /// A case's light: the worst of its deadlines; green when none runs.
    public static func of(_ subject: Case, at now: Date, calendar: WorkCalendar) -> Light {
        subject.deadlines.map { of($0, at: now, calendar: calendar) }.max() ?? .green
    }
}

// MARK: - The light a list sorts and counts by

extension Light {
    /// A case's light from two instants a store keeps beside each case, so that a list can be
    /// counted and sorted by light in its query instead of in memory: the earliest `dueAt` of
    /// the running limits (red from then) and the earliest ``Deadline/yellowFrom`` (yellow from
    /// then). Nil when no limit runs. Agrees with ``of(_:at:calendar:)`` for every limit the
    /// planner makes (they carry their warn instant).
    public static func listed(earliestDue: Date?, earliestYellow: Date?, at now: Date) -> Light? {
        guard let earliestDue else { return nil }
        if now >= earliestDue { return .red }
        if let earliestYellow, now >= earliestYellow { return .yellow }
        return .green
    }

    /// ``listed(earliestDue:earliestYellow:at:)`` for a case's running limits.
    public static func listed(_ subject: Case, at now: Date) -> Light? {
        listed(earliestDue: subject.earliestDue, earliestYellow: subject.earliestYellow, at: now)
    }
}

extension Deadline {
    /// When this limit's light turns yellow without a calendar at hand: the planned `warnAt`;
    /// for a limit stored without one, 80 % of a continuous limit, else its due instant (such a
    /// limit was stored with `startedAt == dueAt`, so ``Light/of(_:at:calendar:)`` agrees).
    public var yellowFrom: Date {
        if let warnAt { return warnAt }
        guard clock == .continuous else { return dueAt }
        return startedAt + Light.warnFraction * dueAt.timeIntervalSince(startedAt)
    }
}

extension Case {
    /// The earliest due instant of the running limits (nil: none runs).
    public var earliestDue: Date? { deadlines.map(\.dueAt).min() }
    /// The earliest instant a running limit turns yellow.
    public var earliestYellow: Date? { deadlines.map(\.yellowFrom).min() }
}
