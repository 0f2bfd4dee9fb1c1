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
}

/// One running time limit of a case.
public struct Deadline: Sendable, Equatable, Codable {
    public var kind: DeadlineKind
    public var dueAt: Date

    public init(kind: DeadlineKind, dueAt: Date) {
        self.kind = kind
        self.dueAt = dueAt
    }
}
