import Foundation

/// One outbox row: an event for one subscriber, pending, delivered or dead.
public struct WebhookDelivery: Sendable, Equatable, Codable {
    public enum Status: String, Sendable, Codable {
        case pending, delivered, dead
    }

    /// The row's number: the `{delivery}` of the replay route.
    public var seq: Int64
    public var eventId: String
    public var systemId: String
    public var event: WebhookEventType
    public var caseId: String
    public var status: Status
    /// Failed attempts so far.
    public var attempts: Int
    public var nextAttemptAt: Date
    public var lastError: String?
    public var createdAt: Date
    public var deliveredAt: Date?
    /// The JSON body, fixed when the change was stored.
    public var body: String

    public init(
        seq: Int64, eventId: String, systemId: String, event: WebhookEventType, caseId: String, status: Status,
        attempts: Int, nextAttemptAt: Date, lastError: String?, createdAt: Date, deliveredAt: Date?, body: String
    ) {
        self.seq = seq
        self.eventId = eventId
        self.systemId = systemId
        self.event = event
        self.caseId = caseId
        self.status = status
        self.attempts = attempts
        self.nextAttemptAt = nextAttemptAt
        self.lastError = lastError
        self.createdAt = createdAt
        self.deliveredAt = deliveredAt
        self.body = body
    }
}

/// A delivery claimed for sending, with where and how to sign it.
public struct WebhookDispatch: Sendable, Equatable {
    public var delivery: WebhookDelivery
    public var url: String
    public var secret: String

    public init(delivery: WebhookDelivery, url: String, secret: String) {
        self.delivery = delivery
        self.url = url
        self.secret = secret
    }
}

/// How one attempt went.
public enum WebhookAttemptOutcome: Sendable, Equatable {
    /// A 2xx answer: never sent again.
    case delivered
    /// Anything else: try again at `retryAt`, or dead-letter when `nil`.
    case failed(reason: String, retryAt: Date?)
}
