import Foundation
import HTTPTypes
import Hummingbird
import WangchaoCore
import WangchaoStore

/// How page routes (HTML for people) differ from the API when access fails: without a session
/// the browser is sent to the sign-in form (303, with `next` so it comes back), and other
/// refusals are an HTML page with the reason instead of a JSON error body.
enum PageAccess {
    /// `303 /login?next=…` for a page asked for without a valid session; `next` is the page
    /// (path and query) for reads, nothing for form posts.
    static func redirectToLogin(_ request: Request) -> Response {
        var location = LoginPage.loginPath
        if request.method == .get || request.method == .head, let next = safeNext(request.uri.description) {
            location += "?next=" + (next.addingPercentEncoding(withAllowedCharacters: .urlQueryValueAllowed) ?? "")
        }
        return Response(status: .seeOther, headers: [.location: location])
    }

    /// `next` if it is a path on this site (`/…`, not `//host` nor `/\host`), else nil: the
    /// sign-in form must not become an open redirect.
    static func safeNext(_ next: String?) -> String? {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.hasPrefix("/\\"), next.count <= 1000,
            !next.contains(where: { $0.isNewline || $0 == "\\" }), !next.hasPrefix(LoginPage.loginPath)
        else { return nil }
        return next
    }

    /// Runs a page handler; a refusal it (or the guard) throws becomes an HTML error page with
    /// the same status the API would give.
    ///
    /// The guard sets the user on its own copy of the context, so the error page looks the
    /// session up again (one indexed read, on refusals only) to show who is signed in.
    static func htmlErrors(_ handler: @escaping Route.Handler, authenticator: Authenticator) -> Route.Handler {
        { request, context in
            do { return try await handler(request, context) } catch {
                guard let apiError = APIError.from(error) else { throw error }
                if apiError.domain.code == .unauthenticated { return redirectToLogin(request) }
                let status = APIError.status(of: apiError.domain.code)
                // Already answering an error: a signed-in frame is a courtesy, not worth a second failure.
                let active = try? await authenticator.authenticate(request)
                return PageRenderer.bundled.render(
                    template: "error", context: ["message": apiError.domain.message, "status": Int(status.code)],
                    frame: PageFrame(
                        title: "无法打开", mainId: "error", user: active?.user, csrf: active?.session.csrfToken),
                    status: status)
            }
        }
    }
}

extension CharacterSet {
    /// Characters left as they are in a query value (`&`, `=`, `+`, `?` and `#` are encoded).
    static let urlQueryValueAllowed: CharacterSet = {
        var set = CharacterSet.urlQueryAllowed
        set.remove(charactersIn: "&=+?#")
        return set
    }()
}
