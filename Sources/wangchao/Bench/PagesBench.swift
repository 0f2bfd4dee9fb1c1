import ArgumentParser
import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import ServiceLifecycle
import WangchaoCore
import WangchaoDemo
import WangchaoServer
import WangchaoServices
import WangchaoStore

/// `wangchao bench pages`: the time to serve the web pages over HTTP on the demo district, as
/// the district commander (or `--user`) signed in through the login form (a cookie session),
/// one request at a time, with the SLA timers and webhook dispatcher running as on a live
/// server: issue 9's bar is the workbench and the cockpit under 50 ms at p95.
struct PagesBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pages",
        abstract: "Sign in as demo.commander and time sequential GETs of the workbench, cockpit and map pages.")

    @Option(help: "Cases in the demo built when the database is new.") var cases = DemoOptionsDefaults.cases
    @Option(help: "Sequential requests per page.") var requests = 60
    @Option(help: "A demo database to reuse (built there when empty); a temporary one by default.")
    var database: String?
    @Option(help: "Standard addresses in a newly built demo.") var addresses = 0
    @Option(help: "The demo account to sign in as.") var user = DemoUsers.commander
    @Flag(inversion: .prefixedNo, help: "Run the SLA timer scheduler and the webhook dispatcher beside the server, as `serve` does.")
    var timers = true
    @Option(parsing: .upToNextOption, help: "The pages to time.")
    var pages = ["/workbench", "/cockpit", "/map", "/api/v1/indicators/values?by=area"]

    func validate() throws {
        guard (1...2_000_000).contains(cases) else { throw ValidationError("--cases 须在 1 到 2000000 之间") }
        guard (1...100_000).contains(requests) else { throw ValidationError("--requests 须在 1 到 100000 之间") }
        guard pages.allSatisfy({ $0.hasPrefix("/") }) else { throw ValidationError("--pages 须为以 / 开头的路径") }
    }

    func run() async throws {
        let folder = NSTemporaryDirectory() + "wangchao-pages-" + UUID().uuidString
        let path = database ?? folder + "/wangchao.sqlite"
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        defer { if database == nil { try? FileManager.default.removeItem(atPath: folder) } }

        let store = try SQLiteStore(path: path)
        if try await store.rootArea() == nil {
            print("生成演示数据：\(cases) 件案件 …")
            try await DemoLoader(
                store: store, destination: path, cases: cases, seed: DemoOptionsDefaults.seed, addresses: addresses
            ).load()
        } else {
            print("沿用已有数据库 \(path)")
        }
        var logger = Logger(label: "wangchao.bench")
        logger.logLevel = .warning
        let portBox = AwaitedNumber()
        let warmed = AwaitedNumber()
        let dependencies = ServerDependencies(store: store, attachmentFiles: store.attachmentFiles)
        let app = buildApplication(
            dependencies, host: "127.0.0.1", port: 0,
            logger: logger, onServerRunning: { channel in await portBox.set(channel.localAddress?.port ?? 0) },
            onWarmedUp: { duration in await warmed.set(Int(duration / .milliseconds(1))) })
        var running: [any Service] = [app]
        if timers {
            let clock = SystemClock()
            running.append(TimerScheduler(timers: dependencies.timers, clock: clock, interval: .seconds(1), logger: logger))
            running.append(WebhookDispatcher(store: store, clock: clock, interval: .seconds(1), logger: logger))
        }
        let services = ServiceGroup(configuration: .init(services: running, gracefulShutdownSignals: [], logger: logger))
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await services.run() }
            let base = "http://127.0.0.1:\(await portBox.wait())"
            // Timed as a server that has been up a while: after it counted the cockpit ahead.
            print("服务已启动，驾驶舱指标预先计算用时 \(await warmed.wait()) ms")
            var configuration = HTTPClient.Configuration()
            // The login form answers 303; the session cookie is in that answer, not after it.
            configuration.redirectConfiguration = .disallow
            let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
            do {
                let cookie = try await signIn(client, base: base)
                print("已以 \(user) 登录（表单 + 会话 Cookie），\(timers ? "时限计时器与 Webhook 投递同时运行，" : "")每页顺序请求 \(requests) 次：")
                for page in pages { try await time(page, client: client, base: base, cookie: cookie) }
            } catch {
                try? await client.shutdown()
                await services.triggerGracefulShutdown()
                throw error
            }
            try await client.shutdown()
            await services.triggerGracefulShutdown()
            try await group.waitForAll()
        }
    }

    /// GET /login for the CSRF cookie, POST the form, keep the session cookie.
    private func signIn(_ client: HTTPClient, base: String) async throws -> String {
        let form = try await client.execute(HTTPClientRequest(url: base + "/login"), timeout: .seconds(30))
        _ = try await form.body.collect(upTo: 1 << 20)
        guard let csrf = Self.cookie("wangchao_login_csrf", in: form.headers[canonicalForm: "set-cookie"].map(String.init)) else {
            throw BenchError("GET /login 没有下发 CSRF Cookie")
        }
        var request = HTTPClientRequest(url: base + "/login")
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
        request.headers.add(name: "Cookie", value: "wangchao_login_csrf=\(csrf)")
        let body = "username=\(user.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? user)&password=\(DemoLoader.password)&csrf=\(csrf)"
        request.body = .bytes(ByteBuffer(string: body))
        let answer = try await client.execute(request, timeout: .seconds(30))
        let bytes = try await answer.body.collect(upTo: 1 << 20)
        guard let session = Self.cookie("wangchao_session", in: answer.headers[canonicalForm: "set-cookie"].map(String.init)) else {
            throw BenchError("登录失败（HTTP \(answer.status.code)）：\(String(buffer: bytes).prefix(300))")
        }
        return "wangchao_session=\(session)"
    }

    private static func cookie(_ name: String, in headers: [String]) -> String? {
        for header in headers {
            let first = header.split(separator: ";").first.map(String.init) ?? ""
            let parts = first.split(separator: "=", maxSplits: 1).map(String.init)
            if parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces) == name { return parts[1] }
        }
        return nil
    }

    /// Two warm-up requests, then `requests` timed ones; prints p50, p95, max and the first
    /// (cold: nothing cached yet) request's time.
    private func time(_ page: String, client: HTTPClient, base: String, cookie: String) async throws {
        var request = HTTPClientRequest(url: base + page)
        request.headers.add(name: "Cookie", value: cookie)
        request.headers.add(name: "Accept", value: "text/html,application/json")
        var samples: [Duration] = []
        var bytes = 0
        var first: Duration = .zero
        for index in 0..<(requests + 2) {
            let start = ContinuousClock.now
            let response = try await client.execute(request, timeout: .seconds(60))
            let body = try await response.body.collect(upTo: 64 << 20)
            let elapsed = ContinuousClock.now - start
            if response.status.code == 404 {
                print("  \(page.padding(toLength: 40, withPad: " ", startingAt: 0)) 不存在（本分支没有这个页面），未计时")
                return
            }
            guard response.status.code == 200 else {
                throw BenchError("GET \(page) 答复 \(response.status.code)：\(String(buffer: body).prefix(300))")
            }
            bytes = body.readableBytes
            if index == 0 { first = elapsed }
            if index >= 2 { samples.append(elapsed) }
        }
        samples.sort()
        func percentile(_ p: Double) -> String {
            LatencyRecorder.milliseconds(samples[max(0, min(samples.count - 1, Int((Double(samples.count) * p).rounded(.up)) - 1))])
        }
        print(
            "  \(page.padding(toLength: 40, withPad: " ", startingAt: 0)) n=\(samples.count)  p50 \(percentile(0.5)) ms  p95 \(percentile(0.95)) ms  max \(LatencyRecorder.milliseconds(samples.last!)) ms  首次 \(LatencyRecorder.milliseconds(first)) ms  （\(bytes / 1024) KB）"
        )
    }
}
