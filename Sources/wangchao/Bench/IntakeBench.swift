import ArgumentParser
import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import ServiceLifecycle
import WangchaoCore
import WangchaoServer
import WangchaoStore

/// `wangchao bench intake`: N cases through the real HTTP API and the real store, each walked
/// through the whole loop by C concurrent clients, beside a one-commit-per-case SQLite baseline.
struct IntakeBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "intake",
        abstract: "Create N cases over HTTP with C clients, walk each through the lifecycle, print throughput and latencies.")

    @Option(help: "How many cases.") var cases = 2000
    @Option(help: "Concurrent HTTP clients.") var clients = 32
    @Option(help: "Where to put the benchmark's databases (a fresh temporary directory by default).")
    var directory: String?

    func validate() throws {
        guard cases >= 1, cases <= 1_000_000 else { throw ValidationError("--cases 须在 1 到 1000000 之间") }
        guard clients >= 1, clients <= 1024 else { throw ValidationError("--clients 须在 1 到 1024 之间") }
    }

    func run() async throws {
        let folder = directory ?? NSTemporaryDirectory() + "wangchao-bench-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { if directory == nil { try? FileManager.default.removeItem(atPath: folder) } }

        print("基准：SQLite 逐条提交（WAL，synchronous=FULL，每个案件一次提交）…")
        let baseline = try RawSQLiteBaseline.run(count: cases, path: folder + "/baseline.sqlite")

        let store = try SQLiteStore(path: folder + "/wangchao.sqlite")
        let tokens = try await BenchDistrict.load(into: store)
        var logger = Logger(label: "wangchao.bench")
        logger.logLevel = .warning
        let portBox = AwaitedNumber()
        let app = buildApplication(
            ServerDependencies(store: store, attachmentFiles: store.attachmentFiles), host: "127.0.0.1", port: 0,
            logger: logger,
            onServerRunning: { channel in await portBox.set(channel.localAddress?.port ?? 0) })
        let services = ServiceGroup(configuration: .init(services: [app], gracefulShutdownSignals: [], logger: logger))

        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await services.run() }
            let port = await portBox.wait()
            var clientConfiguration = HTTPClient.Configuration()
            clientConfiguration.connectionPool = .init(
                idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: clients)
            let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: clientConfiguration)
            let driver = LifecycleDriver(client: client, baseURL: "http://127.0.0.1:\(port)/api/v1", tokens: tokens)
            do {
                try await measure(driver: driver, store: store, baseline: baseline)
            } catch {
                try? await client.shutdown()
                throw error
            }
            try await client.shutdown()
            await services.triggerGracefulShutdown()
            try await group.waitForAll()
        }
    }

    private func measure(driver: LifecycleDriver, store: SQLiteStore, baseline: Double) async throws {
        print("Wangchao：\(cases) 个案件，\(clients) 个并发客户端，经 HTTP API …")
        let intakeStart = ContinuousClock.now
        let ids = try await forEachCase { index in try await driver.fileCase(index) }
        let intakeSeconds = (ContinuousClock.now - intakeStart).seconds
        let afterIntake = await store.groupCommitStatistics()

        let lifecycleStart = ContinuousClock.now
        _ = try await forEachCase { index in
            try await driver.walkLifecycle(ids[index])
            return ids[index]
        }
        let lifecycleSeconds = (ContinuousClock.now - lifecycleStart).seconds
        let total = await store.groupCommitStatistics()

        print("")
        print(String(format: "SQLite 基准（逐条提交）   %8.0f 次提交/秒（每案件一次）", baseline))
        print(String(format: "Wangchao 受理           %8.0f 件/秒（HTTP，组提交）", Double(cases) / intakeSeconds))
        print(String(format: "Wangchao 全流程          %8.1f 个生命周期/秒（8 次流转：受理→派遣→签收→到场→处置→核查→结案→评价）",
            Double(cases) / lifecycleSeconds))
        print(String(format: "Wangchao 写入            %8.0f 次提交/秒（受理 + 流转）",
            Double(cases * (1 + LifecycleDriver.steps.count)) / (intakeSeconds + lifecycleSeconds)))
        print(String(format: "组提交：受理阶段平均每次提交 %.1f 个请求；全程 %d 次提交承载 %d 个请求",
            Double(afterIntake.requests) / Double(max(1, afterIntake.batches)), total.batches, total.requests))
        print("各操作延迟：")
        for line in await driver.latencies.report(order: ["intake"] + LifecycleDriver.steps.map(\.name)) { print(line) }
    }

    /// Runs `body` for every case index with `clients` concurrent workers; results by index.
    private func forEachCase(_ body: @escaping @Sendable (Int) async throws -> String) async throws -> [String] {
        let next = Counter()
        return try await withThrowingTaskGroup(of: [(Int, String)].self) { group in
            for _ in 0..<clients {
                group.addTask {
                    var done: [(Int, String)] = []
                    while let index = await next.take(below: cases) { done.append((index, try await body(index))) }
                    return done
                }
            }
            var results = [String](repeating: "", count: cases)
            for try await part in group { for (index, value) in part { results[index] = value } }
            return results
        }
    }
}

/// Hands out case indexes to workers.
private actor Counter {
    private var value = 0
    func take(below limit: Int) -> Int? {
        guard value < limit else { return nil }
        defer { value += 1 }
        return value
    }
}
