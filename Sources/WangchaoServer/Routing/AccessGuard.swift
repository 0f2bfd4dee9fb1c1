import Hummingbird
import Logging
import WangchaoCore
import WangchaoStore

/// Enforces a route's ``AccessRule`` before its handler runs, in the order the API promises:
/// credentials (401), role (403), then CSRF for cookie sessions (403). Scope (404) is the
/// handlers' business, through ``Access``, because it depends on the case asked for.
struct AccessGuard: Sendable {
    let authenticator: Authenticator

    func protect(_ route: Route) -> Route.Handler {
        let handler = route.handler
        guard route.access.needsCredentials else { return handler }
        let access = route.access
        let isRead = route.isRead
        return { request, context in
            let active = try await authenticator.authenticate(request)
            var context = context
            context.user = active.user
            context.session = active.session
            context.logger[metadataKey: "user"] = .string(active.user.username)
            guard access.admits(active.user.role) else {
                throw DomainError.forbidden("\(active.user.role.chineseName)无权使用此功能")
            }
            var request = request
            if active.session.kind == .cookie, !isRead {
                try await CSRFCheck.verify(&request, expected: active.session.csrfToken)
            }
            return try await handler(request, context)
        }
    }
}
