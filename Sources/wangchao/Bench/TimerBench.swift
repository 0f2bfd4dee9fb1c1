import ArgumentParser
import Foundation
import GRDB
import WangchaoCore
import WangchaoServices
import WangchaoStore

/// `wangchao bench timers`: how fast due SLA timers fire when many more wait — the scheduler's
/// throughput with the district's backlog of running deadlines.
struct TimerBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timers",
        abstract: "Fire N due SLA timers among P pending ones (each firing its own transaction); print timers fired per second.")

    @Option(help: "Timers waiting, not yet due.") var pending = 1_000_000
    @Option(help: "Timers due now (one case each), fired by the measurement.") var due = 10_000
    @Option(help: "Timers fetched per pass, as the server's scheduler does.") var batch = 1000
    @Option(help: "Where to put the benchmark's database (a fresh temporary directory by default).")
    var directory: String?

    func validate() throws {
        guard (0...20_000_000).contains(pending) else { throw ValidationError("--pending 须在 0 到 20000000 之间") }
        guard (1...1_000_000).contains(due) else { throw ValidationError("--due 须在 1 到 1000000 之间") }
        guard (1...100_000).contains(batch) else { throw ValidationError("--batch 须在 1 到 100000 之间") }
    }

    func run() async throws {
        let folder = directory ?? NSTemporaryDirectory() + "wangchao-bench-timers-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { if directory == nil { try? FileManager.default.removeItem(atPath: folder) } }
        let path = folder + "/wangchao.sqlite"
        let store = try SQLiteStore(path: path)
        try await BenchDistrict.load(into: store)

        // Due cases: filed at t0 in a category whose accept limit is 60 minutes; at 80 % of it
        // only their warning timers are due.
        let category = CategoryCatalog.bundled["SR03"]!
        let t0 = Date(timeIntervalSince1970: 1_795_485_600)
        let setupStart = ContinuousClock.now
        var fireAt = t0
        for chunkStart in stride(from: 0, to: due, by: 5000) {
            var imported: [ImportedCase] = []
            for index in chunkStart..<min(due, chunkStart + 5000) {
                let c = Intake(
                    category: category.code, description: "基准案件 \(index)", source: .gridPatrol, priority: .normal,
                    location: Location(lat: 30.16, lng: 120.26, address: "萧山区城厢街道湘湖路\(index)号"),
                    reporter: nil, attachments: nil, areaCode: BenchDistrict.grid
                ).makeCase(
                    id: "due-\(index)", number: String(format: "XS-20261124-%06d", index + 1), trackingCode: "BENCH\(index)",
                    areaCode: BenchDistrict.grid, category: category, at: t0)
                fireAt = max(fireAt, c.deadlines.compactMap(\.warnAt).max() ?? t0)
                imported.append(ImportedCase(case: c, history: [Intake.intakeTransition(for: c, actor: nil)]))
            }
            try await store.importCases(imported)
        }
        try insertPending(path: path, after: t0 + 365 * 86_400)
        let waiting = try await store.pendingTimerCount()
        print("准备：\(due) 个案件（各 1 个到期提醒），共 \(waiting) 个计时器等待，用时 \(format(ContinuousClock.now - setupStart))")

        let start = ContinuousClock.now
        var fired = 0
        var passes = 0
        while true {
            let batchFired = try await TimerService(store: store, settings: .standard).fireDue(at: fireAt, limit: batch)
            fired += batchFired.count
            passes += 1
            if batchFired.count < batch { break }
        }
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let stats = await store.groupCommitStatistics()
        print(
            "触发：\(fired) 个到期计时器（\(passes) 轮，每轮最多 \(batch) 个），\(pending) 个未到期；用时 \(format(elapsed))，"
                + String(format: "%.0f", Double(fired) / seconds) + " 个/秒")
        print("组提交：\(stats.batches) 次提交承载 \(stats.requests) 个写请求；剩余计时器 \(try await store.pendingTimerCount())")
        guard fired == due else { throw CommandFailure("应触发 \(due) 个，实际 \(fired) 个") }
    }

    /// Writes the pending timers straight into the table (they name no case: they never fire).
    private func insertPending(path: String, after start: Date) throws {
        guard pending > 0 else { return }
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            let statement = try db.makeStatement(
                sql: "INSERT INTO sla_timers (case_id, kind, step, fire_at) VALUES (?, 'handle', 'due', ?)")
            for index in 0..<pending {
                try statement.execute(arguments: ["pending-\(index)", Int64((start.timeIntervalSince1970 + Double(index)) * 1000)])
            }
        }
    }

    private func format(_ duration: Duration) -> String {
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        return String(format: "%.2f 秒", seconds)
    }
}
