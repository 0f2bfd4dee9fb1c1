import Foundation

/// Where a system wants its events and which: one subscription per integrating system.
///
/// A subscriber hears of every case of the district (the hub's whole point is one channel
/// out); narrowing by area or category is left for when a system asks for it.
public struct WebhookSubscription: Sendable, Equatable {
    public var systemId: String
    public var url: String
    public var events: Set<WebhookEventType>
    /// The HMAC-SHA256 key of `X-Wangchao-Signature`; kept in the database as given (it must be
    /// usable to sign), shown only when generated.
    public var secret: String
    public var updatedAt: Date

    public init(systemId: String, url: String, events: Set<WebhookEventType>, secret: String, updatedAt: Date) {
        self.systemId = systemId
        self.url = url
        self.events = events
        self.secret = secret
        self.updatedAt = updatedAt
    }

    public static let maxURLLength = 2000
    public static let minSecretLength = 16
    public static let maxSecretLength = 200

    /// Checks the url (absolute http or https with a host), the events (at least one) and the secret.
    public func validate() throws(DomainError) {
        guard url.count <= Self.maxURLLength, let parsed = URL(string: url),
            let scheme = parsed.scheme?.lowercased(), ["http", "https"].contains(scheme),
            let host = parsed.host, !host.isEmpty
        else { throw .invalid(field: "url", "回调地址须为 http 或 https 的完整网址") }
        guard !events.isEmpty else {
            throw .invalid(field: "events", "至少订阅一种事件：\(WebhookEventType.names)")
        }
        guard (Self.minSecretLength...Self.maxSecretLength).contains(secret.count) else {
            throw .invalid(field: "secret", "签名密钥须为 \(Self.minSecretLength) 到 \(Self.maxSecretLength) 个字符")
        }
    }

    /// The event types named, refused (field `events`) when one is unknown.
    public static func eventTypes(_ names: [String]) throws(DomainError) -> Set<WebhookEventType> {
        var types: Set<WebhookEventType> = []
        for name in names {
            guard let type = WebhookEventType(rawValue: name) else {
                throw .invalid(field: "events", "未知的事件类型 \(name)，可选：\(WebhookEventType.names)")
            }
            types.insert(type)
        }
        return types
    }
}
