import Foundation

/// A request waiting for the 值班长's decision: an extension (延期), parking (挂账) or voiding (作废).
public struct CaseRequest: Sendable, Equatable, Codable {
    public enum Kind: String, Codable, Sendable {
        case extension_ = "extension"
        case park
        case void
    }

    /// The case version the request produced; it names the request within its case.
    public var id: Int
    public var kind: Kind
    /// For extensions: how many minutes more.
    public var minutes: Int?
    public var reason: String
    public var requestedBy: String
    public var requestedAt: Date

    public init(id: Int, kind: Kind, minutes: Int? = nil, reason: String, requestedBy: String, requestedAt: Date) {
        self.id = id
        self.kind = kind
        self.minutes = minutes
        self.reason = reason
        self.requestedBy = requestedBy
        self.requestedAt = requestedAt
    }
}

/// A supervision order (督办) waiting for the handler's answer.
public struct Supervision: Sendable, Equatable, Codable {
    /// The case version the order produced; it names the order within its case.
    public var id: Int
    public var instruction: String
    public var issuedBy: String
    public var issuedAt: Date

    public init(id: Int, instruction: String, issuedBy: String, issuedAt: Date) {
        self.id = id
        self.instruction = instruction
        self.issuedBy = issuedBy
        self.issuedAt = issuedAt
    }
}
