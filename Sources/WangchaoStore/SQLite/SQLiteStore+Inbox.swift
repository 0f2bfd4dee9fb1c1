import Foundation
import GRDB
import WangchaoCore

extension SQLiteStore {
    public func inbox(username: String, before: Int64?, limit: Int, unreadOnly: Bool) async throws -> [Notice] {
        try await reads.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT * FROM inbox WHERE username = ? AND seq < ? \(unreadOnly ? "AND read_at IS NULL" : "")
                    ORDER BY seq DESC LIMIT ?
                    """, arguments: [username, before ?? Int64.max, max(0, limit)]
            ).map(Self.notice(from:))
        }
    }

    public func notices(username: String, after: Int64, limit: Int) async throws -> [Notice] {
        try await reads.read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM inbox WHERE username = ? AND seq > ? ORDER BY seq LIMIT ?",
                arguments: [username, after, max(0, limit)]
            ).map(Self.notice(from:))
        }
    }

    public func markNoticesRead(username: String, upTo id: Int64, at now: Date) async throws -> Int {
        try await write { db in
            try db.execute(
                sql: "UPDATE inbox SET read_at = ? WHERE username = ? AND seq <= ? AND read_at IS NULL",
                arguments: [now.storedMillis, username, id])
            return db.changesCount
        }
    }

    public func unreadNoticeCount(username: String) async throws -> Int {
        try await reads.read { db in
            try Int.fetchOne(
                db, sql: "SELECT count(*) FROM inbox WHERE username = ? AND read_at IS NULL", arguments: [username]) ?? 0
        }
    }

    // MARK: Delivery

    /// Writes the notices a step sends, inside the step's transaction: a notice exists exactly
    /// when the change it tells of does.
    static func insertNotices(_ notices: [NoticeDelivery], for transition: Transition, of subject: Case, in db: Database) throws {
        for notice in notices {
            try db.execute(
                sql: "INSERT INTO inbox (username, kind, case_id, case_number, text, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [
                    notice.username, notice.kind.rawValue, subject.id, subject.number, notice.text, transition.at.storedMillis,
                ])
        }
    }

    private static func notice(from row: Row) throws -> Notice {
        Notice(
            id: row["seq"], username: row["username"], kind: NoticeKind(rawValue: row["kind"]) ?? .assigned,
            caseId: row["case_id"], caseNumber: row["case_number"], text: row["text"],
            createdAt: Date(storedMillis: row["created_at"]),
            readAt: (row["read_at"] as Int64?).map(Date.init(storedMillis:)))
    }
}
