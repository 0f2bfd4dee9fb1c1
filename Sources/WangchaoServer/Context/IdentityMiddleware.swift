import HTTPTypes
import Hummingbird
import Logging
import WangchaoCore
import WangchaoStore

/// Names the acting user from the `X-Wangchao-User` header (a username).
///
/// An interim scheme until the accounts issue brings passwords, sessions and tokens; an unknown
/// or disabled user is refused with 401 before any route runs.
public struct IdentityMiddleware: RouterMiddleware {
    public typealias Context = WangchaoRequestContext

    public static let headerName = HTTPField.Name("X-Wangchao-User")!

    let store: any CaseStore

    public init(store: any CaseStore) {
        self.store = store
    }

    public func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        guard let username = request.headers[Self.headerName], !username.isEmpty else {
            throw DomainError.unauthenticated("缺少 X-Wangchao-User 请求头")
        }
        guard let user = try await store.user(username: username), !user.disabled else {
            throw DomainError.unauthenticated("用户 \(username) 不存在或已停用")
        }
        var context = context
        context.user = user
        context.logger[metadataKey: "user"] = .string(user.username)
        return try await next(request, context)
    }
}
