import Foundation

/// Why a user is told about a case: something became theirs, or needs them now.
public enum NoticeKind: String, Codable, Sendable, CaseIterable {
    /// The case was dispatched to the user's unit (or to the user).
    case assigned
    /// The user's unit was added to help (协办, reinforcement).
    case cooperation
    /// The case came back: a unit returned it to the dispatcher, or verification failed (返工).
    case returned
    /// The case was raised to the user's tier.
    case escalated
    /// A time limit passed 80 % (yellow light).
    case lightYellow
    /// A time limit ran out (red light).
    case lightRed
    /// A supervision order (督办) arrived.
    case supervised
    /// A unit asks for an extension, to park or to void the case: the dispatcher decides.
    case requested
    /// A request of the user's (extension, park, void) was decided.
    case decided

    public var chineseName: String {
        switch self {
        case .assigned: "新派单"
        case .cooperation: "协办"
        case .returned: "退回"
        case .escalated: "上报"
        case .lightYellow: "黄灯预警"
        case .lightRed: "红灯超时"
        case .supervised: "督办"
        case .requested: "待审批"
        case .decided: "审批结果"
        }
    }
}

/// One entry of a user's inbox (消息), written in the same transaction as the change it tells of,
/// so nobody misses an assignment because a notification got lost on the way.
public struct Notice: Sendable, Equatable, Codable, Identifiable {
    /// Increases with every notice; orders the inbox and resumes the live stream (`Last-Event-ID`).
    public var id: Int64
    public var username: String
    public var kind: NoticeKind
    public var caseId: String
    public var caseNumber: String
    /// One line in Chinese, e.g. `新派单：XS-20261124-000123 消防隐患`.
    public var text: String
    public var createdAt: Date
    /// When the user marked it read; `nil` while unread.
    public var readAt: Date?

    public init(
        id: Int64, username: String, kind: NoticeKind, caseId: String, caseNumber: String, text: String,
        createdAt: Date, readAt: Date? = nil
    ) {
        self.id = id
        self.username = username
        self.kind = kind
        self.caseId = caseId
        self.caseNumber = caseNumber
        self.text = text
        self.createdAt = createdAt
        self.readAt = readAt
    }
}
