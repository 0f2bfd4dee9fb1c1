import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import WangchaoCore
import WangchaoServer
import WangchaoStore
import WangchaoTesting

/// The web workbench's pages: sign-in and its redirects, the layout every page shares.
@Suite("Web pages")
struct WebPagesTests {
    static let password = "correct-horse-battery"
    static let navigation = [
        #"href="/workbench""#, #"href="/intake""#, #"href="/map""#, #"href="/cockpit""#,
    ]

    /// Signs `username` in through the form, optionally with `next`; the answer and the session cookie.
    static func signIn(_ client: some TestClientProtocol, _ username: String, next: String? = nil) async throws
        -> (response: TestResponse, cookie: String?)
    {
        let page = try await client.execute(
            uri: "/login" + (next.map { "?next=" + query($0) } ?? ""), method: .get)
        let loginCSRF = try #require(CookieSessionTests.cookie(page, "wangchao_login_csrf")?.value)
        var fields = ["username": username, "password": password, "csrf": loginCSRF]
        if let next {
            #expect(page.text.contains(#"name="next" value=""#), "the form carries next")
            fields["next"] = next
        }
        let response = try await client.execute(
            uri: "/login", method: .post,
            headers: [.contentType: "application/x-www-form-urlencoded", .cookie: "wangchao_login_csrf=\(loginCSRF)"],
            body: ByteBuffer(string: CookieSessionTests.form(fields)))
        return (response, CookieSessionTests.cookie(response, "wangchao_session")?.value)
    }

    @Test("a page without a session is 303 to the sign-in form with next; signing in returns there")
    func signInRedirects() async throws {
        let fixture = try await ServerFixture()
        try await fixture.setPassword(Self.password, for: "td")
        try await fixture.test { client in
            let page = try await client.execute(uri: "/workbench?light=red", method: .get)
            #expect(page.status == .seeOther)
            #expect(page.headers[.location] == "/login?next=/workbench%3Flight%3Dred")
            let root = try await client.execute(uri: "/", method: .get)
            #expect(root.status == .seeOther && root.headers[.location] == "/login?next=/")

            let (back, cookie) = try await Self.signIn(client, "td", next: "/workbench?light=red")
            #expect(back.status == .seeOther)
            #expect(back.headers[.location] == "/workbench?light=red")
            let session = try #require(cookie)
            let home = try await client.execute(uri: "/", method: .get, headers: [.cookie: "wangchao_session=\(session)"])
            #expect(home.status == .seeOther && home.headers[.location] == "/workbench")
            let workbench = try await client.execute(
                uri: "/workbench", method: .get, headers: [.cookie: "wangchao_session=\(session)"])
            #expect(workbench.status == .ok)
            #expect(workbench.text.contains("陈调度") && workbench.text.contains(#"action="/logout""#))
        }
    }

    @Test("next must be a path on this site: other hosts and odd forms land on the 工作台")
    func nextIsSameSite() async throws {
        let fixture = try await ServerFixture()
        try await fixture.setPassword(Self.password, for: "td")
        try await fixture.test { client in
            for next in ["https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:alert(1)"] {
                let (response, _) = try await Self.signIn(client, "td", next: nil)
                #expect(response.headers[.location] == "/workbench")
                // Posted directly, a foreign next is ignored too.
                let page = try await client.execute(uri: "/login", method: .get)
                let csrf = try #require(CookieSessionTests.cookie(page, "wangchao_login_csrf")?.value)
                let posted = try await client.execute(
                    uri: "/login", method: .post,
                    headers: [.contentType: "application/x-www-form-urlencoded", .cookie: "wangchao_login_csrf=\(csrf)"],
                    body: ByteBuffer(
                        string: CookieSessionTests.form([
                            "username": "td", "password": Self.password, "csrf": csrf, "next": next,
                        ])))
                #expect(posted.headers[.location] == "/workbench", "\(next)")
            }
        }
    }

    @Test("every page shares the layout: title ending in · 望潮, the four navigation links, its main id")
    func layout() async throws {
        let fixture = try await ServerFixture()
        try await fixture.test { client in
            let login = try await client.execute(uri: "/login", method: .get)
            #expect(login.text.contains(#"<main id="login""#))
            #expect(login.text.contains("登录 · 望潮</title>"))
            for link in Self.navigation { #expect(login.text.contains(link), "\(link)") }
            let css = try await client.execute(uri: "/assets/app.css", method: .get)
            #expect(css.status == .ok && css.headers[.contentType] == "text/css; charset=utf-8")
            #expect(css.text.contains("#workbench") && css.text.contains(":focus-visible"))
            let js = try await client.execute(uri: "/assets/app.js", method: .get)
            #expect(js.status == .ok && js.headers[.contentType] == "text/javascript; charset=utf-8")
            #expect(js.text.contains("/api/v1/inbox/stream"))
            for asset in [css, js] {
                #expect(!asset.text.contains("http://") && !asset.text.contains("https://"), "no external URL")
            }
            let workbench = try await client.send(.get, "/workbench", as: "gw")
            #expect(workbench.status == .ok)
            #expect(workbench.text.contains(#"<main id="workbench""#))
            #expect(workbench.text.contains("工作台 · 望潮</title>"))
            #expect(workbench.text.contains(#"<script src="/assets/app.js" defer></script>"#))
            for link in Self.navigation { #expect(workbench.text.contains(link), "\(link)") }
        }
    }
}
