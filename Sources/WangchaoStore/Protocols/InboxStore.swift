import Foundation
import WangchaoCore

/// Each user's notices.
///
/// One of the store's concerns; ``CaseStore`` is all of them. Every write is durable before
/// it returns: callers answer success only after the call.
public protocol InboxStore: Sendable {
    // Notices are written with the step they tell of (``CaseStep/notices``), in its transaction;
    // the services layer decides the recipients.

    /// The user's notices, newest first: those older than `before` (from the newest when `nil`),
    /// at most `limit`, only unread ones when `unreadOnly`.
    func inbox(username: String, before: Int64?, limit: Int, unreadOnly: Bool) async throws -> [Notice]
    /// The user's notices newer than `after`, oldest first: what a live stream has not sent yet.
    func notices(username: String, after: Int64, limit: Int) async throws -> [Notice]
    /// Marks the user's unread notices up to and including `id` read; returns how many changed.
    func markNoticesRead(username: String, upTo id: Int64, at now: Date) async throws -> Int
    func unreadNoticeCount(username: String) async throws -> Int
}
