import ArgumentParser
import Foundation
import Hummingbird
import Logging
import Metrics
import Prometheus
import WangchaoCore
import WangchaoServer
import WangchaoStore

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the HTTP server (JSON API under /api/v1, metrics at /metrics).",
        discussion: "Stops gracefully on SIGTERM or SIGINT: requests in flight finish, nothing acknowledged is lost.")

    @OptionGroup var store: StoreOptions

    @Option(help: "The address to listen on.") var host = "127.0.0.1"
    @Option(help: "The port to listen on.") var port = 8080
    @Flag(help: "Fill an empty database with the demo district first (see `wangchao demo`).") var demo = false
    @Option(help: "Cases for --demo.") var demoCases = DemoOptionsDefaults.cases
    @Option(help: "Log level: trace, debug, info, notice, warning, error.") var logLevel = "info"

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

        let sqlite = try store.openStore()
        if demo {
            if try await sqlite.rootArea() == nil {
                try await DemoLoader(store: sqlite, cases: demoCases, seed: DemoOptionsDefaults.seed).load()
            } else {
                logger.info("database already holds a district; --demo leaves it as it is")
            }
        }
        let dependencies = ServerDependencies(
            store: sqlite, attachmentFiles: sqlite.attachmentFiles, metricsRegistry: registry)
        let app = buildApplication(dependencies, host: host, port: port, logger: logger)
        logger.info("wangchao listening", metadata: ["address": "http://\(host):\(port)", "database": "\(store.path)"])
        try await app.runService()
    }
}
