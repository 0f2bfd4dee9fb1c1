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

    /// Writes the notices `transition` calls for (``NoticePlanner``) into each recipient's inbox.
    /// Runs inside the transition's transaction: the notice exists exactly when the change does.
    static func deliverNotices(for transition: Transition, producing subject: Case, in db: Database) throws {
        let categoryName = CategoryCatalog.bundled[subject.category]?.name ?? subject.category
        for draft in NoticePlanner.drafts(for: transition, producing: subject, categoryName: categoryName) {
            let recipients = try usernames(of: draft.audience, caseId: subject.id, in: db)
                .filter { $0 != transition.actor }
            for username in recipients {
                try db.execute(
                    sql: """
                        INSERT INTO inbox (username, kind, case_id, case_number, text, created_at)
                        VALUES (?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        username, draft.kind.rawValue, subject.id, subject.number, draft.text, transition.at.storedMillis,
                    ])
            }
        }
    }

    /// The enabled users an audience stands for, ordered by name.
    private static func usernames(of audience: NoticePlanner.Audience, caseId: String, in db: Database) throws -> [String] {
        switch audience {
        case .unit(let unitId):
            return try String.fetchAll(
                db, sql: "SELECT username FROM users WHERE unit_id = ? AND disabled = 0 ORDER BY username",
                arguments: [unitId])
        case .user(let username):
            return try String.fetchAll(
                db, sql: "SELECT username FROM users WHERE username = ? AND disabled = 0", arguments: [username])
        case .authorOfVersion(let version):
            return try String.fetchAll(
                db,
                sql: """
                    SELECT u.username FROM transitions t JOIN users u ON u.username = t.actor
                    WHERE t.case_id = ? AND t.version = ? AND u.disabled = 0
                    """, arguments: [caseId, version])
        case .dispatchers(let areaCode, let tier):
            // Area scopes are codes, and a code's ancestors are its prefixes.
            let roles: [Role] =
                switch tier {
                case .grid, .community: [.communityStaff, .townDispatcher]
                case .town: [.townDispatcher]
                case .district: [.districtCommander]
                }
            return try String.fetchAll(
                db,
                sql: """
                    SELECT username FROM users
                    WHERE role IN (\(roles.map { _ in "?" }.joined(separator: ","))) AND disabled = 0
                      AND substr(?, 1, length(scope)) = scope
                    ORDER BY username
                    """, arguments: StatementArguments(roles.map(\.rawValue) + [areaCode]))
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
