import Foundation

/// A signed-in session: what the server keeps about one bearer token or one browser cookie.
///
/// Only the SHA-256 of the secret is stored, so a copy of the database does not let anyone act
/// as the user; sessions live in the database so they survive restarts and are shared by every
/// server process in front of it.
public struct Session: Sendable, Equatable {
    /// How the secret travels.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// `Authorization: Bearer …`, for API clients; not sent by browsers on their own, so no CSRF token.
        case bearer
        /// The `wangchao_session` cookie of the web UI; every non-GET request also carries ``csrfToken``.
        case cookie
    }

    /// Lower-case hex SHA-256 of the secret the client holds.
    public var tokenHash: String
    public var username: String
    public var kind: Kind
    /// For cookie sessions: the token forms and scripts must echo back on every write.
    public var csrfToken: String?
    public var createdAt: Date
    public var expiresAt: Date
    /// Where the session was opened from, for the audit trail and the user's own session list.
    public var clientAddress: String?

    public init(
        tokenHash: String, username: String, kind: Kind, csrfToken: String? = nil, createdAt: Date, expiresAt: Date,
        clientAddress: String? = nil
    ) {
        self.tokenHash = tokenHash
        self.username = username
        self.kind = kind
        self.csrfToken = csrfToken
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.clientAddress = clientAddress
    }

    /// Whether the session still admits its holder at `now`.
    public func isValid(at now: Date) -> Bool { now < expiresAt }
}
