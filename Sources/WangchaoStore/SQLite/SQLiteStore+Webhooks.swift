import Foundation
import GRDB
import WangchaoCore

extension SQLiteStore {
    public func saveWebhookSubscription(_ subscription: WebhookSubscription) async throws {
        try subscription.validate()
        try await write { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM systems WHERE id = ?", arguments: [subscription.systemId]) != nil
            else { throw DomainError.notFound("系统 \(subscription.systemId) 不存在") }
            try db.execute(
                sql: """
                    INSERT INTO webhook_subscriptions (system_id, url, events, secret, updated_at) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (system_id) DO UPDATE SET url = excluded.url, events = excluded.events,
                        secret = excluded.secret, updated_at = excluded.updated_at
                    """,
                arguments: [
                    subscription.systemId, subscription.url, try StoredJSON.encode(subscription.events.sorted()),
                    subscription.secret, subscription.updatedAt.storedMillis,
                ])
        }
    }

    public func webhookSubscription(systemId: String) async throws -> WebhookSubscription? {
        try await reads.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM webhook_subscriptions WHERE system_id = ?", arguments: [systemId])
                .map(Self.subscription(from:))
        }
    }

    public func claimDueWebhooks(at now: Date, lease: TimeInterval, limit: Int) async throws -> [WebhookDispatch] {
        // An idle outbox costs one indexed read per pass, not a write transaction.
        let anyDue = try await reads.read { db in
            try Bool.fetchOne(
                db, sql: "SELECT 1 FROM webhook_outbox WHERE status = 'pending' AND next_attempt_at <= ? LIMIT 1",
                arguments: [now.storedMillis]) != nil
        }
        guard anyDue else { return [] }
        return try await write { db in
            // Due rows of enabled, subscribed systems; the lease keeps a second server (or a slow
            // attempt) from taking the same row until it has had time to finish.
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT o.*, w.url AS url, w.secret AS secret FROM webhook_outbox o
                    JOIN webhook_subscriptions w ON w.system_id = o.system_id
                    JOIN systems s ON s.id = o.system_id
                    WHERE o.status = 'pending' AND o.next_attempt_at <= ? AND s.disabled = 0
                    ORDER BY o.next_attempt_at, o.seq LIMIT ?
                    """, arguments: [now.storedMillis, max(0, limit)])
            var claimed: [WebhookDispatch] = []
            for row in rows {
                try db.execute(
                    sql: "UPDATE webhook_outbox SET next_attempt_at = ? WHERE seq = ?",
                    arguments: [(now + lease).storedMillis, row["seq"] as Int64])
                claimed.append(WebhookDispatch(delivery: try Self.delivery(from: row), url: row["url"], secret: row["secret"]))
            }
            return claimed
        }
    }

    public func recordWebhookAttempt(seq: Int64, _ outcome: WebhookAttemptOutcome, at now: Date) async throws {
        try await write { db in
            switch outcome {
            case .delivered:
                try db.execute(
                    sql: """
                        UPDATE webhook_outbox SET status = 'delivered', delivered_at = ?, last_error = NULL
                        WHERE seq = ? AND status = 'pending'
                        """, arguments: [now.storedMillis, seq])
            case .failed(let reason, let retryAt):
                try db.execute(
                    sql: """
                        UPDATE webhook_outbox SET status = ?, attempts = attempts + 1, next_attempt_at = ?, last_error = ?
                        WHERE seq = ? AND status = 'pending'
                        """,
                    arguments: [
                        retryAt == nil ? WebhookDelivery.Status.dead.rawValue : WebhookDelivery.Status.pending.rawValue,
                        (retryAt ?? now).storedMillis, String(reason.prefix(500)), seq,
                    ])
            }
        }
    }

    public func webhookDeliveries(systemId: String?, status: WebhookDelivery.Status?, limit: Int) async throws
        -> [WebhookDelivery]
    {
        try await reads.read { db in
            var conditions: [String] = []
            var arguments: StatementArguments = []
            if let systemId {
                conditions.append("system_id = ?")
                arguments += [systemId]
            }
            if let status {
                conditions.append("status = ?")
                arguments += [status.rawValue]
            }
            arguments += [max(0, limit)]
            let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            return try Row.fetchAll(
                db, sql: "SELECT * FROM webhook_outbox \(filter) ORDER BY seq LIMIT ?", arguments: arguments
            ).map(Self.delivery(from:))
        }
    }

    public func replayWebhookDeadLetter(seq: Int64, at now: Date) async throws -> WebhookDelivery {
        try await write { db in
            try db.execute(
                sql: """
                    UPDATE webhook_outbox SET status = 'pending', attempts = 0, next_attempt_at = ?
                    WHERE seq = ? AND status = 'dead'
                    """, arguments: [now.storedMillis, seq])
            guard db.changesCount == 1,
                let row = try Row.fetchOne(db, sql: "SELECT * FROM webhook_outbox WHERE seq = ?", arguments: [seq])
            else { throw DomainError.notFound("死信 \(seq) 不存在") }
            return try Self.delivery(from: row)
        }
    }

    // MARK: Outbox rows

    /// Writes the outbox rows `transition` makes for every subscriber of its events, inside the
    /// change's transaction: an event is queued exactly when the change is stored. An event id
    /// already queued for a subscriber is left as it is.
    static func enqueueWebhooks(for transition: Transition, producing subject: Case, in db: Database) throws {
        let subscriptions = try Row.fetchAll(db, sql: "SELECT * FROM webhook_subscriptions").map(Self.subscription(from:))
        guard !subscriptions.isEmpty else { return }
        for event in WebhookEvent.events(for: transition, producing: subject) {
            let body = try event.body()
            for subscription in subscriptions where subscription.events.contains(event.type) {
                try db.execute(
                    sql: """
                        INSERT OR IGNORE INTO webhook_outbox
                            (event_id, system_id, event, case_id, body, status, attempts, next_attempt_at, created_at)
                        VALUES (?, ?, ?, ?, ?, 'pending', 0, ?, ?)
                        """,
                    arguments: [
                        event.id, subscription.systemId, event.type.rawValue, event.caseId, body,
                        transition.at.storedMillis, transition.at.storedMillis,
                    ])
            }
        }
    }

    private static func subscription(from row: Row) throws -> WebhookSubscription {
        let names = try StoredJSON.decode([String].self, from: row["events"])
        return WebhookSubscription(
            systemId: row["system_id"], url: row["url"], events: Set(names.compactMap(WebhookEventType.init(rawValue:))),
            secret: row["secret"], updatedAt: Date(storedMillis: row["updated_at"]))
    }

    private static func delivery(from row: Row) throws -> WebhookDelivery {
        WebhookDelivery(
            seq: row["seq"], eventId: row["event_id"], systemId: row["system_id"],
            event: WebhookEventType(rawValue: row["event"]) ?? .caseTransition, caseId: row["case_id"],
            status: WebhookDelivery.Status(rawValue: row["status"]) ?? .pending, attempts: row["attempts"],
            nextAttemptAt: Date(storedMillis: row["next_attempt_at"]), lastError: row["last_error"],
            createdAt: Date(storedMillis: row["created_at"]),
            deliveredAt: (row["delivered_at"] as Int64?).map(Date.init(storedMillis:)), body: row["body"])
    }
}
