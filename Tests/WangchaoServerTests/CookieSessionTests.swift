import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import WangchaoCore
import WangchaoServer
import WangchaoStore
import WangchaoTesting

/// The web sign-in: the form, its CSRF cookie, the session cookie and the CSRF token every
/// cookie-carried write must show.
@Suite("Cookie sessions")
struct CookieSessionTests {
    static let password = "correct-horse-battery"

    /// `name=value` of the Set-Cookie named `name`, and its full header.
    static func cookie(_ response: TestResponse, _ name: String) -> (value: String, header: String)? {
        for header in response.headers[values: .setCookie] where header.hasPrefix(name + "=") {
            let value = header.dropFirst(name.count + 1).prefix { $0 != ";" }
            return (String(value), header)
        }
        return nil
    }

    /// The value of the hidden `csrf` field in a page.
    static func csrfField(_ html: String) -> String? {
        guard let range = html.range(of: #"name="csrf" value=""#) else { return nil }
        return String(html[range.upperBound...].prefix { $0 != "\"" })
    }

    static func form(_ fields: [String: String]) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return fields.sorted { $0.key < $1.key }.map {
            "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: allowed)!)"
        }.joined(separator: "&")
    }

    /// Signs `username` in through the form; returns the session cookie and the session's CSRF token.
    static func signIn(_ client: some TestClientProtocol, _ username: String, _ password: String) async throws
        -> (cookie: String, csrf: String)
    {
        let page = try await client.execute(uri: "/login", method: .get)
        let loginCSRF = try #require(cookie(page, "wangchao_login_csrf")?.value)
        let response = try await client.execute(
            uri: "/login", method: .post,
            headers: [.contentType: "application/x-www-form-urlencoded", .cookie: "wangchao_login_csrf=\(loginCSRF)"],
            body: ByteBuffer(string: form(["username": username, "password": password, "csrf": loginCSRF])))
        #expect(response.status == .seeOther, "\(response.text)")
        let session = try #require(cookie(response, "wangchao_session")?.value)
        let home = try await client.execute(uri: "/login", method: .get, headers: [.cookie: "wangchao_session=\(session)"])
        let csrf = try #require(csrfField(home.text))
        return (session, csrf)
    }

    @Test("the sign-in page is a Chinese form with a CSRF field matching its HttpOnly, SameSite cookie")
    func page() async throws {
        let fixture = try await ServerFixture()
        try await fixture.test { client in
            let response = try await client.execute(uri: "/login", method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "text/html; charset=utf-8")
            #expect(response.text.contains("用户名") && response.text.contains("密码") && response.text.contains("登录"))
            #expect(!response.text.contains("<script") && !response.text.contains("style="), "nothing the CSP forbids")
            let cookie = try #require(Self.cookie(response, "wangchao_login_csrf"))
            #expect(Self.csrfField(response.text) == cookie.value)
            #expect(cookie.header.contains("HttpOnly") && cookie.header.contains("SameSite=Strict"))
            let css = try await client.execute(uri: "/assets/login.css", method: .get)
            #expect(css.status == .ok && css.headers[.contentType] == "text/css; charset=utf-8")
        }
    }

    @Test("signing in sets an HttpOnly, SameSite=Lax session cookie that opens the API for reads")
    func signIn() async throws {
        let fixture = try await ServerFixture()
        try await fixture.setPassword(Self.password, for: "td")
        try await fixture.test { client in
            let page = try await client.execute(uri: "/login", method: .get)
            let loginCSRF = try #require(Self.cookie(page, "wangchao_login_csrf")?.value)
            let response = try await client.execute(
                uri: "/login", method: .post,
                headers: [.contentType: "application/x-www-form-urlencoded", .cookie: "wangchao_login_csrf=\(loginCSRF)"],
                body: ByteBuffer(string: Self.form(["username": "td", "password": Self.password, "csrf": loginCSRF])))
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/workbench", "no next: the 工作台")
            let session = try #require(Self.cookie(response, "wangchao_session"))
            #expect(session.header.contains("HttpOnly"))
            #expect(session.header.contains("SameSite=Lax"))
            #expect(session.header.contains("Path=/"))
            #expect(!session.header.contains("Secure"), "Secure only when configured")
            let list = try await client.execute(
                uri: "/api/v1/cases", method: .get, headers: [.cookie: "wangchao_session=\(session.value)"])
            #expect(list.status == .ok)
            let home = try await client.execute(
                uri: "/login", method: .get, headers: [.cookie: "wangchao_session=\(session.value)"])
            #expect(home.text.contains("已登录") && home.text.contains("退出登录"))
        }
    }

