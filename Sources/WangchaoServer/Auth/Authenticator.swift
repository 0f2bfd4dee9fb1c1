import Foundation
import Hummingbird
import WangchaoCore
import WangchaoServices
import WangchaoStore

/// Finds the session a request presents: `Authorization: Bearer …` for API clients, else the
/// `wangchao_session` cookie of the web UI. A token of one kind never works as the other, so a
/// cookie session cannot skip the CSRF check by travelling in a header.
struct Authenticator: Sendable {
    static let sessionCookie = "wangchao_session"

    let store: any CaseStore
    let clock: any WangchaoClock

    /// The active session, or 401: no credentials, an unknown, revoked or expired token, or a
    /// disabled account (all the same to the caller).
    func authenticate(_ request: Request) async throws -> ActiveSession {
        if let header = request.headers[.authorization] {
            let parts = header.split(separator: " ", maxSplits: 1)
            guard parts.count == 2, parts[0].lowercased() == "bearer" else {
                throw DomainError.unauthenticated("Authorization 请求头须为 Bearer 令牌")
            }
            return try await lookUp(String(parts[1]).trimmingCharacters(in: .whitespaces), kind: .bearer)
        }
        if let cookie = request.cookies[Self.sessionCookie]?.value {
            return try await lookUp(cookie, kind: .cookie)
        }
        throw DomainError.unauthenticated("需要登录：请提供 Bearer 令牌或先登录")
    }

    /// The cookie session, if any and valid; for pages that look different when signed in.
    /// - Throws: what the store throws (an invalid or expired session is `nil`, not an error).
    func cookieSession(_ request: Request) async throws -> ActiveSession? {
        guard let cookie = request.cookies[Self.sessionCookie]?.value else { return nil }
        do { return try await lookUp(cookie, kind: .cookie) } catch let error as DomainError where error.code == .unauthenticated {
            return nil
        }
    }

    private func lookUp(_ token: String, kind: Session.Kind) async throws -> ActiveSession {
        guard !token.isEmpty, token.count <= SessionToken.maxLength,
            let active = try await store.session(tokenHash: SessionToken.hash(token), at: clock.now()),
            active.session.kind == kind, !active.user.disabled
        else { throw DomainError.unauthenticated("登录已失效或令牌无效，请重新登录") }
        return active
    }
}
