import HTTPTypes

/// The only routes that answer without credentials (issue 5): health, metrics, the OpenAPI
/// document, the sign-in page and its assets, token issue, public case tracking and Open311's
/// reads. A `.public` route elsewhere is a mistake the server refuses to start with.
public enum PublicRoutes {
    /// A method and a path pattern; a pattern ending in `/**` covers everything below it.
    public struct Pattern: Sendable, CustomStringConvertible {
        public let method: HTTPRequest.Method
        public let path: String

        public var description: String { "\(method.rawValue) \(path)" }

        func matches(_ route: Route) -> Bool {
            guard route.method == method || (method == .get && route.method == .head) else { return false }
            if path.hasSuffix("/**") { return route.path.hasPrefix(String(path.dropLast(2))) }
            return route.path == path
        }
    }

    public static let permitted: [Pattern] = [
        Pattern(method: .get, path: "/api/v1/healthz"),
        Pattern(method: .get, path: "/metrics"),
        Pattern(method: .get, path: "/openapi.json"),
        Pattern(method: .get, path: "/login"),
        Pattern(method: .post, path: "/login"),
        Pattern(method: .get, path: "/assets/**"),
        Pattern(method: .get, path: "/favicon.ico"),
        Pattern(method: .post, path: "/api/v1/auth/token"),
        Pattern(method: .get, path: "/api/v1/track/**"),
        // A reporter rates the handling of their own case with its tracking code.
        Pattern(method: .post, path: "/api/v1/track/{number}/rating"),
        Pattern(method: .get, path: "/open311/**"),
        // Open311 clients file with their system's api_key, checked by the handler.
        Pattern(method: .post, path: "/open311/v2/requests.{format}"),
    ]

    /// Whether `route` may be public.
    public static func permits(_ route: Route) -> Bool {
        permitted.contains { $0.matches(route) }
    }
}
