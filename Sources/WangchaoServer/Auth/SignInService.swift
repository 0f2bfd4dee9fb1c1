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
struct SignInService: Sendable {
    /// A session just opened, with the secret only the client will hold from now on.
    struct Issued: Sendable {
        let token: String
        let session: Session
        let user: User
    }

    let store: any CaseStore
    let clock: any WangchaoClock
    let hasher: PasswordHasher
    let attempts: LoginAttempts
    let configuration: AuthConfiguration

    func signIn(username: String, password: String, kind: Session.Kind, from address: String, logger: Logger)
        async throws -> Issued
    {
        // No valid name is longer; cutting keeps an attacker's made-up names from filling memory.
        let account = String(username.prefix(Username.maxLength + 1))
        if let wait = attempts.retryAfter(account: account, address: address, at: clock.now()) {
            logger.notice("sign-in throttled", metadata: ["account": "\(account)", "address": "\(address)"])
            throw APIError(.rateLimited("登录失败次数过多，请 \(Self.minutes(wait)) 分钟后再试"), retryAfter: wait)
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
            expiresAt: now + configuration.lifetime(of: kind), clientAddress: address)
        try await store.createSession(session)
        return Issued(token: token, session: session, user: credentials.user)
    }

    static func minutes(_ seconds: Int) -> Int { max(1, (seconds + 59) / 60) }
}
