import Foundation
import Logging
import WangchaoCore
import WangchaoStore

/// Checks a username and password and opens a session: the one path behind both
/// `POST /api/v1/auth/token` and the sign-in form, so both share the throttle and the rules.
///
/// Unknown user, wrong password and disabled account answer the same 401 after the same work
/// (a hash is computed either way), so neither the message nor the timing tells which usernames
/// exist. Throttled attempts are refused before any hashing.
public struct SignInService: Sendable {
    /// A session just opened, with the secret only the client will hold from now on.
    public struct Issued: Sendable {
        public let token: String
        public let session: Session
        public let user: User
    }

    /// Sign-in refused for now: too many failures; try again after `retryAfter` seconds.
    public struct Throttled: Error, Sendable {
        public let error: DomainError
        public let retryAfter: Int
    }

    public let store: any CaseStore
    public let clock: any WangchaoClock
    public let hasher: PasswordHasher
    public let attempts: LoginAttempts
    /// How long a new session lasts, by kind.
    public let lifetime: @Sendable (Session.Kind) -> TimeInterval

    public init(
        store: any CaseStore, clock: any WangchaoClock, hasher: PasswordHasher, attempts: LoginAttempts,
        lifetime: @escaping @Sendable (Session.Kind) -> TimeInterval
    ) {
        self.store = store
        self.clock = clock
        self.hasher = hasher
        self.attempts = attempts
        self.lifetime = lifetime
    }

    /// - Throws: ``Throttled`` before any hashing when the account or address failed too often;
    ///   ``DomainError`` `unauthenticated` for a wrong name, password or a disabled account.
    public func signIn(username: String, password: String, kind: Session.Kind, from address: String, logger: Logger)
        async throws -> Issued
    {
        // No valid name is longer; cutting keeps an attacker's made-up names from filling memory.
        let account = String(username.prefix(Username.maxLength + 1))
        if let wait = attempts.retryAfter(account: account, address: address, at: clock.now()) {
            logger.notice("sign-in throttled", metadata: ["account": "\(account)", "address": "\(address)"])
            throw Throttled(error: .rateLimited("登录失败次数过多，请 \(Self.minutes(wait)) 分钟后再试"), retryAfter: wait)
        }
        let credentials = try await store.credentials(username: username)
        var matches = false
        if let stored = credentials?.passwordHash {
            matches = await hasher.verify(password, against: stored)
        } else {
            await hasher.spendVerificationTime(password)
        }
        guard matches, let credentials, !credentials.user.disabled else {
            attempts.recordFailure(account: account, address: address, at: clock.now())
            logger.notice("sign-in refused", metadata: ["account": "\(account)", "address": "\(address)"])
            throw DomainError.unauthenticated("用户名或密码错误")
        }
        attempts.recordSuccess(account: account)
        if let stored = credentials.passwordHash, hasher.needsRehash(stored) {
            // Raise an old hash to today's cost while the password is at hand; a failure here
            // must not stop the sign-in.
            if let upgraded = try? await hasher.hash(password) {
                _ = try? await store.upgradePasswordHash(username: username, from: stored, to: upgraded)
            }
        }
        let token = SessionToken.generate()
        let now = clock.now()
        let session = Session(
            tokenHash: SessionToken.hash(token), username: username, kind: kind,
            csrfToken: kind == .cookie ? SessionToken.generate() : nil, createdAt: now,
            expiresAt: now + lifetime(kind), clientAddress: address)
        try await store.createSession(session)
        return Issued(token: token, session: session, user: credentials.user)
    }

    static func minutes(_ seconds: Int) -> Int { max(1, (seconds + 59) / 60) }
}
