import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import WangchaoCore
import WangchaoStore

/// `/workbench/stream`: tells an open 工作台 that what it shows has changed (server-sent
/// events), so the page can fetch itself again and new cases appear without a reload.
///
/// The page carries the signature of what it shows (``signature(of:)``: the counts and the
/// rows with their lights) in its stream address; the stream re-reads the same filters when
/// the store's change stamp moved (at most every three polls: a busy district changes every
/// second, and each open 工作台 would re-read as often) and at least every ``maxQuiet`` (lights
/// change with time alone), and sends `event: changed` when the signature differs. Nothing
/// personal is sent.
struct WorkbenchStream: Sendable {
    let page: WorkbenchPage
    let user: User
    let filters: WorkbenchPage.Filters
    /// The signature the client shows now.
    let since: String
    let settings: InboxStreamSettings

    /// The longest the stream goes without re-reading the page.
    static let maxQuiet: Duration = .seconds(30)

    /// What a change is judged by: every count by state and light, the total, and the page's
    /// rows in order with their lights (FNV-1a, hex; it detects change, it protects nothing).
    static func signature(of result: UrgencyPage) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ text: String) {
            for byte in text.utf8 {
                hash ^= UInt64(byte)
                hash &*= 0x0000_0100_0000_01B3
            }
            hash ^= 0x1F
            hash &*= 0x0000_0100_0000_01B3
        }
        mix(String(result.total))
        for count in result.counts { mix("\(count.state.rawValue)/\(count.light?.rawValue ?? "-")/\(count.count)") }
        for row in result.rows { mix("\(row.row.id)/\(row.row.state.rawValue)/\(row.light?.rawValue ?? "-")") }
        return String(hash, radix: 16)
    }

    struct ChangedEvent: Encodable {
        let signature: String
        let total: Int
    }

    func run(_ writer: inout any ResponseBodyWriter) async throws {
        let clock = ContinuousClock()
        let ends = clock.now.advanced(by: settings.lifetime)
        try await writer.write(ByteBuffer(string: "retry: 5000\n\n"))
        var shown = since
        var stamp: Int64?
        var counted = clock.now
        var wrote = clock.now
        while clock.now < ends, !Task.isCancelled {
            let current = try await page.store.changeStamp()
            let elapsed = clock.now - counted
            if (current != stamp && (stamp == nil || elapsed >= settings.pollInterval * 3)) || elapsed >= Self.maxQuiet {
                stamp = current
                counted = clock.now
                let (result, _) = try await page.read(user: user, filters: filters, now: page.clock.now())
                let signature = Self.signature(of: result)
                if signature != shown {
                    let event = ChangedEvent(signature: signature, total: result.total)
                    let json = String(decoding: try JSONEncoder().encode(event), as: UTF8.self)
                    try await writer.write(ByteBuffer(string: "event: changed\ndata: \(json)\n\n"))
                    shown = signature
                    wrote = clock.now
                }
            }
            if clock.now - wrote >= settings.heartbeat {
                try await writer.write(ByteBuffer(string: ": keep-alive\n\n"))
                wrote = clock.now
            }
            try await Task.sleep(for: settings.pollInterval)
        }
        try await writer.finish(nil)
    }
}

extension WorkbenchPage {
    /// `GET /workbench/stream?…filters…&since=SIGNATURE`.
    @Sendable func stream(_ request: Request, context: WangchaoRequestContext) async throws -> Response {
        let user = try context.requireUser()
        var parameters: [String: String] = [:]
        for (key, value) in request.uri.queryParameters { parameters[String(key)] = String(value) }
        let filters = try Filters(parameters, kinds: kinds)
        let stream = WorkbenchStream(
            page: self, user: user, filters: filters, since: parameters["since"] ?? "", settings: streamSettings)
        return .eventStream { writer in try await stream.run(&writer) }
    }
}
