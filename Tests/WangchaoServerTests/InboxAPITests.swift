import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
import WangchaoCore
import WangchaoStore
import WangchaoTesting

@testable import WangchaoServer

/// Each user's inbox: what became theirs, newest first, marked read, and streamed live.
@Suite struct InboxAPITests {
    /// Files a case and dispatches it to the fixture grid team: one `assigned` notice for `gw`.
    static func dispatchToTheGrid(_ store: SQLiteStore) async throws -> Case {
        let filed = try await store.fileCase()
        try await store.act(.accept, on: filed.id, by: Fixtures.dispatcher)
        if try await store.getCase(id: filed.id)?.assignedUnitId != Fixtures.gridTeam {
            try await store.act(.dispatch(unitId: Fixtures.gridTeam), on: filed.id, by: Fixtures.dispatcher)
        }
        return filed
    }

    @Test("a dispatch shows in the grid worker's inbox, not in the dispatcher's; read marks count down")
    func listAndMarkRead() async throws {
        let server = try await ServerFixture()
        let filed = try await Self.dispatchToTheGrid(server.store)
        try await server.test { client in
            let response = try await client.send(.get, "/api/v1/inbox", as: "gw")
            #expect(response.status == .ok, "\(response.text)")
            let page = try response.object()
            let items = try #require(page["items"] as? [[String: Any]])
            let assigned = try #require(items.first { $0["kind"] as? String == "assigned" }, "\(response.text)")
            #expect(assigned["caseNumber"] as? String == filed.number)
            #expect(assigned["caseId"] as? String == filed.id)
            #expect((assigned["text"] as? String)?.hasPrefix("新派单：") == true)
            #expect(assigned["readAt"] is NSNull || assigned["readAt"] == nil)
            #expect(page["unreadCount"] as? Int == items.count)
            #expect(page.keys.contains("nextBefore"))

            let dispatcher = try await client.send(.get, "/api/v1/inbox", as: "td").object()
            #expect((dispatcher["items"] as? [Any])?.isEmpty == true, "the dispatcher is not told of their own dispatch")

            let newest = try #require(items.first?["id"] as? Int)
            let marked = try await client.send(.post, "/api/v1/inbox/read", as: "gw", body: #"{"upTo":\#(newest)}"#)
            #expect(marked.status == .ok, "\(marked.text)")
            #expect(try marked.object()["marked"] as? Int == items.count)
            #expect(try marked.object()["unreadCount"] as? Int == 0)
            let unread = try await client.send(.get, "/api/v1/inbox?unread=true", as: "gw").object()
            #expect((unread["items"] as? [Any])?.isEmpty == true)
        }
    }

    @Test("bad inbox parameters and bodies are refused field by field")
    func badInput() async throws {
        let server = try await ServerFixture()
        try await server.test { client in
            for (query, field) in [("limit=0", "limit"), ("limit=201", "limit"), ("limit=x", "limit"), ("before=-1", "before"), ("unread=yes", "unread")] {
                try expectError(try await client.send(.get, "/api/v1/inbox?\(query)", as: "gw"), .badRequest, "invalid", field: field)
            }
            for (body, field) in [(#"{}"#, "upTo"), (#"{"upTo":0}"#, "upTo"), (#"{"upTo":1,"all":true}"#, "all")] {
                try expectError(
                    try await client.send(.post, "/api/v1/inbox/read", as: "gw", body: body), .badRequest, "invalid", field: field)
            }
            try expectError(
                try await client.send(.get, "/api/v1/inbox/stream?after=abc", as: "gw"), .badRequest, "invalid", field: "after")
            #expect(try await client.send(.get, "/api/v1/inbox", as: nil).status == .unauthorized)
        }
    }

    @Test("the stream replays notices after ?after= as events and ends when its lifetime is over")
    func streamReplaysAfter() async throws {
        let server = try await ServerFixture()
        let filed = try await Self.dispatchToTheGrid(server.store)
        try await server.test { client in
            let response = try await client.send(.get, "/api/v1/inbox/stream?after=0", as: "gw")
            #expect(response.status == .ok)
            #expect(response.headers[.contentType]?.hasPrefix("text/event-stream") == true)
            let text = response.text
            #expect(text.hasPrefix("retry: 3000\n\n"), "\(text)")
            #expect(text.contains("event: notice\ndata: {"), "\(text)")
            #expect(text.contains(filed.number))
            #expect(text.contains("event: unread\ndata: {\"unreadCount\":"), "\(text)")
            let ids = text.split(separator: "\n").filter { $0.hasPrefix("id: ") }.compactMap { Int64($0.dropFirst(4)) }
            #expect(!ids.isEmpty && ids == ids.sorted(), "event ids ascend: \(ids)")

            // Resuming from the last id sends no notice again.
            var headers = HTTPFields()
            headers[.lastEventID] = String(ids.last ?? 0)
            let resumed = try await client.send(.get, "/api/v1/inbox/stream", as: "gw", headers: headers)
            #expect(!resumed.text.contains("event: notice"), "\(resumed.text)")
        }
    }

    @Test("a notice written while the stream is open arrives on it; a client gone ends the stream")
    func streamIsLive() async throws {
        let server = try await ServerFixture()
        let store = server.store
        // Long enough for a loaded machine; the stream ends as soon as the notice is written,
        // because the writer then fails as a disconnected client's would.
        let stream = InboxStream(
            store: store, username: "gw", after: 0,
            settings: InboxStreamSettings(pollInterval: .milliseconds(20), lifetime: .seconds(120)))
        let written = WrittenText()
        let reading = Task {
            var writer: any ResponseBodyWriter = DisconnectingWriter(written: written)
            try await stream.run(&writer)
        }
        try await Task.sleep(for: .milliseconds(100))
        let filed = try await Self.dispatchToTheGrid(store)
        await #expect(throws: ClientGone.self) { try await reading.value }
        let text = written.text
        #expect(text.hasPrefix("retry: 3000"), "\(text)")
        #expect(text.contains("event: notice"), "\(text)")
        #expect(text.contains(filed.number), "\(text)")
    }
}

/// What a stream wrote, shared with the test.
final class WrittenText: @unchecked Sendable {
    private let lock = NSLock()
    private var buffer = ""

    func append(_ text: String) { lock.withLock { buffer += text } }
    var text: String { lock.withLock { buffer } }
}

struct ClientGone: Error {}

/// A response writer whose client disconnects right after the first event named `event`
/// reaches it (a notice, by default).
struct DisconnectingWriter: ResponseBodyWriter {
    let written: WrittenText
    var event = "notice"

    mutating func write(_ buffer: ByteBuffer) async throws {
        written.append(String(buffer: buffer))
        if written.text.contains("event: \(event)") { throw ClientGone() }
    }

    consuming func finish(_ trailingHeaders: HTTPFields?) async throws {}
}
