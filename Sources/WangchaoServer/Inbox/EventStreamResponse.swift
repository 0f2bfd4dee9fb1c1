import HTTPTypes
import Hummingbird

extension Response {
    /// A server-sent-events answer whose body `write` produces: never cached, and not buffered
    /// by a proxy in front (`X-Accel-Buffering: no`), so each event reaches the page at once.
    static func eventStream(_ write: @escaping @Sendable (inout any ResponseBodyWriter) async throws -> Void) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/event-stream; charset=utf-8"
        headers[.cacheControl] = "no-store"
        headers[HTTPField.Name("X-Accel-Buffering")!] = "no"
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in try await write(&writer) })
    }
}
