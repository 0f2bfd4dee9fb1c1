import Foundation
import GRDB
import WangchaoCore

extension SQLiteStore {
    public func credentials(username: String) async throws -> UserCredentials? {
        try await reads.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM users WHERE username = ?", arguments: [username]).map { row in
                UserCredentials(user: Self.user(from: row), passwordHash: row["password_hash"])
            }
        }
    }

    public func addUser(_ user: User, passwordHash: String) async throws {
        try await write { db in
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM users WHERE username = ?", arguments: [user.username]) == true {
                throw DomainError.invalid(field: "username", "用户名 \(user.username) 已存在")
            }
            try db.execute(
                sql: """
                    INSERT INTO users (username, display_name, role, scope, unit_id, disabled, password_hash)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    user.username, user.displayName, user.role.rawValue, user.scope.text, user.unitId, user.disabled,
                    passwordHash,
                ])
        }
    }

    public func setPasswordHash(_ passwordHash: String, for usernames: [String]) async throws {
        try await write { db in
            for username in usernames {
                try db.execute(
                    sql: "UPDATE users SET password_hash = ? WHERE username = ?", arguments: [passwordHash, username])
                guard db.changesCount == 1 else { throw DomainError.notFound("用户 \(username) 不存在") }
                try db.execute(sql: "DELETE FROM sessions WHERE username = ?", arguments: [username])
            }
        }
    }

    public func upgradePasswordHash(username: String, from old: String, to new: String) async throws -> Bool {
        try await write { db in
            try db.execute(
                sql: "UPDATE users SET password_hash = ? WHERE username = ? AND password_hash = ?",
                arguments: [new, username, old])
            return db.changesCount == 1
        }
    }

    public func listUsers(after: String?, limit: Int) async throws -> [User] {
        try await reads.read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM users WHERE username > ? ORDER BY username LIMIT ?",
                arguments: [after ?? "", limit]
            ).map(Self.user(from:))
        }
    }

    public func createSession(_ session: Session) async throws {
        try await write { db in
            try db.execute(
                sql: "DELETE FROM sessions WHERE expires_at <= ?", arguments: [session.createdAt.storedMillis])
            try db.execute(
                sql: """
                    INSERT INTO sessions (token_hash, username, kind, csrf_token, created_at, expires_at, client_address)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    session.tokenHash, session.username, session.kind.rawValue, session.csrfToken,
                    session.createdAt.storedMillis, session.expiresAt.storedMillis, session.clientAddress,
                ])
        }
    }

    public func session(tokenHash: String, at now: Date) async throws -> ActiveSession? {
        try await reads.read { db in
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT s.token_hash, s.kind, s.csrf_token, s.created_at, s.expires_at, s.client_address, u.*
                    FROM sessions s JOIN users u ON u.username = s.username
                    WHERE s.token_hash = ? AND s.expires_at > ?
                    """,
                arguments: [tokenHash, now.storedMillis])
            return try row.map { row in
                guard let kind = Session.Kind(rawValue: row["kind"]) else {
                    throw DatabaseError(message: "unknown session kind")
                }
                let user = Self.user(from: row)
                let session = Session(
                    tokenHash: row["token_hash"], username: user.username, kind: kind, csrfToken: row["csrf_token"],
                    createdAt: Date(storedMillis: row["created_at"]), expiresAt: Date(storedMillis: row["expires_at"]),
                    clientAddress: row["client_address"])
                return ActiveSession(session: session, user: user)
            }
        }
    }

    public func deleteSession(tokenHash: String) async throws {
        try await write { db in
            try db.execute(sql: "DELETE FROM sessions WHERE token_hash = ?", arguments: [tokenHash])
        }
    }

    public func deleteSessions(username: String) async throws {
        try await write { db in
            try db.execute(sql: "DELETE FROM sessions WHERE username = ?", arguments: [username])
        }
    }

    static func user(from row: Row) -> User {
        User(
            username: row["username"], displayName: row["display_name"], role: Role(rawValue: row["role"]) ?? .observer,
            scope: Scope(text: row["scope"]), unitId: row["unit_id"], disabled: row["disabled"])
    }
}
