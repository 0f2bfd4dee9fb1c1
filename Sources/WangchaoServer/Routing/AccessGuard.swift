import Hummingbird
import Logging
import WangchaoCore
import WangchaoStore

/// Enforces a route's ``AccessRule`` before its handler runs, in the order the API promises:
/// credentials (401), role (403), then CSRF for cookie sessions (403). Scope (404) is the
/// handlers' business, through ``Access``, because it depends on the case asked for.
///
/// It also binds the request's ``AuditContext`` (who, from where, what), so that every write
/// the store commits for the request carries its audit row in the same transaction, and
/// records successful reads of personal data.
struct AccessGuard: Sendable {
    let authenticator: Authenticator
    let store: any CaseStore
    let clock: any WangchaoClock

    func protect(_ route: Route) -> Route.Handler {
        let guarded = guarding(route)
        return route.isPage ? PageAccess.htmlErrors(guarded) : guarded
    }

    private func guarding(_ route: Route) -> Route.Handler {
        let handler = audited(route)
        guard route.access.needsCredentials else { return handler }
        let access = route.access
        if access == .system {
            return { [store] request, context in
                guard let system = try await APIKey.system(presenting: request.headers[.apiKey], in: store) else {
                    throw DomainError.unauthenticated("需要有效的接入系统 api_key（X-API-Key）")
                }
                var context = context
                context.system = system
                context.logger[metadataKey: "system"] = .string(system.id)
                return try await handler(request, context)
            }
        }
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

    /// Runs the handler inside the request's audit context; for routes that read personal
    /// data, records the read once it succeeded.
    private func audited(_ route: Route) -> Route.Handler {
        let handler = route.handler
        let readsPersonalData = route.readsPersonalData
        return { [store, clock] request, context in
            let audit = AuditContext(
                actor: context.user?.username ?? context.system?.actorName ?? "anonymous", role: context.user?.role.rawValue,
                clientAddress: context.clientAddress, action: "\(request.method.rawValue) \(request.uri.path)",
                at: clock.now())
            let response = try await AuditContext.$current.withValue(audit) { try await handler(request, context) }
            if readsPersonalData, response.status.code < 400 {
                try await store.recordAudit(
                    audit, target: context.parameters.get("id"), detail: Self.readDetail(request.uri.queryParameters))
            }
            return response
        }
    }

    /// The query of a list read, with any phone filter masked: the trail says who searched for
    /// whom without holding a second copy of the number.
    static func readDetail(_ parameters: Hummingbird.Parameters) -> String? {
        guard !parameters.isEmpty else { return nil }
        return parameters.map { key, value in
            let text = String(value)
            return "\(key)=\(key == "reporterPhone" ? PersonalData.maskPhone(text) : text)"
        }.sorted().joined(separator: "&")
    }
}
