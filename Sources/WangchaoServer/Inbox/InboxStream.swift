import Foundation
import Hummingbird
import Metrics
import WangchaoCore
import WangchaoStore

/// How the live inbox stream behaves.
public struct InboxStreamSettings: Sendable {
    /// How often the stream looks for new notices. Polling the indexed inbox keeps the stream
    /// right whichever process or path wrote the notice, and costs one small query per user.
    public var pollInterval: Duration
    /// How long one connection lasts before the server ends it; `EventSource` reconnects by
    /// itself (with `Last-Event-ID`), and proxies never see an endless response.
    public var lifetime: Duration
    /// A comment line this often keeps idle connections open through proxies.
    public var heartbeat: Duration

    public init(pollInterval: Duration = .seconds(1), lifetime: Duration = .seconds(300), heartbeat: Duration = .seconds(15)) {
        self.pollInterval = pollInterval
        self.lifetime = lifetime
        self.heartbeat = heartbeat
    }
}

/// One user's server-sent-events stream of new notices.
struct InboxStream: Sendable {
    let store: any CaseStore
    let username: String
    let after: Int64
    let settings: InboxStreamSettings

    static let encoder: JSONEncoder = APIJSON.makeEncoder()

    func run(_ writer: inout any ResponseBodyWriter) async throws {
        let connections = Meter(label: "wangchao_inbox_streams")
        connections.increment()
        defer { connections.decrement() }
        let clock = ContinuousClock()
        let ends = clock.now.advanced(by: settings.lifetime)
        var lastSent = after
        var lastWrite = clock.now
        try await writer.write(ByteBuffer(string: "retry: 3000\n\n"))
        try await writer.write(ByteBuffer(string: try await unreadEvent()))
        while clock.now < ends, !Task.isCancelled {
            let fresh = try await store.notices(username: username, after: lastSent, limit: 100)
            if !fresh.isEmpty {
                var text = ""
                for notice in fresh {
                    let json = String(decoding: try Self.encoder.encode(notice), as: UTF8.self)
                    text += "id: \(notice.id)\nevent: notice\ndata: \(json)\n\n"
                }
                text += try await unreadEvent()
                try await writer.write(ByteBuffer(string: text))
                lastSent = fresh.last!.id
                lastWrite = clock.now
                if fresh.count == 100 { continue }  // more waiting: no pause
            } else if clock.now - lastWrite >= settings.heartbeat {
                try await writer.write(ByteBuffer(string: ": keep-alive\n\n"))
                lastWrite = clock.now
            }
            try await Task.sleep(for: min(settings.pollInterval, ends - clock.now > .zero ? ends - clock.now : .zero))
        }
        try await writer.finish(nil)
    }

    private func unreadEvent() async throws -> String {
        "event: unread\ndata: {\"unreadCount\":\(try await store.unreadNoticeCount(username: username))}\n\n"
    }

}
