import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import WangchaoCore
import WangchaoServices
import WangchaoStore

/// The web sign-in: `GET /login` (the form, or who is signed in), `POST /login`, `POST /logout`
/// in the web pages' layout. After signing in the browser goes to `next` (a path on this site)
/// or the 工作台.
///
/// The form itself carries a CSRF token checked against a cookie (double submit), so another
/// site cannot sign a browser in to an account of its choosing; once signed in, the session's
/// own CSRF token protects every write (``CSRFCheck``).
struct LoginPage {
    static let loginCSRFCookie = "wangchao_login_csrf"
    static let loginPath = "/login"
    /// Where a sign-in without `next` lands.
    static let homePath = "/workbench"

    let signIn: SignInService
    let authenticator: Authenticator
    let store: any CaseStore
    let configuration: AuthConfiguration

    var routes: [Route] {
        [
            Route(.get, Self.loginPath, .public, show),
            Route(.post, Self.loginPath, .public, submit),
            Route(.post, "/logout", .ownSession, logout),
        ]
    }

    @Sendable func show(_ request: Request, context: WangchaoRequestContext) async throws -> Response {
        if let active = try await authenticator.cookieSession(request) {
            return HTMLResponse.make(LoginPageHTML.signedIn(active.user, csrf: active.session.csrfToken ?? ""))
        }
        let existing = request.cookies[Self.loginCSRFCookie]?.value
        let csrf = existing.flatMap { $0.count == 43 ? $0 : nil } ?? SessionToken.generate()
        let next = PageAccess.safeNext(request.uri.queryParameters["next"].map(String.init))
        var response = HTMLResponse.make(LoginPageHTML.form(csrf: csrf, next: next))
        response.setCookie(loginCSRFCookie(csrf))
        return response
    }

    @Sendable func submit(_ request: Request, context: WangchaoRequestContext) async throws -> Response {
        var request = request
        guard FormFields.isForm(request) else {
            throw DomainError.unsupportedMediaType("登录表单须为 application/x-www-form-urlencoded")
        }
        let form = FormFields(String(buffer: try await request.collectBody(upTo: CSRFCheck.maxFormSize)))
        let username = form["username"] ?? ""
        let next = PageAccess.safeNext(form["next"])
        guard let cookie = request.cookies[Self.loginCSRFCookie]?.value, let presented = form[CSRFCheck.formField],
            ConstantTime.equal(cookie, presented)
        else {
            let csrf = SessionToken.generate()
            var response = HTMLResponse.make(
                LoginPageHTML.form(csrf: csrf, username: username, next: next, error: "页面已过期，请重新登录"), status: .forbidden)
            response.setCookie(loginCSRFCookie(csrf))
            return response
        }
        guard !username.isEmpty, let password = form["password"], !password.isEmpty else {
            return HTMLResponse.make(
                LoginPageHTML.form(csrf: cookie, username: username, next: next, error: "请填写用户名和密码"), status: .badRequest)
        }
        do {
            let issued = try await signIn.signIn(
                username: username, password: password, kind: .cookie, from: context.clientAddress,
                logger: context.logger)
            var response = Response(status: .seeOther, headers: [.location: next ?? Self.homePath])
            response.setCookie(
                Cookie(
                    name: Authenticator.sessionCookie, value: issued.token,
                    maxAge: Int(configuration.cookieLifetime), path: "/", secure: configuration.secureCookies,
                    httpOnly: true, sameSite: .lax))
            response.setCookie(expired(Self.loginCSRFCookie, path: Self.loginPath))
            return response
        } catch let error as APIError where error.domain.code == .rateLimited {
            var response = HTMLResponse.make(
                LoginPageHTML.form(csrf: cookie, username: username, next: next, error: error.domain.message),
                status: .tooManyRequests)
            response.headers[.retryAfter] = error.retryAfter.map(String.init)
            return response
        } catch let error as DomainError where error.code == .unauthenticated {
            return HTMLResponse.make(
                LoginPageHTML.form(csrf: cookie, username: username, next: next, error: error.message), status: .unauthorized)
        }
    }

    /// Ends the cookie session (its CSRF token was checked by the guard) and forgets the cookie.
    @Sendable func logout(_ request: Request, context: WangchaoRequestContext) async throws -> Response {
        if let session = context.session { try await store.deleteSession(tokenHash: session.tokenHash) }
        var response = Response(status: .seeOther, headers: [.location: Self.loginPath])
        response.setCookie(expired(Authenticator.sessionCookie, path: "/"))
        return response
    }

    private func loginCSRFCookie(_ value: String) -> Cookie {
        Cookie(
            name: Self.loginCSRFCookie, value: value, maxAge: 3600, path: Self.loginPath,
            secure: configuration.secureCookies, httpOnly: true, sameSite: .strict)
    }

    private func expired(_ name: String, path: String) -> Cookie {
        Cookie(
            name: name, value: "", maxAge: 0, path: path, secure: configuration.secureCookies, httpOnly: true,
            sameSite: .lax)
    }
}

/// HTML answers.
enum HTMLResponse {
    static func make(_ html: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: html)))
    }
}
