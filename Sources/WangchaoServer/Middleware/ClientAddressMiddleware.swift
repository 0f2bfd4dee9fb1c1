import Foundation
import Hummingbird

/// Settles the client's address once per request, for login throttling and the audit trail.
///
/// `X-Forwarded-For` is believed only when configured (``AuthConfiguration/trustForwardedFor``):
/// any client can write the header, so trusting it without a proxy in front would let an
/// attacker pick a fresh address for every login attempt. With a proxy, the last hop is the
/// address the proxy itself saw.
public struct ClientAddressMiddleware: RouterMiddleware {
    public typealias Context = WangchaoRequestContext

    let trustForwardedFor: Bool

    public init(trustForwardedFor: Bool) {
        self.trustForwardedFor = trustForwardedFor
    }

    public func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        guard trustForwardedFor, let forwarded = request.headers[.xForwardedFor] else {
            return try await next(request, context)
        }
        let lastHop = forwarded.split(separator: ",").last.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        guard !lastHop.isEmpty, lastHop.count <= 64 else { return try await next(request, context) }
        var context = context
        context.clientAddress = lastHop
        return try await next(request, context)
    }
}
