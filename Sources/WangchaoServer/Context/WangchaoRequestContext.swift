import Hummingbird
import WangchaoCore

/// Per-request context: Hummingbird's core storage plus the signed-in user.
public struct WangchaoRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The acting user, set by ``IdentityMiddleware``.
    public var user: User?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
    }

    /// JSON request bodies are small: a case with its description is a few kilobytes.
    public var maxUploadSize: Int { APIJSON.maxBodySize }

    /// The signed-in user; routes behind ``IdentityMiddleware`` always have one.
    public func requireUser() throws -> User {
        guard let user else { throw DomainError.unauthenticated() }
        return user
    }
}
