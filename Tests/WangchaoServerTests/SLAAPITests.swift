import Foundation
import HTTPTypes
import HummingbirdTesting
import Logging
import Testing
import WangchaoCore
import WangchaoServer
import WangchaoServices
import WangchaoStore
import WangchaoTesting

@Suite("SLA lights in case answers and the timer scheduler")
struct SLAAPITests {
    /// An emergency case (AQ01) dispatched and signed at `Fixtures.now`: arrival due in 10 minutes.
    func signedEmergency(_ server: ServerFixture) async throws -> Case {
        let filed = try await server.store.fileCase(Fixtures.intake(category: "AQ01"), at: Fixtures.now - 120)
        try await server.store.act(.accept, on: filed.id, by: Fixtures.dispatcher, at: Fixtures.now - 60)
        try await server.store.act(.dispatch(unitId: Fixtures.gridTeam), on: filed.id, by: Fixtures.dispatcher, at: Fixtures.now)
        return try await server.store.act(.sign, on: filed.id, by: Fixtures.gridWorker, at: Fixtures.now + 30)
    }

    @Test("each case carries its deadlines with lights and the worst light, at the server clock's now")
    func lightsFollowTheClock() async throws {
        let server = try await ServerFixture()
        let signed = try await signedEmergency(server)
        let waiting = try await server.store.fileCase(at: Fixtures.now)
        try await server.test { client in
            func show(_ id: String) async throws -> [String: Any] {
                let response = try await client.send(.get, "/api/v1/cases/\(id)", as: "td")
                #expect(response.status == .ok)
                return try response.object()
            }
            func lights(_ object: [String: Any]) -> [String: String] {
                let deadlines = object["deadlines"] as? [[String: Any]] ?? []
                return Dictionary(uniqueKeysWithValues: deadlines.map { ($0["kind"] as? String ?? "?", $0["light"] as? String ?? "?") })
            }
            var object = try await show(signed.id)
            #expect(object["light"] as? String == "green")
            #expect(lights(object) == ["arrive": "green", "handle": "green"])
            let arrive = try #require((object["deadlines"] as? [[String: Any]])?.first { $0["kind"] as? String == "arrive" })
            #expect(arrive["clock"] as? String == "continuous")
            #expect(Set(arrive.keys).isSuperset(of: ["kind", "dueAt", "startedAt", "clock", "light", "reinforceAt"]))
            #expect(arrive["startedAt"] as? String == "2026-11-24T02:00:00Z")

            server.clock.set(Fixtures.now + 8 * 60)  // 80 % of the 10 minutes
            object = try await show(signed.id)
            #expect(object["light"] as? String == "yellow")
            #expect(lights(object) == ["arrive": "yellow", "handle": "green"])

            server.clock.set(Fixtures.now + 10 * 60)
            object = try await show(signed.id)
            #expect(object["light"] as? String == "red")

            // The list carries them too; a case with only its accept limit is red after an hour.
            server.clock.set(Fixtures.now + 3600)
            let list = try await client.send(.get, "/api/v1/cases", as: "td").object()
            let items = try #require(list["items"] as? [[String: Any]])
            let listed = try #require(items.first { $0["id"] as? String == waiting.id })
            #expect(listed["light"] as? String == "red")
            #expect(lights(listed) == ["accept": "red"])
        }
    }

    @Test("the scheduler fires due timers once with the injected clock, also after a restart")
    func schedulerFiresOnce() async throws {
        let server = try await ServerFixture()
        let signed = try await signedEmergency(server)
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        let scheduler = TimerScheduler(timers: TimerService(store: server.store, settings: .standard), clock: server.clock, logger: logger)
        #expect(await scheduler.tick().isEmpty)
        server.clock.set(Fixtures.now + 12 * 60)
        let fired = await scheduler.tick()
        #expect(fired.map(\.step) == [.warn, .due])
        #expect(fired.allSatisfy { $0.kind == .arrive && $0.caseId == signed.id })
        #expect(await scheduler.tick().isEmpty)

        // A second process on the same database (a restart) finds nothing left to fire.
        let reopened = try SQLiteStore(path: server.store.path)
        let again = TimerScheduler(timers: TimerService(store: reopened, settings: .standard), clock: server.clock, logger: logger)
        #expect(await again.tick().isEmpty)
        let system = try await reopened.history(caseId: signed.id).filter { $0.actor == "system" }
        #expect(system.map(\.action) == ["markLight", "markLight", "notify"])
        let audited = try await reopened.auditEntries(after: nil, limit: 100).filter { $0.actor == "system" }
        #expect(audited.map(\.target) == [signed.id, signed.id])
        #expect(audited.allSatisfy { $0.action == "SLA timers" })
        #expect(try await reopened.verifyAudit().isIntact)

        server.clock.set(Fixtures.now + 16 * 60)
        #expect(await again.tick().map(\.step) == [.reinforce])
        #expect(await scheduler.tick().isEmpty)
    }
}
