import HTTPTypes
import Hummingbird

/// One endpoint: method, path (Hummingbird syntax, `{id}` for a parameter), access rule and handler.
public struct Route: Sendable, CustomStringConvertible {
    public typealias Handler = @Sendable (Request, WangchaoRequestContext) async throws -> Response

    public let method: HTTPRequest.Method
    public let path: String
    public let access: AccessRule
    let handler: Handler

    init(_ method: HTTPRequest.Method, _ path: String, _ access: AccessRule, _ handler: @escaping Handler) {
        self.method = method
        self.path = path
        self.access = access
        self.handler = handler
    }

    /// The names of the path's parameters, e.g. `["id"]` for `/api/v1/cases/{id}`.
    public var parameters: [String] {
        path.split(separator: "/").compactMap { segment in
            segment.hasPrefix("{") && segment.hasSuffix("}") ? String(segment.dropFirst().dropLast()) : nil
        }
    }

    /// Whether the method changes nothing (GET, HEAD): such requests need no CSRF token.
    public var isRead: Bool { method == .get || method == .head }

    public var description: String { "\(method.rawValue) \(path)" }
}
