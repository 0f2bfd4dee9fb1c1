import Hummingbird
import Logging

/// Turns every error into the API's JSON error shape; anything unforeseen becomes a 500 whose
/// details go to the log, not to the client.
public struct ErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    public init() {}

    public func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            if let apiError = APIError.from(error) { return apiError.response() }
            context.logger.error(
                "unhandled error", metadata: ["error": "\(String(reflecting: error))", "path": "\(request.uri.path)"])
            let body = #"{"error":{"code":"internal","field":null,"message":"服务器内部错误，请稍后重试"}}"#
            return Response(
                status: .internalServerError, headers: [.contentType: "application/json; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: body)))
        }
    }
}
