import Foundation
import WangchaoCore

/// Webhook subscriptions and the outbox.
///
/// One of the store's concerns; ``CaseStore`` is all of them. Every write is durable before
/// it returns: callers answer success only after the call.
public protocol WebhookStore: Sendable {
    /// Sets the system's subscription (url, events, secret), replacing any earlier one; later
    /// changes are queued for it (see ``WebhookEvent/events(for:producing:)``).
    /// - Throws: ``DomainError`` `invalid` (field `url`, `events` or `secret`), `notFound` for an
    ///   unknown system; nothing changes then.
    func saveWebhookSubscription(_ subscription: WebhookSubscription) async throws
    func webhookSubscription(systemId: String) async throws -> WebhookSubscription?
    /// Takes up to `limit` pending outbox rows due at `now` (of enabled, subscribed systems),
    /// earliest first, and holds them for `lease` seconds, so that no other sender takes them.
    func claimDueWebhooks(at now: Date, lease: TimeInterval, limit: Int) async throws -> [WebhookDispatch]
    /// Records an attempt on a pending row: delivered (never sent again), to retry, or dead.
    func recordWebhookAttempt(seq: Int64, _ outcome: WebhookAttemptOutcome, at now: Date) async throws
    /// Outbox rows, oldest first, of one system or all, in one status or any.
    func webhookDeliveries(systemId: String?, status: WebhookDelivery.Status?, limit: Int) async throws -> [WebhookDelivery]
    /// Puts a dead letter back to pending, due at `now`, with its attempts counted afresh.
    /// - Throws: ``DomainError`` `notFound` when `seq` is not a dead letter.
    func replayWebhookDeadLetter(seq: Int64, at now: Date) async throws -> WebhookDelivery
}
