import Hummingbird
import WangchaoCore
import WangchaoServices

/// Every route the server answers, each declared once with its method, path and access rule.
///
/// The router is built from this table (``buildRouter(_:)``) and nothing else, so a route
/// cannot exist without a rule, and the role × route test walks exactly what is served.
public struct RouteTable: Sendable {
    public let routes: [Route]
    /// Counts what the first look at the cockpit and the map would otherwise wait for (the
    /// whole district's figures); the server runs it once it listens.
    let warmUp: @Sendable () async throws -> Void

    /// The table for `dependencies`; `services` are the sign-in pieces shared with the guard.
    init(_ dependencies: ServerDependencies, services: AuthServices) {
        let store = dependencies.store
        // One service (and cache) for the indicator API and the cockpit and map pages.
        let indicators = IndicatorService(
            store: store, clock: dependencies.clock, categories: dependencies.categories, kinds: dependencies.kinds)
        let cockpit = CockpitPages(service: indicators, store: store, streamSettings: dependencies.inboxStream)
        warmUp = cockpit.warmUp
        routes =
            HealthRoutes(store: store, metricsRegistry: dependencies.metricsRegistry).routes
            + AuthRoutes(signIn: services.signIn, store: store).routes
            + LoginPage(
                signIn: services.signIn, authenticator: services.authenticator, store: store,
                configuration: dependencies.auth
            ).routes
            + CaseRoutes(store: store, intakes: dependencies.intakes, cases: dependencies.cases, clock: dependencies.clock, sla: dependencies.sla,
                kinds: dependencies.kinds).routes
            + ReferenceRoutes(store: store, categories: dependencies.categories, kinds: dependencies.kinds).routes
            + AdminUserRoutes(store: store, hasher: services.hasher).routes
            + AdminSystemRoutes(store: store, clock: dependencies.clock).routes
            + AdminWebhookRoutes(store: store, clock: dependencies.clock).routes
            + AttachmentRoutes(store: store, files: dependencies.attachmentFiles, clock: dependencies.clock).routes
            + TrackRoutes(store: store, cases: dependencies.cases, categories: dependencies.categories, clock: dependencies.clock).routes
            + RevealRoutes(store: store).routes
            + Open311Routes(
                store: store, intakes: dependencies.intakes, cases: dependencies.cases, clock: dependencies.clock,
                categories: dependencies.categories, attributes: .bundled
            ).routes
            + ConnectorRoutes(
                store: store, intakes: dependencies.intakes, records: ExternalRecordService(cases: dependencies.cases),
                clock: dependencies.clock, categories: dependencies.categories
            ).routes
            + CaseExportRoutes(store: store, categories: dependencies.categories, kinds: dependencies.kinds).routes
            + InboxRoutes(store: store, clock: dependencies.clock, stream: dependencies.inboxStream).routes
            + AddressRoutes(store: store).routes
            + RegistryRoutes(store: store, clock: dependencies.clock, sla: dependencies.sla).routes
            + RoutingRuleRoutes(store: store, clock: dependencies.clock).routes
            + RosterRoutes(store: store).routes
            + RepeatRoutes(store: store, intakes: dependencies.intakes, clock: dependencies.clock, policy: dependencies.repeatPolicy).routes
            + OpenAPIRoutes().routes
            + AssetRoutes().routes
            + WebPages(
                store: store, intakes: dependencies.intakes, cases: dependencies.cases, clock: dependencies.clock,
                categories: dependencies.categories, kinds: dependencies.kinds, sla: dependencies.sla, repeatPolicy: dependencies.repeatPolicy,
                attachmentFiles: dependencies.attachmentFiles, streamSettings: dependencies.inboxStream
            ).routes
            + IndicatorRoutes(service: indicators).routes
            + cockpit.routes
    }

    /// A table of the given routes, for tests of ``problems``.
    init(routes: [Route]) {
        self.routes = routes
        warmUp = {}
    }

    /// The table the server would build for `dependencies`, for tests and documentation.
    public init(_ dependencies: ServerDependencies) {
        self.init(dependencies, services: AuthServices(dependencies))
    }

    /// Why the table is unfit to serve: a duplicate route, or a public route outside
    /// ``PublicRoutes/permitted``; empty when fit.
    public var problems: [String] {
        var seen: Set<String> = []
        var problems: [String] = []
        for route in routes {
            if !seen.insert(route.description).inserted { problems.append("\(route) is declared twice") }
            if route.access == .public, !PublicRoutes.permits(route) {
                problems.append("\(route) is public but not in PublicRoutes.permitted")
            }
        }
        return problems
    }
}

/// The sign-in pieces, made once per server: the throttle's state must be shared by the API
/// and the form.
struct AuthServices: Sendable {
    let hasher: PasswordHasher
    let authenticator: Authenticator
    let signIn: SignInService

    init(_ dependencies: ServerDependencies) {
        let configuration = dependencies.auth
        hasher = PasswordHasher(parameters: configuration.passwordParameters)
        authenticator = Authenticator(store: dependencies.store, clock: dependencies.clock)
        signIn = SignInService(
            store: dependencies.store, clock: dependencies.clock, hasher: hasher,
            attempts: LoginAttempts(
                perAccount: configuration.throttlePerAccount, perAddress: configuration.throttlePerAddress),
            lifetime: { configuration.lifetime(of: $0) })
    }
}
