import Foundation
import Testing
import WangchaoCore
import WangchaoStore
import WangchaoTesting

/// Durable timers across crashes: the built `wangchao` binary is killed (`_exit(137)` at the
/// `timer-after-decide` failpoint) after deciding a firing and before recording it, then run
/// again; no timer is lost and none fires twice.
@Suite("SLA timers survive crashes", .serialized)
struct TimerCrashTests {
    /// `.build/debug/wangchao`, next to this package.
    static let binary: URL = {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent(".build/debug/wangchao")
    }()

    /// Runs `wangchao timers run --once` on `database`; returns the exit status.
    func runTimers(_ database: String, failpoint: String?) throws -> Int32 {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = ["timers", "run", "--once", "--database", database]
        var environment = ProcessInfo.processInfo.environment
        environment["WANGCHAO_FAILPOINT"] = failpoint
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Six emergency cases signed two hours ago (sign and arrival limits long over, reinforcement
    /// due, handling not yet) and one case never accepted.
    func prepare() async throws -> (SQLiteFixture, [String], String) {
        let fixture = try await SQLiteFixture()
        let store = fixture.store
        let neighbour = "330109001001002"
        try await store.saveAreas([Area(code: neighbour, name: "湘湖社区第二网格", level: .grid, parentCode: Fixtures.community)])
        try await store.saveUnits([.init(id: "grid-\(neighbour)", name: "湘湖社区第二网格", kind: .gridTeam, areaCode: neighbour)])
        let start = Date() - 2 * 3600
        var dispatched: [String] = []
        for index in 0..<6 {
            let filed = try await store.fileCase(Fixtures.intake(category: "AQ01", description: "消防通道堵塞 \(index)"), at: start)
            try await store.act(.accept, on: filed.id, by: Fixtures.dispatcher, at: start + 60)
            try await store.act(.dispatch(unitId: Fixtures.gridTeam), on: filed.id, by: Fixtures.dispatcher, at: start + 120)
            dispatched.append(filed.id)
        }
        let waiting = try await store.fileCase(Fixtures.intake(category: "AQ01", description: "无人受理"), at: start)
        return (fixture, dispatched, waiting.id)
    }

    /// The system transitions each case must end with, as a multiset of payloads.
    static let dispatchedOutcome: [String: Int] = [
        "markLight sign yellow": 1, "markLight sign red": 1, "notify sign red": 1,
        "markLight arrive yellow": 1, "markLight arrive red": 1, "notify arrive red": 2,
        "reinforce grid-330109001001002": 1,
    ]
    static let waitingOutcome: [String: Int] = ["markLight accept yellow": 1, "markLight accept red": 1, "notify accept red": 1]

    func systemOutcome(_ store: SQLiteStore, _ caseId: String) async throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for transition in try await store.history(caseId: caseId) where transition.actor == "system" {
            let text: String
            switch transition.payload {
            case .markLight(let kind, let light): text = "markLight \(kind.rawValue) \(light.rawValue)"
            case .notify(let kind, let light): text = "notify \(kind.rawValue) \(light.rawValue)"
            case .reinforce(let unit): text = "reinforce \(unit)"
            default: text = transition.action
            }
            counts[text, default: 0] += 1
        }
        return counts
    }

    @Test("killed between deciding and recording, then restarted: every due timer fires exactly once")
    func crashBetweenDecideAndRecord() async throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary.path), "build the wangchao product first")
        let (fixture, dispatched, waiting) = try await prepare()
        let store = fixture.store
        let path = store.path
        var before: [String: [SLATimer]] = [:]
        for id in dispatched + [waiting] { before[id] = try await store.timers(caseId: id) }

        // Dies at the first decision: nothing recorded, nothing lost.
        #expect(try runTimers(path, failpoint: "timer-after-decide") == 137)
        for id in dispatched + [waiting] {
            #expect(try await systemOutcome(store, id).isEmpty)
            #expect(try await store.timers(caseId: id) == before[id])
        }

        // Dies later, after some firings committed (one case's timers fire one after another).
        #expect(try runTimers(path, failpoint: "timer-after-decide:9") == 137)
        var recorded = 0
        for id in dispatched + [waiting] { recorded += try await systemOutcome(store, id).values.reduce(0, +) }
        #expect(recorded > 0)

        // A clean run finishes the rest; another finds nothing to do.
        #expect(try runTimers(path, failpoint: nil) == 0)
        #expect(try runTimers(path, failpoint: nil) == 0)
        for id in dispatched {
            #expect(try await systemOutcome(store, id) == Self.dispatchedOutcome)
            let left = try await store.timers(caseId: id)
            #expect(left.map { "\($0.kind.rawValue).\($0.step.rawValue)" }.sorted() == ["handle.due", "handle.warn"])
            let reloaded = try #require(try await store.getCase(id: id))
            #expect(reloaded.version == (try await store.history(caseId: id)).count)
            #expect(reloaded.cooperatingUnitIds == ["grid-330109001001002"])
        }
        #expect(try await systemOutcome(store, waiting) == Self.waitingOutcome)
        #expect(try await store.timers(caseId: waiting).isEmpty)  // its accept limit's warn and due both fired
    }
}
