import ArgumentParser
import Foundation
import Hummingbird
import Logging
import Metrics
import Prometheus
import ServiceLifecycle
import UnixSignals
import WangchaoCore
import WangchaoGeo
import WangchaoServer
import WangchaoServices
import WangchaoStore

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the HTTP server (JSON API under /api/v1, metrics at /metrics).",
        discussion: "Stops gracefully on SIGTERM or SIGINT: requests in flight finish, nothing acknowledged is lost.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var sla: SLAOptions

    @Option(help: "The address to listen on.") var host = "127.0.0.1"
    @Option(help: "The port to listen on.") var port = 8080
    @Flag(help: "Fill an empty database with the demo district first (see `wangchao demo`).") var demo = false
    @Option(help: "Cases for --demo.") var demoCases = DemoOptionsDefaults.cases
    @Option(help: "Standard addresses for --demo.") var demoAddresses = DemoOptionsDefaults.addresses
    @Option(help: "Log level: trace, debug, info, notice, warning, error.") var logLevel = "info"
    @Option(help: ArgumentHelp("Hours a bearer token or web sign-in lasts.", discussion: "Defaults to $WANGCHAO_TOKEN_HOURS, else 12."))
    var tokenHours: Double?
    @Flag(help: "Mark cookies Secure (serve over HTTPS); also $WANGCHAO_SECURE_COOKIES=1.") var secureCookies = false
    @Flag(help: "Take the client address from X-Forwarded-For (only behind a proxy that sets it); also $WANGCHAO_TRUST_FORWARDED_FOR=1.")
    var trustForwardedFor = false
    @Option(help: "Seconds between passes of the SLA timer scheduler.") var timerInterval = 1.0
    @Option(help: "Seconds between passes of the webhook dispatcher over the outbox.") var webhookInterval = 1.0
    @Option(help: "Repeat reports: metres within which a case of the same category counts.")
    var repeatRadius = RepeatPolicy.standard.radiusMetres
    @Option(help: "Repeat reports: hours back within which a case of the same category nearby counts.")
    var repeatWindowHours = RepeatPolicy.standard.windowHours

    /// The repeat policy from the options, refused with the option's name when out of bounds.
    func repeatPolicy() throws -> RepeatPolicy {
        var policy = RepeatPolicy.standard
        policy.radiusMetres = repeatRadius
        policy.windowHours = repeatWindowHours
        do { try policy.validate() } catch {
            let option = error.field == "radiusMetres" ? "--repeat-radius" : "--repeat-window-hours"
            throw ValidationError("\(option) \(error.message)")
        }
        return policy
    }

    /// Sign-in settings from the options and the environment; password cost from `WANGCHAO_SCRYPT`.
    func authConfiguration() throws -> AuthConfiguration {
        let environment = ProcessInfo.processInfo.environment
        func flag(_ name: String) -> Bool { ["1", "true", "yes"].contains(environment[name]?.lowercased() ?? "") }
        var configuration = AuthConfiguration()
        configuration.passwordParameters = try PasswordCost.fromEnvironment()
        let hours = try tokenHours ?? environment["WANGCHAO_TOKEN_HOURS"].map { text in
            guard let value = Double(text) else { throw ValidationError("WANGCHAO_TOKEN_HOURS 须为数字") }
            return value
        } ?? 12
        guard hours > 0, hours <= 24 * 30 else { throw ValidationError("登录有效期须在 0 到 720 小时之间") }
        configuration.tokenLifetime = hours * 3600
        configuration.cookieLifetime = hours * 3600
        configuration.secureCookies = secureCookies || flag("WANGCHAO_SECURE_COOKIES")
        configuration.trustForwardedFor = trustForwardedFor || flag("WANGCHAO_TRUST_FORWARDED_FOR")
        return configuration
    }

    func run() async throws {
        let level = Logger.Level(rawValue: logLevel) ?? .info
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardOutput(label: label)
            handler.logLevel = level
            return handler
        }
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        let logger = Logger(label: "wangchao")

        let auth = try authConfiguration()
        guard timerInterval > 0, timerInterval <= 3600 else { throw ValidationError("--timer-interval 须在 0 到 3600 秒之间") }
        guard webhookInterval > 0, webhookInterval <= 3600 else { throw ValidationError("--webhook-interval 须在 0 到 3600 秒之间") }
        let slaSettings = try sla.settings()
        let repeats = try repeatPolicy()
        let settings = try DomainSettings(sla: slaSettings, repeatPolicy: repeats)
        let sqlite = try store.openStore()
        if demo {
            if try await sqlite.rootArea() == nil {
                try await DemoLoader(
                    store: sqlite, destination: store.path, cases: demoCases, seed: DemoOptionsDefaults.seed,
                    passwordParameters: auth.passwordParameters, addresses: demoAddresses
                ).load()
            } else {
                logger.info("database already holds a district; --demo leaves it as it is")
            }
        }
        let dependencies = ServerDependencies(
            store: sqlite, attachmentFiles: sqlite.attachmentFiles,
            settings: settings, metricsRegistry: registry, auth: auth, locator: try await Self.locator(sqlite, logger: logger))
        let app = buildApplication(dependencies, host: host, port: port, logger: logger)
        let scheduler = TimerScheduler(
            timers: dependencies.timers, clock: dependencies.clock, interval: .milliseconds(Int(timerInterval * 1000)),
            logger: Logger(label: "wangchao.timers"))
        let webhooks = WebhookDispatcher(
            store: sqlite, clock: dependencies.clock, interval: .milliseconds(Int(webhookInterval * 1000)),
            logger: Logger(label: "wangchao.webhooks"))
        logger.info("wangchao listening", metadata: ["address": "http://\(host):\(port)", "database": "\(store.path)"])
        let services = ServiceGroup(
            configuration: .init(services: [app, scheduler, webhooks], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await services.run()
    }

    /// The point → area index over the stored areas, built once at start-up (areas imported
    /// later take effect at the next start); `nil`, with a warning, when the areas cannot form one.
    static func locator(_ store: any ReferenceStore, logger: Logger) async throws -> AreaLocator? {
        let areas = try await store.areas(level: nil, parentCode: nil)
        do {
            let locator = try AreaLocator(areas: areas)
            logger.info("point → area index built", metadata: ["microGrids": "\(locator.indexedMicroGridCount)"])
            return locator
        } catch {
            logger.warning("no point → area index; intakes without areaCode go to the district", metadata: ["reason": "\(error)"])
            return nil
        }
    }
}
