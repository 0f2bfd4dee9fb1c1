import Foundation
import WangchaoCore
import WangchaoStore

extension StoreConformance {
    // MARK: - Accounts

    /// A new account comes back with its hash; a taken name is refused and changes nothing;
    /// saving details later keeps the password.
    public func accountsAddAndCredentials() async throws {
        let store = try await makeStore()
        let newcomer = User(
            username: "gw3", displayName: "郑网格", role: .gridWorker, scope: .area(Fixtures.grid), unitId: Fixtures.gridTeam)
        try await store.addUser(newcomer, passwordHash: "$scrypt$first")
        try expectEqual(
            try await store.credentials(username: "gw3"), UserCredentials(user: newcomer, passwordHash: "$scrypt$first"),
            "credentials of a new account")
        try expectEqual(try await store.user(username: "gw3"), newcomer, "user(username:) of a new account")

        var impostor = newcomer
        impostor.role = .admin
        try await expectError(.invalid, field: "username", "adding a taken username") {
            try await store.addUser(impostor, passwordHash: "$scrypt$second")
        }
        try await expectError(.invalid, field: "username", "adding a fixture user's name") {
            try await store.addUser(Fixtures.admin, passwordHash: "$scrypt$second")
        }
        try expectEqual(
            try await store.credentials(username: "gw3"), UserCredentials(user: newcomer, passwordHash: "$scrypt$first"),
            "credentials after a refused duplicate")
        try expectEqual(
            try await store.credentials(username: Fixtures.admin.username),
            UserCredentials(user: Fixtures.admin, passwordHash: nil), "a fixture user has no password")

        var renamed = newcomer
        renamed.displayName = "郑网格（新）"
        try await store.saveUsers([renamed])
        try expectEqual(
            try await store.credentials(username: "gw3")?.passwordHash, "$scrypt$first", "the hash after saveUsers")
        try expectEqual(try await store.credentials(username: "nobody"), nil, "credentials of an unknown name")
    }

    /// A password change ends every session of that user and only of that user; an unknown name
    /// in the batch changes nothing at all.
    public func passwordChangeEndsSessions() async throws {
        let store = try await makeStore()
        let gwBearer = Self.session("a", for: Fixtures.gridWorker, kind: .bearer)
        let gwCookie = Self.session("b", for: Fixtures.gridWorker, kind: .cookie)
        let csBearer = Self.session("c", for: Fixtures.communityStaff, kind: .bearer)
        for session in [gwBearer, gwCookie, csBearer] { try await store.createSession(session) }

        try await expectError(.notFound, "a batch naming an unknown user") {
            try await store.setPasswordHash("$scrypt$x", for: [Fixtures.gridWorker.username, "nobody"])
        }
        try expectEqual(
            try await store.credentials(username: Fixtures.gridWorker.username)?.passwordHash, nil,
            "the hash after a refused batch")
        try expect(
            try await store.session(tokenHash: "a", at: Fixtures.now) != nil, "sessions survive a refused batch")

        try await store.setPasswordHash("$scrypt$new", for: [Fixtures.gridWorker.username])
        try expectEqual(
            try await store.credentials(username: Fixtures.gridWorker.username)?.passwordHash, "$scrypt$new",
            "the hash after a change")
        try expectEqual(try await store.session(tokenHash: "a", at: Fixtures.now), nil, "bearer after a password change")
        try expectEqual(try await store.session(tokenHash: "b", at: Fixtures.now), nil, "cookie after a password change")
        try expectEqual(
            try await store.session(tokenHash: "c", at: Fixtures.now)?.session, csBearer,
            "another user's session after the change")
    }

    /// Raising a hash's cost replaces it only while it is still the one that was verified.
    public func passwordUpgradeIsConditional() async throws {
        let store = try await makeStore()
        let name = Fixtures.dispatcher.username
        try await store.setPasswordHash("$scrypt$weak", for: [name])
        try await store.createSession(Self.session("d", for: Fixtures.dispatcher, kind: .bearer))
        try expectEqual(
            try await store.upgradePasswordHash(username: name, from: "$scrypt$weak", to: "$scrypt$strong"), true,
            "upgrading the current hash")
        try expectEqual(try await store.credentials(username: name)?.passwordHash, "$scrypt$strong", "hash after upgrade")
        try expect(try await store.session(tokenHash: "d", at: Fixtures.now) != nil, "an upgrade keeps the sessions")
        // The password changed meanwhile: an upgrade of the old one must not undo the change.
        try await store.setPasswordHash("$scrypt$changed", for: [name])
        try expectEqual(
            try await store.upgradePasswordHash(username: name, from: "$scrypt$strong", to: "$scrypt$stale"), false,
            "upgrading a hash that is no longer current")
        try expectEqual(
            try await store.credentials(username: name)?.passwordHash, "$scrypt$changed", "hash after a stale upgrade")
        try expectEqual(
            try await store.upgradePasswordHash(username: "nobody", from: "x", to: "y"), false, "upgrading an unknown user")
    }

