import Foundation
import WangchaoCore

/// Accounts with their password hashes, and sessions.
///
/// One of the store's concerns; ``CaseStore`` is all of them. Every write is durable before
/// it returns: callers answer success only after the call.
public protocol AccountStore: Sendable {
    /// The user and the stored password hash, for sign-in; `nil` for an unknown name.
    func credentials(username: String) async throws -> UserCredentials?
    /// Adds a new account with its password hash.
    /// - Throws: ``DomainError`` `invalid` (field `username`) when the name is taken; nothing changes.
    func addUser(_ user: User, passwordHash: String) async throws
    /// Sets one password hash for each named user and ends all their sessions, in one transaction.
    /// - Throws: ``DomainError`` `notFound` when a name is unknown; nothing changes.
    func setPasswordHash(_ passwordHash: String, for usernames: [String]) async throws
    /// Replaces a password hash by a stronger one of the same password, only if it is still
    /// `old` (a password changed meanwhile wins); sessions stay. Returns whether it replaced.
    func upgradePasswordHash(username: String, from old: String, to new: String) async throws -> Bool
    /// Accounts ordered by username, those after `after` (exclusive), at most `limit`.
    func listUsers(after: String?, limit: Int) async throws -> [User]

    /// Records a new session; sessions already expired at its `createdAt` are purged on the way.
    func createSession(_ session: Session) async throws
    /// The session whose token hashes to `tokenHash`, with its user, when it has not expired at `now`.
    func session(tokenHash: String, at now: Date) async throws -> ActiveSession?
    /// Ends one session (sign-out, token revocation); unknown hashes are ignored.
    func deleteSession(tokenHash: String) async throws
    /// Ends every session of a user (password change, account disabled).
    func deleteSessions(username: String) async throws
}
