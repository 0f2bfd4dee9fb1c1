import Hummingbird
import Logging
import NIOCore
import Prometheus
import WangchaoCore
import WangchaoStore

/// Everything the server needs, built once at start-up and passed down; no globals.
public struct ServerDependencies: Sendable {
    public var store: any CaseStore
    /// Where attachment bytes live; for SQLite, ``SQLiteStore/attachmentFiles`` next to the database.
    public var attachmentFiles: AttachmentFiles
    public var clock: any WangchaoClock
    public var categories: CategoryCatalog
    /// The registry `/metrics` prints; the command bootstraps swift-metrics with the same one.
    public var metricsRegistry: PrometheusCollectorRegistry

    public init(
        store: any CaseStore, attachmentFiles: AttachmentFiles, clock: any WangchaoClock = SystemClock(), categories: CategoryCatalog = .bundled,
        metricsRegistry: PrometheusCollectorRegistry = PrometheusCollectorRegistry()
    ) {
        self.store = store
        self.attachmentFiles = attachmentFiles
        self.clock = clock
        self.categories = categories
        self.metricsRegistry = metricsRegistry
    }
}

/// Builds the router: open routes (health, metrics), then `/api/v1` behind identity.
public func buildRouter(_ dependencies: ServerDependencies) -> Router<WangchaoRequestContext> {
    let router = Router(context: WangchaoRequestContext.self)
    router.add(middleware: ErrorMiddleware())
    router.add(middleware: MetricsMiddleware())
    router.add(middleware: LogRequestsMiddleware(.info))

    router.get("metrics") { _, _ in
        Response(
            status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: dependencies.metricsRegistry.emitToBuffer())))
    }
    let api = router.group("api/v1")
    HealthRoutes(store: dependencies.store).register(on: api)
    TrackRoutes(store: dependencies.store, categories: dependencies.categories, clock: dependencies.clock)
        .register(on: api)

    let signedIn = api.group().add(middleware: IdentityMiddleware(store: dependencies.store))
    CaseRoutes(store: dependencies.store, clock: dependencies.clock).register(on: signedIn)
    ReferenceRoutes(store: dependencies.store, categories: dependencies.categories).register(on: signedIn)
    AttachmentRoutes(store: dependencies.store, files: dependencies.attachmentFiles, clock: dependencies.clock)
        .register(on: signedIn)
    return router
}

/// The Hummingbird application serving Wangchao on `host:port` (port 0: any free port, which
/// `onServerRunning` receives through the channel's local address).
public func buildApplication(
    _ dependencies: ServerDependencies, host: String, port: Int, logger: Logger,
    onServerRunning: @escaping @Sendable (any Channel) async -> Void = { _ in }
) -> some ApplicationProtocol {
    Application(
        router: buildRouter(dependencies),
        configuration: .init(address: .hostname(host, port: port), serverName: "wangchao"),
        onServerRunning: onServerRunning,
        logger: logger)
}