    /// Users come back ordered by username, a page after a name, of at most `limit`.
    public func listUsersPaged() async throws {
        let store = try await makeStore()
        let names = Fixtures.users.map(\.username).sorted()
        try expectEqual(try await store.listUsers(after: nil, limit: 100).map(\.username), names, "every user")
        try expectEqual(try await store.listUsers(after: nil, limit: 3).map(\.username), Array(names.prefix(3)), "first page")
        try expectEqual(
            try await store.listUsers(after: names[2], limit: 3).map(\.username), Array(names[3..<6]), "second page")
        try expectEqual(try await store.listUsers(after: names.last, limit: 3), [], "after the last")
        try expectEqual(
            try await store.listUsers(after: nil, limit: 100).first { $0.username == "gone" }, Fixtures.disabled,
            "a listed user is complete")
    }

    // MARK: - Sessions

    /// A session comes back with its user until the instant it expires, never after; the user is
    /// read fresh each time; an expired session is purged when a new one is made.
    public func sessionsRoundTripAndExpire() async throws {
        let store = try await makeStore()
        var session = Self.session("e", for: Fixtures.handler, kind: .cookie)
        session.csrfToken = "csrf-e"
        session.clientAddress = "10.0.0.7"
        try await store.createSession(session)
        try expectEqual(
            try await store.session(tokenHash: "e", at: Fixtures.now),
            ActiveSession(session: session, user: Fixtures.handler), "a new session")
        try expectEqual(
            try await store.session(tokenHash: "e", at: session.expiresAt - 0.001)?.session, session,
            "a session just before it expires")
        try expectEqual(try await store.session(tokenHash: "e", at: session.expiresAt), nil, "at its expiry")
        try expectEqual(try await store.session(tokenHash: "e", at: session.expiresAt + 3600), nil, "after its expiry")
        try expectEqual(try await store.session(tokenHash: "zz", at: Fixtures.now), nil, "an unknown hash")

        var moved = Fixtures.handler
        moved.role = .townDispatcher
        moved.disabled = true
        try await store.saveUsers([moved])
        try expectEqual(
            try await store.session(tokenHash: "e", at: Fixtures.now)?.user, moved, "the user as stored now")

        var later = Self.session("f", for: Fixtures.gridWorker, kind: .bearer)
        later.createdAt = session.expiresAt + 1
        later.expiresAt = later.createdAt + 3600
        try await store.createSession(later)
        try expectEqual(try await store.session(tokenHash: "e", at: Fixtures.now), nil, "an expired session is purged")
        try expectEqual(try await store.session(tokenHash: "f", at: later.createdAt)?.session, later, "the later session")
    }

    /// Revoking one session leaves the others; ending a user's sessions leaves other users'.
    public func sessionRevocation() async throws {
        let store = try await makeStore()
        for (hash, user) in [("g1", Fixtures.gridWorker), ("g2", Fixtures.gridWorker), ("o1", Fixtures.observer)] {
            try await store.createSession(Self.session(hash, for: user, kind: .bearer))
        }
        try await store.deleteSession(tokenHash: "g1")
        try expectEqual(try await store.session(tokenHash: "g1", at: Fixtures.now), nil, "a revoked session")
        try expect(try await store.session(tokenHash: "g2", at: Fixtures.now) != nil, "the user's other session")
        try await store.deleteSession(tokenHash: "unknown")
        try await store.deleteSessions(username: Fixtures.gridWorker.username)
        try expectEqual(try await store.session(tokenHash: "g2", at: Fixtures.now), nil, "after ending all of a user's")
        try expect(try await store.session(tokenHash: "o1", at: Fixtures.now) != nil, "another user's session")
    }

    /// A session made at ``Fixtures/now`` for 12 hours, its token hash given.
    static func session(_ tokenHash: String, for user: User, kind: Session.Kind) -> Session {
        Session(
            tokenHash: tokenHash, username: user.username, kind: kind, csrfToken: kind == .cookie ? "csrf" : nil,
            createdAt: Fixtures.now, expiresAt: Fixtures.now + 12 * 3600)
    }
}
