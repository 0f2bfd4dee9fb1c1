import Foundation
import Hummingbird
import Logging
import WangchaoCore
import WangchaoServices
import WangchaoStore

/// `/api/v1/auth/token`: bearer tokens for API clients.
struct AuthRoutes {
    let signIn: SignInService
    let store: any CaseStore

    var routes: [Route] {
        [
            Route(.post, "/api/v1/auth/token", .public, issue),
            Route(.delete, "/api/v1/auth/token", .ownSession, revoke),
        ]
    }

    /// `{"username", "password"}` → `{"token", "expiresAt", "user": {"username", "role", "scope"}}`.
    @Sendable func issue(_ request: Request, context: WangchaoRequestContext) async throws -> Response {
        let body = try await APIJSON.decodeStrictBody(TokenRequest.self, from: request)
        guard !body.username.isEmpty else { throw DomainError.invalid(field: "username", "请填写用户名") }
        guard !body.password.isEmpty else { throw DomainError.invalid(field: "password", "请填写密码") }
        let issued = try await signIn.signIn(
            username: body.username, password: body.password, kind: .bearer, from: context.clientAddress,
            logger: context.logger)
        var response = try JSONResponse.make(
            TokenAnswer(
                token: issued.token, expiresAt: issued.session.expiresAt,
                user: .init(username: issued.user.username, role: issued.user.role, scope: issued.user.scope)))
        response.headers[.cacheControl] = "no-store"
        return response
    }

    /// Revokes the token (or cookie session) the request was made with: it stops working at once.
    @Sendable func revoke(_ request: Request, context: WangchaoRequestContext) async throws -> Response {
        guard let session = context.session else { throw DomainError.unauthenticated() }
        try await store.deleteSession(tokenHash: session.tokenHash)
        return Response(status: .noContent)
    }
}

struct TokenRequest: Decodable, StrictBody {
    let username: String
    let password: String

    static let knownFields: Set<String> = ["username", "password"]
}

struct TokenAnswer: Encodable {
    struct UserSummary: Encodable {
        let username: String
        let role: Role
        let scope: Scope
    }

    let token: String
    let expiresAt: Date
    let user: UserSummary
}
