import Foundation
import Hummingbird
import Logging
import WangchaoCore
import WangchaoStore

/// `/api/v1/routing-rules`: the active routing rules and their versions. Administrators replace
/// them (the file is checked first; a refused one answers 400 with `field` and `line` and
/// changes nothing); the district command and town dispatchers read them.
struct RoutingRuleRoutes {
    let store: any CaseStore
    let clock: any WangchaoClock

    static let readers = AccessRule.signedIn([.admin, .districtCommander, .townDispatcher])

    var routes: [Route] {
        [
            Route(.get, "/api/v1/routing-rules", Self.readers, show),
            Route(.put, "/api/v1/routing-rules", .adminOnly, replace),
            Route(.get, "/api/v1/routing-rules/versions", Self.readers, versions),
        ]
    }

    /// The active version (`?version=N` for an older one): `{version, savedBy, savedAt, source, ruleSet}`.
    @Sendable func show(_ request: Request, context: WangchaoRequestContext) async throws -> Response {
        let record: RoutingRuleSetRecord?
        if let text = request.uri.queryParameters["version"].map(String.init) {
            guard let version = Int(text), version > 0 else { throw DomainError.invalid(field: "version", "version 须为正整数") }
            record = try await store.routingRules(version: version)
        } else {
            record = try await store.activeRoutingRules()
        }
        guard let record else { throw DomainError.notFound("尚未设置分流规则") }
        return try JSONResponse.make(record)
    }

    /// The body is the rule file itself; it becomes the next version and is active at once.
    @Sendable func replace(_ request: Request, context: WangchaoRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let data = try await APIJSON.bodyData(of: request)
        let record = try await store.saveRoutingRules(data, by: user.username, at: clock.now())
        context.logger.notice("routing rules replaced", metadata: ["version": "\(record.version)"])
        return try JSONResponse.make(record, status: .created)
    }

    @Sendable func versions(_ request: Request, context: WangchaoRequestContext) async throws -> Response {
        try JSONResponse.make(ItemsView(items: try await store.routingRuleVersions()))
    }
}
