import Foundation

/// A system that exchanges cases with Wangchao (an Open311 client, the 12345 hotline platform,
/// a department's business system): one registry shared by Open311, the connector API and
/// webhooks, so one credential identifies one system everywhere.
///
/// The system's api_key is shown once, when it is made; the store keeps only its SHA-256.
public struct IntegrationSystem: Sendable, Equatable, Codable, Identifiable {
    /// A short stable name such as `demo-open311`: ASCII letters, digits, `. _ -`.
    public var id: String
    /// The name shown to administrators, e.g. `12345 热线平台`.
    public var name: String
    /// A disabled system's key is refused.
    public var disabled: Bool
    public var createdAt: Date

    public init(id: String, name: String, disabled: Bool = false, createdAt: Date) {
        self.id = id
        self.name = name
        self.disabled = disabled
        self.createdAt = createdAt
    }

    /// The actor written in history and audit rows for what the system does.
    public var actorName: String { "system:\(id)" }

    public static let maxNameLength = 100

    /// Checks the id (like a username) and the display name.
    public func validate() throws(DomainError) {
        try Username.validate(id, field: "id")
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, name.count <= Self.maxNameLength else {
            throw .invalid(field: "name", "系统名称不能为空，最长 \(Self.maxNameLength) 字")
        }
    }
}
