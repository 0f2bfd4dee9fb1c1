import Foundation
import HTTPTypes
import Hummingbird
import WangchaoCore
import WangchaoStore

/// `/api/v1/inbox`: each user's notices (new assignment, yellow/red light, returned case,
/// escalation …), newest first, and a live stream of new ones.
struct InboxRoutes {
    let store: any CaseStore
    let clock: any WangchaoClock
    let stream: InboxStreamSettings

    static let maxLimit = 200

    var routes: [Route] {
        [
            Route(.get, "/api/v1/inbox", .anyRole, list),
            Route(.post, "/api/v1/inbox/read", .writers, markRead),
            Route(.get, "/api/v1/inbox/stream", .anyRole, live),
        ]
    }

    /// `?limit=` (1–200, default 50), `?before=` (a notice id: the next page), `?unread=true`.
    @Sendable func list(_ request: Request, context: WangchaoRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let parameters = request.uri.queryParameters
        let limit = try Self.integer(parameters["limit"], field: "limit", in: 1...Int64(Self.maxLimit)) ?? 50
        let before = try Self.integer(parameters["before"], field: "before", in: 1...Int64.max)
        let unreadOnly: Bool
        switch parameters["unread"].map(String.init) {
        case nil, "", "false": unreadOnly = false
        case "true": unreadOnly = true
        case let other?: throw DomainError.invalid(field: "unread", "unread 须为 true 或 false，而不是 \(other)")
        }
        let items = try await store.inbox(
            username: user.username, before: before, limit: Int(limit), unreadOnly: unreadOnly)
        let unread = try await store.unreadNoticeCount(username: user.username)
        let next = items.count == Int(limit) ? items.last.map { String($0.id) } : nil
        return try JSONResponse.make(InboxPageView(items: items, unreadCount: unread, nextBefore: next))
    }

    /// `{"upTo": id}`: marks the caller's notices up to that one read.
    @Sendable func markRead(_ request: Request, context: WangchaoRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let body = try await APIJSON.decodeStrictBody(MarkReadBody.self, from: request)
        guard body.upTo > 0 else { throw DomainError.invalid(field: "upTo", "upTo 须为正整数（消息编号）") }
        let marked = try await store.markNoticesRead(username: user.username, upTo: body.upTo, at: clock.now())
        let unread = try await store.unreadNoticeCount(username: user.username)
        return try JSONResponse.make(MarkReadView(marked: marked, unreadCount: unread))
    }

    /// Server-sent events: `event: notice` per new notice (its id is the event id, so a
    /// reconnecting `EventSource` resumes with `Last-Event-ID`), `event: unread` with the count.
    /// `?after=` starts after a known notice (the page the client just loaded); by default the
    /// stream starts with what arrives from now on.
    @Sendable func live(_ request: Request, context: WangchaoRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let resumeFrom = request.headers[values: .lastEventID].first ?? request.uri.queryParameters["after"].map(String.init)
        let start: Int64
        if let resumeFrom, !resumeFrom.isEmpty {
            guard let id = Int64(resumeFrom), id >= 0 else {
                throw DomainError.invalid(field: "after", "after / Last-Event-ID 须为消息编号")
            }
            start = id
        } else {
            start = try await store.inbox(username: user.username, before: nil, limit: 1, unreadOnly: false).first?.id ?? 0
        }
        let stream = InboxStream(store: store, username: user.username, after: start, settings: self.stream)
        return .eventStream { writer in try await stream.run(&writer) }
    }

    private static func integer(_ raw: Substring?, field: String, in range: ClosedRange<Int64>) throws -> Int64? {
        guard let raw, !raw.isEmpty else { return nil }
        guard let value = Int64(raw), range.contains(value) else {
            throw DomainError.invalid(field: field, "\(field) 须为 \(range.lowerBound) 到 \(range.upperBound) 的整数")
        }
        return value
    }
}

struct MarkReadBody: Decodable, StrictBody {
    let upTo: Int64
    static let knownFields: Set<String> = ["upTo"]
}

struct MarkReadView: Encodable {
    let marked: Int
    let unreadCount: Int
}

struct InboxPageView: Encodable {
    let items: [Notice]
    let unreadCount: Int
    /// Pass as `?before=` for the next page; `null` on the last.
    let nextBefore: String?

    private enum CodingKeys: String, CodingKey { case items, unreadCount, nextBefore }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(items, forKey: .items)
        try container.encode(unreadCount, forKey: .unreadCount)
        try container.encode(nextBefore, forKey: .nextBefore)
    }
}

extension HTTPField.Name {
    /// Sent by a reconnecting `EventSource`: the id of the last event it received.
    static let lastEventID = HTTPField.Name("Last-Event-ID")!
}
