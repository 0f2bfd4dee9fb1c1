import Foundation
import HTTPTypes
import HummingbirdTesting
import Logging
import Testing
import WangchaoCore
import WangchaoStore
import WangchaoTesting

@testable import WangchaoServer

/// The outbox: rows written with the change, sent signed, retried, dead-lettered and replayed.
@Suite("Webhook outbox and delivery")
struct WebhookDeliveryTests {
    static let secret = "whsec_webhook-tests-secret"
    static let systemId = "hook-subscriber"

    /// Registers the subscriber system and subscribes it to `events` at `url`.
    static func subscribe(
        _ store: any CaseStore, url: String = "http://127.0.0.1:9/hook", events: Set<WebhookEventType> = Set(WebhookEventType.allCases)
    ) async throws {
        if try await store.system(id: systemId) == nil {
            try await store.addSystem(IntegrationSystem(id: systemId, name: "回调测试", createdAt: Fixtures.now), apiKeyHash: "hook-key-hash")
        }
        try await store.saveWebhookSubscription(
            WebhookSubscription(systemId: systemId, url: url, events: events, secret: secret, updatedAt: Fixtures.now))
    }

    static func dispatcher(_ store: any CaseStore, _ clock: any WangchaoClock, policy: WebhookRetryPolicy = .standard)
        -> WebhookDispatcher
    {
        WebhookDispatcher(store: store, clock: clock, interval: .milliseconds(10), policy: policy, timeout: 5, logger: Logger(label: "test.webhooks"))
    }

    static func all(_ store: any CaseStore, _ status: WebhookDelivery.Status? = nil) async throws -> [WebhookDelivery] {
        try await store.webhookDeliveries(systemId: nil, status: status, limit: 1000)
    }

    @Test("a transition writes its outbox rows in its transaction; a refused one writes none; alerts for lights")
    func outboxRowsFollowTheChange() async throws {
        let fixture = try await SQLiteFixture()
        let store = fixture.store
        // No subscriber yet: nothing queued.
        _ = try await store.fileCase(at: Fixtures.now - 600)
        #expect(try await Self.all(store).isEmpty)

        try await Self.subscribe(store)
        let filed = try await store.fileCase(at: Fixtures.now)
        let accepted = try await store.act(.accept, on: filed.id, by: Fixtures.dispatcher, at: Fixtures.now + 60)
        var rows = try await Self.all(store)
        #expect(rows.map(\.eventId) == ["\(filed.id):1:case.created", "\(filed.id):2:case.transition"])
        #expect(rows.allSatisfy { $0.status == .pending && $0.attempts == 0 && $0.systemId == Self.systemId })
        let body = try #require(rows.last?.body)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
        #expect(object["caseNumber"] as? String == filed.number)
        #expect(object["action"] as? String == "accept")
        #expect(object["actor"] as? String == Fixtures.dispatcher.username)
        #expect(object["state"] as? String == accepted.state.rawValue)
        #expect(rows.allSatisfy { !$0.body.contains("市民甲") && !$0.body.contains("13800000000") })

        // Refused: an accepted case cannot be accepted again; nothing is queued.
        await #expect(throws: (any Error).self) { try await store.act(.accept, on: filed.id, by: Fixtures.dispatcher, at: Fixtures.now + 90) }
        #expect(try await Self.all(store).count == rows.count)

        // The SLA clock's lights are alerts (and transitions).
        let fired = try await store.fireDueTimers(at: Fixtures.now + 90 * 24 * 3600, limit: 100)
        #expect(!fired.isEmpty)
        rows = try await Self.all(store)
        let alerts = rows.filter { $0.event == .caseAlert }
        #expect(!alerts.isEmpty)
        #expect(alerts.allSatisfy { $0.body.contains(#""light":"#) && $0.body.contains(#""deadline":"#) })
        #expect(rows.filter { $0.event == .caseTransition }.count >= alerts.count)

        // A subscription to alerts only queues nothing else.
        try await Self.subscribe(store, events: [.caseAlert])
        let before = rows.count
        _ = try await store.fileCase(at: Fixtures.now + 120)
        #expect(try await Self.all(store).count == before)
    }

