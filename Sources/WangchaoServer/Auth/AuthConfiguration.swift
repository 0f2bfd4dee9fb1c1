import Foundation
import WangchaoCore
import WangchaoServices

/// How sign-in behaves. Built from command-line options and the environment by `wangchao
/// serve`; nothing secret or site-specific is compiled in.
public struct AuthConfiguration: Sendable {
    /// The cost of new password hashes (stored hashes keep their own until their next sign-in).
    public var passwordParameters: ScryptParameters = .production
    /// How long a bearer token from `POST /api/v1/auth/token` lasts: 12 hours, one shift.
    public var tokenLifetime: TimeInterval = 12 * 3600
    /// How long a web sign-in lasts.
    public var cookieLifetime: TimeInterval = 12 * 3600
    /// Marks cookies `Secure`; turn on whenever the server is reached over HTTPS.
    public var secureCookies = false
    /// Believe `X-Forwarded-For` (only behind a reverse proxy that sets it).
    public var trustForwardedFor = false
    /// Failed sign-ins allowed per account and per client address.
    public var throttlePerAccount = LoginThrottle.Limit(failures: 5, window: 15 * 60)
    public var throttlePerAddress = LoginThrottle.Limit(failures: 20, window: 15 * 60)

    public init() {}

    /// How long a new session of `kind` lasts.
    public func lifetime(of kind: Session.Kind) -> TimeInterval {
        switch kind {
        case .bearer: tokenLifetime
        case .cookie: cookieLifetime
        }
    }
}