    @Test("the sign-in form refuses a missing or wrong CSRF token (403), a wrong password (401) and throttles (429)")
    func formRefusals() async throws {
        let fixture = try await ServerFixture()
        try await fixture.setPassword(Self.password, for: "td")
        try await fixture.test { client in
            let fields = ["username": "td", "password": Self.password]
            let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
            let noCookie = try await client.execute(
                uri: "/login", method: .post, headers: form, body: ByteBuffer(string: Self.form(fields.merging(["csrf": "x"]) { $1 })))
            #expect(noCookie.status == .forbidden)
            #expect(Self.cookie(noCookie, "wangchao_session") == nil)
            var withCookie = form
            withCookie[.cookie] = "wangchao_login_csrf=abc"
            let wrong = try await client.execute(
                uri: "/login", method: .post, headers: withCookie,
                body: ByteBuffer(string: Self.form(fields.merging(["csrf": "abd"]) { $1 })))
            #expect(wrong.status == .forbidden)
            for attempt in 1...5 {
                let refused = try await client.execute(
                    uri: "/login", method: .post, headers: withCookie,
                    body: ByteBuffer(string: Self.form(["username": "td", "password": "guess-\(attempt)", "csrf": "abc"])))
                #expect(refused.status == .unauthorized)
                #expect(refused.text.contains("用户名或密码错误"))
            }
            let throttled = try await client.execute(
                uri: "/login", method: .post, headers: withCookie,
                body: ByteBuffer(string: Self.form(fields.merging(["csrf": "abc"]) { $1 })))
            #expect(throttled.status == .tooManyRequests)
            #expect(throttled.headers[.retryAfter] == "900")
        }
    }

    @Test("a cookie-session write without the CSRF token, or with a wrong one, is 403; with it, it goes through")
    func csrfOnWrites() async throws {
        let fixture = try await ServerFixture()
        try await fixture.setPassword(Self.password, for: "gw")
        try await fixture.test { client in
            let (session, csrf) = try await Self.signIn(client, "gw", Self.password)
            let cookie = "wangchao_session=\(session)"
            for token in [nil, "wrong", ""] as [String?] {
                var headers: HTTPFields = [.contentType: "application/json", .cookie: cookie]
                if let token { headers[csrfHeader] = token }
                let response = try await client.execute(
                    uri: "/api/v1/cases", method: .post, headers: headers, body: ByteBuffer(string: IntakeJSON.body()))
                try expectError(response, .forbidden, "forbidden", field: nil)
            }
            #expect(try await fixture.store.allCaseIds().isEmpty, "nothing filed without the token")
            let filed = try await client.execute(
                uri: "/api/v1/cases", method: .post,
                headers: [.contentType: "application/json", .cookie: cookie, csrfHeader: csrf],
                body: ByteBuffer(string: IntakeJSON.body()))
            #expect(filed.status == .created, "\(filed.text)")
            // A bearer token needs no CSRF token: browsers do not send it by themselves.
            #expect(try await client.send(.post, "/api/v1/cases", as: "gw", body: IntakeJSON.body()).status == .created)
        }
    }

    @Test("signing out needs the CSRF token, ends the session and clears the cookie")
    func logout() async throws {
        let fixture = try await ServerFixture()
        try await fixture.setPassword(Self.password, for: "ob")
        try await fixture.test { client in
            let (session, csrf) = try await Self.signIn(client, "ob", Self.password)
            let headers: HTTPFields = [
                .contentType: "application/x-www-form-urlencoded", .cookie: "wangchao_session=\(session)",
            ]
            let forged = try await client.execute(
                uri: "/logout", method: .post, headers: headers, body: ByteBuffer(string: "csrf=forged"))
            #expect(forged.status == .forbidden)
            let out = try await client.execute(
                uri: "/logout", method: .post, headers: headers, body: ByteBuffer(string: Self.form(["csrf": csrf])))
            #expect(out.status == .seeOther)
            let cleared = try #require(Self.cookie(out, "wangchao_session"))
            #expect(cleared.value.isEmpty && cleared.header.contains("Max-Age=0"))
            let after = try await client.execute(
                uri: "/api/v1/cases", method: .get, headers: [.cookie: "wangchao_session=\(session)"])
            #expect(after.status == .unauthorized)
        }
    }

    @Test("cookies are Secure when configured")
    func secureCookies() async throws {
        var auth = AuthConfiguration.forTests
        auth.secureCookies = true
        let fixture = try await ServerFixture(auth: auth)
        try await fixture.setPassword(Self.password, for: "td")
        try await fixture.test { client in
            let page = try await client.execute(uri: "/login", method: .get)
            let loginCSRF = try #require(Self.cookie(page, "wangchao_login_csrf"))
            #expect(loginCSRF.header.contains("Secure"))
            let response = try await client.execute(
                uri: "/login", method: .post,
                headers: [
                    .contentType: "application/x-www-form-urlencoded", .cookie: "wangchao_login_csrf=\(loginCSRF.value)",
                ],
                body: ByteBuffer(string: Self.form(["username": "td", "password": Self.password, "csrf": loginCSRF.value])))
            #expect(try #require(Self.cookie(response, "wangchao_session")).header.contains("Secure"))
        }
    }
}

extension SQLiteStore {
    /// Every case id, as the commander sees them.
    func allCaseIds() async throws -> [String] {
        var query = CaseQuery()
        query.limit = CaseQuery.maxLimit
        return try await listCases(query, viewer: Fixtures.commander.viewer).items.map(\.id)
    }
}
