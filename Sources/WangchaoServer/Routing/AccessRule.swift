import WangchaoCore

/// Who may call a route. Every route in the ``RouteTable`` carries exactly one; the router is
/// built from the table, so a route without a rule cannot exist.
public enum AccessRule: Sendable, Equatable {
    /// No credentials. Only for the addresses in ``PublicRoutes/permitted``; anything else
    /// stops the server at start-up.
    case `public`
    /// Signed in, with one of these roles (403 for the others).
    case signedIn(Set<Role>)
    /// Signed in with any role, acting only on the caller's own session (sign-out, token
    /// revocation); the one kind of non-GET route an observer may call.
    case ownSession
    /// An integrating system presenting its api_key in `X-API-Key`, never a person: users'
    /// sessions are refused (401) on these routes, and systems' keys everywhere else.
    case system

    /// Any signed-in user: reads of what the user may see.
    public static let anyRole = AccessRule.signedIn(Set(Role.allCases))
    /// Every role but the observer, who reads everything and writes nothing.
    public static let writers = AccessRule.signedIn(Set(Role.allCases).subtracting([.observer]))
    /// Account management and configuration.
    public static let adminOnly = AccessRule.signedIn([.admin])

    /// Whether a request needs credentials at all.
    public var needsCredentials: Bool { self != .public }

    /// Whether `role` passes the rule once signed in.
    public func admits(_ role: Role) -> Bool {
        switch self {
        case .public, .ownSession: true
        case .signedIn(let roles): roles.contains(role)
        case .system: false
        }
    }
}
