import HTTPTypes
import Hummingbird

/// One endpoint: method, path (Hummingbird syntax, `{id}` for a parameter), access rule and handler.
public struct Route: Sendable, CustomStringConvertible {
    public typealias Handler = @Sendable (Request, WangchaoRequestContext) async throws -> Response

    public let method: HTTPRequest.Method
    public let path: String
    public let access: AccessRule
    /// Whether a successful call reads personal data (a reporter's name, a masked phone …):
    /// such reads are recorded in the audit trail like writes.
    public private(set) var readsPersonalData = false
    /// Whether this is a web page for people: without a session it sends the browser to the
    /// sign-in form (303) instead of answering 401, and refusals are HTML (``PageAccess``).
    public private(set) var isPage = false
    let handler: Handler

    init(_ method: HTTPRequest.Method, _ path: String, _ access: AccessRule, _ handler: @escaping Handler) {
        self.method = method
        self.path = path
        self.access = access
        self.handler = handler
    }

    /// This route, with its successful calls recorded in the audit trail as reads of personal data.
    func readingPersonalData() -> Route {
        var route = self
        route.readsPersonalData = true
        return route
    }

    /// This route, as a web page (``isPage``).
    func page() -> Route {
        var route = self
        route.isPage = true
        return route
    }

    /// The names of the path's parameters, e.g. `["id"]` for `/api/v1/cases/{id}` and
    /// `["format"]` for `/open311/v2/services.{format}`.
    public var parameters: [String] {
        path.split(separator: "/").compactMap { segment in
            guard let open = segment.firstIndex(of: "{"), let close = segment.lastIndex(of: "}"), open < close else {
                return nil
            }
            return String(segment[segment.index(after: open)..<close])
        }
    }

    /// Whether the method changes nothing (GET, HEAD): such requests need no CSRF token.
    public var isRead: Bool { method == .get || method == .head }

    public var description: String { "\(method.rawValue) \(path)" }
}
