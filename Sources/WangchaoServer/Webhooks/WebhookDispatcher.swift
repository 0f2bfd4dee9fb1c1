import AsyncHTTPClient
import Foundation
import Logging
import Metrics
import NIOCore
import NIOHTTP1
import ServiceLifecycle
import WangchaoCore
import WangchaoStore

/// Sends the webhook outbox every `interval`, as a service beside the HTTP server (like
/// ``TimerScheduler``): a 2xx answer marks the row delivered, anything else schedules a retry
/// by ``WebhookRetryPolicy`` until the row becomes a dead letter.
///
/// Rows are written with the change they tell of, so a stop, a crash or a subscriber that is
/// down loses nothing: the next pass (of this process or the next) sends what is pending. A
/// crash between a subscriber's 2xx and the mark may send that event once more; the
/// `X-Wangchao-Delivery` id lets the subscriber drop it.
public struct WebhookDispatcher: Service {
    let store: any CaseStore
    let clock: any WangchaoClock
    let interval: Duration
    let policy: WebhookRetryPolicy
    let timeout: TimeInterval
    let batchSize: Int
    let client: HTTPClient
    let logger: Logger

    public init(
        store: any CaseStore, clock: any WangchaoClock, interval: Duration = .seconds(1), policy: WebhookRetryPolicy = .standard,
        timeout: TimeInterval = 10, batchSize: Int = 50, client: HTTPClient = .shared, logger: Logger
    ) {
        self.store = store
        self.clock = clock
        self.interval = interval
        self.policy = policy
        self.timeout = timeout
        self.batchSize = batchSize
        self.client = client
        self.logger = logger
    }

    public func run() async throws {
        logger.info("webhook dispatcher started", metadata: ["interval": "\(interval)"])
        try? await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                await tick()
                try await Task.sleep(for: interval)
            }
        }
        logger.info("webhook dispatcher stopped")
    }

    /// Sends what is due now, batch after batch, each batch's posts concurrently; a store failure
    /// is logged and retried at the next pass.
    /// - Returns: each attempt's row and outcome.
    @discardableResult
    public func tick() async -> [(WebhookDispatch, WebhookAttemptOutcome)] {
        var all: [(WebhookDispatch, WebhookAttemptOutcome)] = []
        do {
            while !Task.isCancelled {
                // Held for twice the timeout: long enough for the attempt to finish and be recorded.
                let claimed = try await store.claimDueWebhooks(at: clock.now(), lease: timeout * 2 + 5, limit: batchSize)
                let outcomes = await withTaskGroup(of: (WebhookDispatch, WebhookAttemptOutcome).self) { group in
                    for dispatch in claimed { group.addTask { (dispatch, await attempt(dispatch)) } }
                    var results: [(WebhookDispatch, WebhookAttemptOutcome)] = []
                    for await result in group { results.append(result) }
                    return results
                }
                for (dispatch, outcome) in outcomes {
                    try await store.recordWebhookAttempt(seq: dispatch.delivery.seq, outcome, at: clock.now())
                    report(dispatch, outcome)
                }
                all += outcomes
                if claimed.count < batchSize { break }
            }
        } catch {
            logger.error("webhook delivery pass failed; retrying at the next pass", metadata: ["error": "\(error)"])
        }
        return all
    }

    /// Posts one row, signed; what happened, with the retry time the policy gives a failure.
    func attempt(_ dispatch: WebhookDispatch) async -> WebhookAttemptOutcome {
        let now = clock.now()
        let timestamp = String(Int64(now.timeIntervalSince1970))
        let body = Data(dispatch.delivery.body.utf8)
        var request = HTTPClientRequest(url: dispatch.url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json; charset=utf-8")
        request.headers.add(name: "User-Agent", value: "Wangchao-Webhooks/1")
        request.headers.add(name: "X-Wangchao-Event", value: dispatch.delivery.event.rawValue)
        request.headers.add(name: "X-Wangchao-Delivery", value: dispatch.delivery.eventId)
        request.headers.add(name: "X-Wangchao-Timestamp", value: timestamp)
        request.headers.add(
            name: "X-Wangchao-Signature", value: WebhookSignature.sign(body: body, timestamp: timestamp, secret: dispatch.secret))
        request.body = .bytes(ByteBuffer(bytes: body))
        let failure: String
        do {
            let response = try await client.execute(request, timeout: .milliseconds(Int64(timeout * 1000)))
            _ = try? await response.body.collect(upTo: 64 * 1024)
            if (200..<300).contains(response.status.code) { return .delivered }
            failure = "HTTP \(response.status.code)"
        } catch {
            failure = "\(error)"
        }
        return .failed(reason: failure, retryAt: policy.nextAttempt(afterAttempt: dispatch.delivery.attempts + 1, at: clock.now()))
    }

    private func report(_ dispatch: WebhookDispatch, _ outcome: WebhookAttemptOutcome) {
        let metadata: Logger.Metadata = [
            "system": "\(dispatch.delivery.systemId)", "delivery": "\(dispatch.delivery.eventId)",
            "event": "\(dispatch.delivery.event.rawValue)", "attempt": "\(dispatch.delivery.attempts + 1)",
        ]
        switch outcome {
        case .delivered:
            Counter(label: "wangchao_webhook_deliveries_total", dimensions: [("result", "delivered")]).increment()
            logger.debug("webhook delivered", metadata: metadata)
        case .failed(let reason, let retryAt?):
            Counter(label: "wangchao_webhook_deliveries_total", dimensions: [("result", "retry")]).increment()
            logger.warning(
                "webhook delivery failed; will retry",
                metadata: metadata.merging(["reason": "\(reason)", "retryAt": "\(retryAt)"]) { $1 })
        case .failed(let reason, nil):
            Counter(label: "wangchao_webhook_deliveries_total", dimensions: [("result", "dead")]).increment()
            logger.error("webhook delivery dead-lettered", metadata: metadata.merging(["reason": "\(reason)"]) { $1 })
        }
    }
}
