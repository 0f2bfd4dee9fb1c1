import Foundation
import WangchaoCore
import WangchaoStore

extension StoreConformance {
    static let webhookChecks: [Check] = [
        Check("webhookOutboxFollowsChangesAndDeliversOnce") { try await $0.webhookOutboxFollowsChangesAndDeliversOnce() }
    ]

    /// A subscription is checked and kept per system; each change queues its events with it (a
    /// refused one queues none); a claimed row is held for its lease; a delivered row is never
    /// claimed again; a failed one waits for its retry time; a dead one waits for a replay.
    public func webhookOutboxFollowsChangesAndDeliversOnce() async throws {
        let store = try await makeStore()
        try await store.addSystem(IntegrationSystem(id: "hook-system", name: "回调系统", createdAt: Fixtures.now), apiKeyHash: "hk")
        var subscription = WebhookSubscription(
            systemId: "nobody", url: "https://hooks.example.org/in", events: Set(WebhookEventType.allCases),
            secret: "conformance-secret-0123", updatedAt: Fixtures.now)
        try await expectError(.notFound, "a subscription of an unknown system") { try await store.saveWebhookSubscription(subscription) }
        subscription.systemId = "hook-system"
        subscription.url = "mailto:x@example.org"
        try await expectError(.invalid, field: "url", "a url that is not http(s)") {
            try await store.saveWebhookSubscription(subscription)
        }
        subscription.url = "https://hooks.example.org/in"
        try await store.saveWebhookSubscription(subscription)
        try expectEqual(try await store.webhookSubscription(systemId: "hook-system"), subscription, "the stored subscription")

        let filed = try await store.fileCase()
        try await store.act(.accept, on: filed.id, by: Fixtures.dispatcher)
        try await expectError(.transitionNotAllowed, "accepting an accepted case") {
            try await store.act(.accept, on: filed.id, by: Fixtures.dispatcher)
        }
        let rows = try await store.webhookDeliveries(systemId: nil, status: nil, limit: 100)
        try expectEqual(
            rows.map(\.eventId), ["\(filed.id):1:case.created", "\(filed.id):2:case.transition"], "the queued events")
        try expect(rows.allSatisfy { $0.status == .pending && $0.attempts == 0 }, "new rows are pending")

        let now = Fixtures.now + 1
        let claimed = try await store.claimDueWebhooks(at: now, lease: 60, limit: 10)
        try expectEqual(claimed.map(\.delivery.eventId), rows.map(\.eventId), "the due rows, oldest first")
        try expectEqual(claimed.first?.url, subscription.url, "claimed with the subscription's url")
        try expectEqual(try await store.claimDueWebhooks(at: now + 30, lease: 60, limit: 10), [], "held for the lease")

        try await store.recordWebhookAttempt(seq: claimed[0].delivery.seq, .delivered, at: now)
        try await store.recordWebhookAttempt(seq: claimed[1].delivery.seq, .failed(reason: "HTTP 503", retryAt: now + 100), at: now)
        try expectEqual(try await store.claimDueWebhooks(at: now + 99, lease: 60, limit: 10), [], "before the retry time")
        let retried = try await store.claimDueWebhooks(at: now + 100, lease: 60, limit: 10)
        try expectEqual(retried.map(\.delivery.eventId), [claimed[1].delivery.eventId], "only the failed row, at its time")
        try expectEqual(retried.first?.delivery.attempts, 1, "failed attempts counted")
        try expectEqual(retried.first?.delivery.lastError, "HTTP 503", "the last error")

        try await store.recordWebhookAttempt(seq: claimed[1].delivery.seq, .failed(reason: "HTTP 500", retryAt: nil), at: now + 100)
        let dead = try await store.webhookDeliveries(systemId: "hook-system", status: .dead, limit: 10)
        try expectEqual(dead.map(\.eventId), [claimed[1].delivery.eventId], "the dead letter")
        try expectEqual(try await store.webhookDeliveries(systemId: "other", status: .dead, limit: 10), [], "another system's")
        try expectEqual(try await store.claimDueWebhooks(at: now + 86_400, lease: 60, limit: 10), [], "nothing to send")

        let replayed = try await store.replayWebhookDeadLetter(seq: dead[0].seq, at: now + 200)
        try expectEqual(replayed.status, .pending, "a replayed letter is pending")
        try expectEqual(replayed.attempts, 0, "with its attempts counted afresh")
        try await expectError(.notFound, "replaying what is not dead") {
            try await store.replayWebhookDeadLetter(seq: dead[0].seq, at: now + 200)
        }
        try expectEqual(
            try await store.claimDueWebhooks(at: now + 200, lease: 60, limit: 10).map(\.delivery.eventId),
            [claimed[1].delivery.eventId], "the replayed row is sent again; the delivered one never")
        let delivered = try await store.webhookDeliveries(systemId: nil, status: .delivered, limit: 10)
        try expectEqual(delivered.map(\.eventId), [claimed[0].delivery.eventId], "the delivered row")
    }
}
