import Foundation
import WangchaoCore
import WangchaoStore

/// Webhooks, with `webhookDeliveredResent` (a 2xx is not recorded, so the row goes out again)
/// and `webhookLeaseIgnored` (a claimed row can be claimed again at once).
extension MutantStore {
    func saveWebhookSubscription(_ subscription: WebhookSubscription) async throws {
        try await base.saveWebhookSubscription(subscription)
    }

    func webhookSubscription(systemId: String) async throws -> WebhookSubscription? {
        try await base.webhookSubscription(systemId: systemId)
    }

    func claimDueWebhooks(at now: Date, lease: TimeInterval, limit: Int) async throws -> [WebhookDispatch] {
        try await base.claimDueWebhooks(at: now, lease: mutation == .webhookLeaseIgnored ? 0 : lease, limit: limit)
    }

    func recordWebhookAttempt(seq: Int64, _ outcome: WebhookAttemptOutcome, at now: Date) async throws {
        if mutation == .webhookDeliveredResent, outcome == .delivered { return }
        try await base.recordWebhookAttempt(seq: seq, outcome, at: now)
    }

    func webhookDeliveries(systemId: String?, status: WebhookDelivery.Status?, limit: Int) async throws -> [WebhookDelivery] {
        try await base.webhookDeliveries(systemId: systemId, status: status, limit: limit)
    }

    func replayWebhookDeadLetter(seq: Int64, at now: Date) async throws -> WebhookDelivery {
        try await base.replayWebhookDeadLetter(seq: seq, at: now)
    }
}