    @Test("the outbox survives a restart with the subscriber down and delivers once it is back, once per event id")
    func survivesRestart() async throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("wangchao.sqlite")
        let clock = ManualClock(Fixtures.now)
        let subscriber = WebhookSubscriber(secret: Self.secret)
        try await subscriber.serve { url in
            var expected: [String] = []
            do {
                let store = try SQLiteStore(path: path)
                try await store.loadFixtures()
                // First nobody listens at the subscription's address (port 1: connection refused).
                try await Self.subscribe(store, url: "http://127.0.0.1:1/hook")
                let filed = try await store.fileCase(at: Fixtures.now)
                try await store.act(.accept, on: filed.id, by: Fixtures.dispatcher, at: Fixtures.now)
                expected = try await Self.all(store).map(\.eventId)
                #expect(expected.count == 2)
                #expect(await Self.dispatcher(store, clock).tick().count == 2)
                #expect(try await Self.all(store).allSatisfy { $0.status == .pending && $0.attempts == 1 && $0.lastError != nil })
                // Then it listens but is down (503): each row fails again and waits 20 s.
                try await Self.subscribe(store, url: url)
                clock.advance(by: 11)
                let outcomes = await Self.dispatcher(store, clock).tick()
                #expect(outcomes.count == 2)
                #expect(try await Self.all(store).allSatisfy { $0.status == .pending && $0.attempts == 2 && $0.lastError == "HTTP 503" })
            }
            // Restart: a new store and dispatcher on the same file; the subscriber is back.
            await subscriber.answer(.ok)
            let store = try SQLiteStore(path: path)
            let dispatcher = Self.dispatcher(store, clock)
            #expect(await dispatcher.tick().isEmpty, "not due before the backoff has passed")
            clock.advance(by: 21)
            #expect(await dispatcher.tick().count == 2)
            // A change after the restart is queued and sent at the next pass.
            _ = try await store.fileCase(at: clock.now())
            #expect(await dispatcher.tick().count == 1)
            clock.advance(by: 24 * 3600)
            #expect(await dispatcher.tick().isEmpty, "delivered rows are never sent again")

            let everything = try await Self.all(store)
            #expect(everything.allSatisfy { $0.status == .delivered })
            let accepted = await subscriber.acceptedIds
            #expect(accepted.count == Set(accepted).count, "each event id accepted exactly once")
            #expect(Set(accepted) == Set(everything.map(\.eventId)))
            #expect(Set(accepted).isSuperset(of: expected))
            let received = await subscriber.received
            #expect(received.allSatisfy { $0.signatureValid })
            #expect(received.filter { !$0.accepted }.map(\.id).sorted() == expected.sorted())
            #expect(Set(received.map(\.event)) == ["case.created", "case.transition"])
        }
    }

    @Test("after the last attempt a delivery is a dead letter; an administrator lists and replays it")
    func deadLetterAndReplay() async throws {
        let server = try await ServerFixture()
        let subscriber = WebhookSubscriber(secret: Self.secret)
        try await subscriber.serve { url in
            try await Self.subscribe(server.store, url: url, events: [.caseCreated])
            let filed = try await server.store.fileCase(at: Fixtures.now)
            let dispatcher = Self.dispatcher(server.store, server.clock, policy: WebhookRetryPolicy(base: 1, cap: 10, maxAttempts: 3))
            for _ in 0..<3 {
                #expect(await dispatcher.tick().count == 1)
                server.clock.advance(by: 60)
            }
            #expect(await dispatcher.tick().isEmpty, "a dead letter is not retried")
            let dead = try await Self.all(server.store, .dead)
            #expect(dead.map(\.eventId) == ["\(filed.id):1:case.created"])
            #expect(dead.first?.attempts == 3)

            try await server.test { client in
                let listed = try await client.send(.get, "/api/v1/admin/webhooks/dead-letters?system=\(Self.systemId)", as: "admin")
                #expect(listed.status == .ok, "\(listed.text)")
                #expect(listed.text.contains("\(filed.id):1:case.created"))
                let other = try await client.send(.get, "/api/v1/admin/webhooks/dead-letters?system=nobody", as: "admin")
                #expect(!other.text.contains(filed.id))
                #expect(try await client.send(.get, "/api/v1/admin/webhooks/dead-letters", as: "dc").status == .forbidden)

                let seq = try #require(dead.first?.seq)
                await subscriber.answer(.ok)
                let replayed = try await client.send(.post, "/api/v1/admin/webhooks/dead-letters/\(seq)/replay", as: "admin")
                #expect(replayed.status == .ok, "\(replayed.text)")
                #expect(try replayed.object()["status"] as? String == "pending")
                try expectError(
                    try await client.send(.post, "/api/v1/admin/webhooks/dead-letters/\(seq)/replay", as: "admin"),
                    .notFound, "notFound", field: nil)
            }
            #expect(await dispatcher.tick().count == 1)
            #expect(try await Self.all(server.store).map(\.status) == [.delivered])
            #expect(await subscriber.acceptedIds == ["\(filed.id):1:case.created"])
            #expect(await subscriber.received.count == 4)
        }
    }

    @Test("administrators set a subscription; the secret is generated and shown once; bad input names its field")
    func subscriptionAPI() async throws {
        let server = try await ServerFixture()
        try await server.store.addSystem(
            IntegrationSystem(id: Self.systemId, name: "回调测试", createdAt: Fixtures.now), apiKeyHash: "hook-key-hash")
        try await server.test { client in
            let path = "/api/v1/admin/systems/\(Self.systemId)/webhook"
            try expectError(try await client.send(.get, path, as: "admin"), .notFound, "notFound", field: nil)
            let saved = try await client.send(
                .put, path, as: "admin", body: #"{"url":"https://hooks.example.org/in","events":["case.transition","case.alert"]}"#)
            #expect(saved.status == .ok, "\(saved.text)")
            let secret = try #require(try saved.object()["secret"] as? String)
            #expect(secret.hasPrefix("whsec_"))
            #expect(try await server.store.webhookSubscription(systemId: Self.systemId)?.secret == secret)

            let shown = try await client.send(.get, path, as: "admin")
            #expect(shown.status == .ok)
            #expect(!shown.text.contains(secret))
            #expect(try shown.object()["events"] as? [String] == ["case.alert", "case.transition"])

            let own = try await client.send(
                .put, path, as: "admin", body: #"{"url":"http://10.1.2.3:8080/in","events":["case.created"],"secret":"my-own-secret-0123456789"}"#)
            #expect(own.status == .ok)
            #expect(try own.object()["secret"] == nil)
            #expect(try await server.store.webhookSubscription(systemId: Self.systemId)?.secret == "my-own-secret-0123456789")

            try expectError(
                try await client.send(.put, path, as: "admin", body: #"{"url":"ftp://x.org/in","events":["case.created"]}"#),
                .badRequest, "invalid", field: "url")
            try expectError(
                try await client.send(.put, path, as: "admin", body: #"{"url":"https://x.org/in","events":["case.deleted"]}"#),
                .badRequest, "invalid", field: "events")
            try expectError(
                try await client.send(.put, path, as: "admin", body: #"{"url":"https://x.org/in","events":[]}"#),
                .badRequest, "invalid", field: "events")
            try expectError(
                try await client.send(
                    .put, "/api/v1/admin/systems/nobody/webhook", as: "admin", body: #"{"url":"https://x.org/in","events":["case.created"]}"#),
                .notFound, "notFound", field: nil)
            #expect(
                try await client.send(.put, path, as: "dc", body: #"{"url":"https://x.org/in","events":["case.created"]}"#).status
                    == .forbidden)
            #expect(try await server.store.webhookSubscription(systemId: Self.systemId)?.url == "http://10.1.2.3:8080/in")
        }
    }
}
