import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import Prometheus
import WangchaoCore
import WangchaoGeo
import WangchaoServices
import WangchaoStore

/// Everything the server needs, built once at start-up and passed down; no globals.
public struct ServerDependencies: Sendable {
    public var store: any CaseStore
    /// Where attachment bytes live; for SQLite, ``SQLiteStore/attachmentFiles`` next to the database.
    public var attachmentFiles: AttachmentFiles
    public var clock: any WangchaoClock
    /// The taxonomy, SLA policies with their calendar, and the repeat policy: the services
    /// decide with them, the API computes each case's lights with the same calendar.
    public var settings: DomainSettings
    /// The registry `/metrics` prints; the command bootstraps swift-metrics with the same one.
    public var metricsRegistry: PrometheusCollectorRegistry
    /// Sign-in, sessions and throttling.
    public var auth: AuthConfiguration
    /// Point → area: an intake with a location but no `areaCode` is filed in the micro-grid (or
    /// the lowest area) holding the point. `nil`: such intakes go to the district, as before.
    public var locator: AreaLocator?
    /// The live inbox stream's pace and connection lifetime.
    public var inboxStream: InboxStreamSettings

    public init(
        store: any CaseStore, attachmentFiles: AttachmentFiles, clock: any WangchaoClock = SystemClock(),
        settings: DomainSettings = .standard, metricsRegistry: PrometheusCollectorRegistry = PrometheusCollectorRegistry(),
        auth: AuthConfiguration = AuthConfiguration(), locator: AreaLocator? = nil,
        inboxStream: InboxStreamSettings = InboxStreamSettings()
    ) {
        self.store = store
        self.attachmentFiles = attachmentFiles
        self.clock = clock
        self.settings = settings
        self.metricsRegistry = metricsRegistry
        self.auth = auth
        self.locator = locator
        self.inboxStream = inboxStream
    }

    public var categories: CategoryCatalog { settings.categories }
    public var kinds: CaseKindCatalog { settings.kinds }
    public var sla: SLASettings { settings.sla }
    public var repeatPolicy: RepeatPolicy { settings.repeatPolicy }

    /// The case workflows over the store, with these settings.
    public var cases: CaseService { CaseService(store: store, settings: settings) }
    /// The one intake path (placement by address and by point), with these settings.
    public var intakes: IntakeService { IntakeService(store: store, settings: settings, locator: locator) }
    /// SLA timer firing over the store, with these settings.
    public var timers: TimerService { TimerService(store: store, settings: settings) }
}

/// Builds the router from the ``RouteTable``: each route behind the ``AccessGuard`` of its rule,
/// all behind security headers, error mapping, metrics, request logs and the client address.
public func buildRouter(_ dependencies: ServerDependencies) -> Router<WangchaoRequestContext> {
    let services = AuthServices(dependencies)
    return buildRouter(dependencies, services: services, table: RouteTable(dependencies, services: services))
}

func buildRouter(_ dependencies: ServerDependencies, services: AuthServices, table: RouteTable) -> Router<WangchaoRequestContext> {
    precondition(table.problems.isEmpty, "route table: " + table.problems.joined(separator: "; "))

    let router = Router(context: WangchaoRequestContext.self)
    router.add(middleware: SecurityHeadersMiddleware())
    router.add(middleware: ErrorMiddleware())
    router.add(middleware: MetricsMiddleware())
    router.add(middleware: LogRequestsMiddleware(.info))
    router.add(middleware: ClientAddressMiddleware(trustForwardedFor: dependencies.auth.trustForwardedFor))

    let guarding = AccessGuard(
        authenticator: services.authenticator, store: dependencies.store, clock: dependencies.clock)
    for route in table.routes {
        router.on(RouterPath(route.path), method: route.method, use: guarding.protect(route))
    }
    return router
}

/// The Hummingbird application serving Wangchao on `host:port` (port 0: any free port, which
/// `onServerRunning` receives through the channel's local address).
///
/// Once it listens, it counts the district's indicators in the background (``RouteTable/warmUp``),
/// so no one's first look at the cockpit waits for them; `onWarmedUp` hears when that is done.
///
/// Idle keep-alive connections close after `idleTimeout`, so slow or abandoned clients cannot
/// hold sockets forever.
public func buildApplication(
    _ dependencies: ServerDependencies, host: String, port: Int, logger: Logger,
    idleTimeout: TimeAmount = .seconds(60),
    onServerRunning: @escaping @Sendable (any Channel) async -> Void = { _ in },
    onWarmedUp: @escaping @Sendable (Duration) async -> Void = { _ in }
) -> some ApplicationProtocol {
    let services = AuthServices(dependencies)
    let table = RouteTable(dependencies, services: services)
    return Application(
        router: buildRouter(dependencies, services: services, table: table),
        server: .http1(configuration: .init(idleTimeout: idleTimeout)),
        configuration: .init(address: .hostname(host, port: port), serverName: "wangchao"),
        onServerRunning: { channel in
            await onServerRunning(channel)
            // In the background: the server answers meanwhile (a look arriving first shares the count).
            Task {
                let started = ContinuousClock.now
                do {
                    try await table.warmUp()
                    logger.info("indicators counted", metadata: ["duration": "\(ContinuousClock.now - started)"])
                } catch {
                    logger.warning("indicators not counted ahead", metadata: ["error": "\(error)"])
                }
                await onWarmedUp(ContinuousClock.now - started)
            }
        },
        logger: logger)
}
