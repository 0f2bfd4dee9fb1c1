import Hummingbird
import NIOCore
import WangchaoCore

/// Per-request context: Hummingbird's core storage plus who is acting and from where.
///
/// `user`, `session` and `clientAddress` are the seams the audit trail reads: every write and
/// every read of personal data can name its actor and the address it came from.
public struct WangchaoRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The acting user, set by the route table's guard for routes that need credentials.
    public var user: User?
    /// The session (bearer token or cookie) the user presented.
    public var session: Session?
    /// The integrating system, on routes for systems (``AccessRule/system``), found by its api_key.
    public var system: IntegrationSystem?
    /// The peer's address as the socket sees it (`nil` in router tests without a socket).
    public let peerAddress: String?
    /// The client's address: the peer, or the last `X-Forwarded-For` hop when a trusted proxy
    /// sits in front (see ``ClientAddressMiddleware``).
    public var clientAddress: String

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        peerAddress = source.channel.remoteAddress?.ipAddress
        clientAddress = peerAddress ?? "unknown"
    }

    /// JSON request bodies are small: a case with its description is a few kilobytes.
    public var maxUploadSize: Int { APIJSON.maxBodySize }

    /// The calling system; routes whose rule is ``AccessRule/system`` always have one.
    public func requireSystem() throws -> IntegrationSystem {
        guard let system else { throw DomainError.unauthenticated("需要接入系统的 api_key（X-API-Key）") }
        return system
    }

    /// The signed-in user; routes whose rule needs credentials always have one.
    public func requireUser() throws -> User {
        guard let user else { throw DomainError.unauthenticated() }
        return user
    }
}
