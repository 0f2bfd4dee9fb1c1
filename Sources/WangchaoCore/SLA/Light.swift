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
