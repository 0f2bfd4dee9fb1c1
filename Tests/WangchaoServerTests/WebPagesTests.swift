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
            #expect(workbench.text.contains(#"id="live-banner""#), "the live banner app.js fills")
            for link in Self.navigation { #expect(workbench.text.contains(link), "\(link)") }
        }
    }

    /// The `data-action` values of the case page's forms, in order.
    static func formActions(_ html: String) -> [String] {
        html.components(separatedBy: #"class="action" data-action=""#).dropFirst().map { String($0.prefix { $0 != "\"" }) }
    }

    static let formHeaders: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]

    @Test("the 工作台 lists the user's cases most urgent first, with lights in words and time left in Chinese")
    func workbenchOrder() async throws {
        let fixture = try await ServerFixture()
        let old = try await fixture.store.fileCase(Fixtures.intake(description: "较早的案件：井盖缺失"))
        fixture.clock.advance(by: 10 * 24 * 3600)
        let fresh = try await fixture.store.fileCase(
            Fixtures.intake(description: "刚登记的案件：路灯不亮"), at: fixture.clock.now())
        let elsewhere = try await fixture.store.fileCase(
            Fixtures.intake(description: "别的网格的案件", areaCode: Fixtures.otherGrid), at: fixture.clock.now())
        try await fixture.test { client in
            let page = try await client.send(.get, "/workbench", as: "gw")
            #expect(page.status == .ok)
            let html = page.text
            let oldAt = try #require(html.range(of: "/cases/\(old.id)")).lowerBound
            let freshAt = try #require(html.range(of: "/cases/\(fresh.id)")).lowerBound
            #expect(oldAt < freshAt, "the overdue (red) case comes first though it is older")
            #expect(!html.contains(elsewhere.id), "another grid's case is not the grid worker's")
            #expect(html.contains("红灯") && html.contains("已超时"))
            #expect(html.contains("绿灯") && html.contains("剩 "))
            #expect(html.contains(#"<a href="/workbench?state=reported">已上报<b>2</b></a>"#), "count per state")

            let red = try await client.send(.get, "/workbench?light=red", as: "gw")
            #expect(red.text.contains(old.id) && !red.text.contains("/cases/\(fresh.id)"))
            let other = try await client.send(.get, "/workbench?category=AQ01", as: "gw")
            #expect(!other.text.contains("/cases/\(old.id)"), "category filter")
            let commander = try await client.send(.get, "/workbench", as: "dc")
            #expect(commander.text.contains(elsewhere.id))
            let bad = try await client.send(.get, "/workbench?light=purple", as: "gw")
            #expect(bad.status == .badRequest && bad.text.contains(#"role="alert""#) && bad.text.contains("light"))
        }
    }

    @Test("the case page shows its facts, history, map and exactly the actions each role may take")
    func casePageActions() async throws {
        let fixture = try await ServerFixture()
        try await fixture.store.saveAreas(Fixtures.areas)
        let subject = try await fixture.store.fileCase()
        try await fixture.test { client in
            var seen: [[String]] = []
            for user in [Fixtures.dispatcher, Fixtures.gridWorker, Fixtures.observer] {
                let page = try await client.send(.get, "/cases/\(subject.id)", as: user.username)
                #expect(page.status == .ok)
                let html = page.text
                #expect(html.contains(#"<main id="case""#) && html.contains("· 望潮</title>"))
                for link in Self.navigation { #expect(html.contains(link)) }
                #expect(html.contains(subject.number) && html.contains("人行道被流动摊贩占用"))
                #expect(html.contains("138****0000") && !html.contains("13800000000"), "the phone is masked")
                #expect(html.contains("<svg") && html.contains(#"class="marker""#))
                #expect(html.contains("登记"), "the timeline starts with the intake")
                let expected = Lifecycle.availableActions(on: subject, for: user).map(\.rawValue)
                #expect(Self.formActions(html) == expected, "\(user.username)")
                for action in expected {
                    #expect(html.contains(#"<input type="hidden" name="action" value="\#(action)">"#))
                }
                seen.append(Self.formActions(html))
            }
            #expect(!seen[0].isEmpty && seen[0] != seen[1], "the dispatcher and the grid worker differ")
            #expect(seen[2].isEmpty, "the observer acts on nothing")
            let hidden = try await client.send(.get, "/cases/\(subject.id)", as: "gw2")
            #expect(hidden.status == .notFound && hidden.text.contains(#"<main id="error""#))
            #expect(hidden.text.contains("李网格"), "the error page still shows who is signed in")
        }
    }

    @Test("a form transition is 303 back with a flash; a refused one re-renders with the error and what was typed")
    func formTransitions() async throws {
        let fixture = try await ServerFixture()
        let subject = try await fixture.store.fileCase()
        try await fixture.test { client in
            let uri = "/cases/\(subject.id)/transitions"
            let refused = try await client.send(
                .post, uri, as: "td",
                body: CookieSessionTests.form([
                    "action": "reject", "version": "\(subject.version)", "reason": " ", "note": "备注<b>保留</b>",
                ]), contentType: "application/x-www-form-urlencoded")
            #expect(refused.status == .badRequest)
            #expect(refused.text.contains(#"class="error" role="alert""#))
            #expect(refused.text.contains("reason"))
            #expect(refused.text.contains(##"href="#form-reject""##) && refused.text.contains(#"aria-invalid="true""#))
            #expect(refused.text.contains("备注&lt;b&gt;保留&lt;/b&gt;</textarea>"), "the typed note is kept, escaped")
            #expect(try await fixture.store.getCase(id: subject.id)?.state == .reported, "nothing changed")

            let accepted = try await client.send(
                .post, uri, as: "td",
                body: CookieSessionTests.form(["action": "accept", "version": "\(subject.version)", "note": "受理"]),
                contentType: "application/x-www-form-urlencoded")
            #expect(accepted.status == .seeOther)
            #expect(accepted.headers[.location] == "/cases/\(subject.id)?done=accept")
            #expect(try await fixture.store.getCase(id: subject.id)?.state == .accepted)
            let after = try await client.send(.get, "/cases/\(subject.id)?done=accept", as: "td")
            #expect(after.text.contains("已完成「受理」"))

            // The same version again: the case moved on, 409 with the reason.
            let stale = try await client.send(
                .post, uri, as: "td",
                body: CookieSessionTests.form(["action": "accept", "version": "\(subject.version)"]),
                contentType: "application/x-www-form-urlencoded")
            #expect(stale.status == .conflict && stale.text.contains(#"role="alert""#))

            // An action the role never takes is 403; an unknown one is 400.
            let forbidden = try await client.send(
                .post, uri, as: "gw", body: CookieSessionTests.form(["action": "dispatch", "version": "2", "unitId": "x"]),
                contentType: "application/x-www-form-urlencoded")
            #expect(forbidden.status == .forbidden)
        }
    }

    @Test("an arrival form carries photos as attachments of the transition; a non-image or a fourth photo is refused, nothing changes")
    func formPhotos() async throws {
        let fixture = try await ServerFixture()
        let filed = try await fixture.store.fileCase(Fixtures.intake(category: "AQ01"), at: Fixtures.now - 120)
        try await fixture.store.act(.accept, on: filed.id, by: Fixtures.dispatcher, at: Fixtures.now - 60)
        try await fixture.store.act(.dispatch(unitId: Fixtures.gridTeam), on: filed.id, by: Fixtures.dispatcher, at: Fixtures.now - 30)
        let signed = try await fixture.store.act(.sign, on: filed.id, by: Fixtures.gridWorker, at: Fixtures.now - 10)
        try await fixture.test { client in
            let page = try await client.send(.get, "/cases/\(signed.id)", as: "gw")
            #expect(page.text.contains(#"id="form-arrive" enctype="multipart/form-data""#))
            #expect(page.text.contains(#"name="photos" type="file" accept="image/jpeg,image/png" multiple"#))
            #expect(!page.text.contains(#"id="form-accept" enctype"#), "forms without photos stay urlencoded")

            func post(_ photos: [(filename: String, bytes: [UInt8])], action: String = "arrive") async throws -> TestResponse {
                let boundary = "----wangchao-test-7MA4YWxk"
                var body: [UInt8] = []
                for (name, value) in [("action", action), ("version", "\(signed.version)"), ("note", "已到场，拍照取证")] {
                    body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
                }
                for photo in photos {
                    body += Array(
                        "--\(boundary)\r\nContent-Disposition: form-data; name=\"photos\"; filename=\"\(photo.filename)\"\r\nContent-Type: image/jpeg\r\n\r\n"
                            .utf8) + photo.bytes + Array("\r\n".utf8)
                }
                body += Array("--\(boundary)--\r\n".utf8)
                return try await client.execute(
                    uri: "/cases/\(signed.id)/transitions", method: .post,
                    headers: [.authorization: "Bearer " + testToken("gw"), .contentType: "multipart/form-data; boundary=\(boundary)"],
                    body: ByteBuffer(bytes: body))
            }
            // A PDF named .jpg is not a photo: 415, the photo input marked, the note kept.
            let pdf = try await post([("scan.jpg", SampleFiles.pdf)])
            #expect(pdf.status == .unsupportedMediaType)
            #expect(pdf.text.contains(#"id="arrive-photos" name="photos" type="file""#) && pdf.text.contains(#"aria-invalid="true""#))
            #expect(pdf.text.contains("已到场，拍照取证</textarea>"), "the note is kept")
            #expect(pdf.text.contains("已选的照片需重新选择"), "the photos must be chosen again, and the page says so")
            let four = try await post(Array(repeating: ("p.jpg", SampleFiles.jpeg()), count: 4))
            #expect(four.status == .badRequest && four.text.contains("最多上传 3 张照片"))
            // Photos on a form without a photo input are refused too.
            let signAgain = try await post([("a.jpg", SampleFiles.jpeg())], action: "accept")
            #expect(signAgain.status == .forbidden || signAgain.status == .badRequest)
            #expect(try await fixture.store.getCase(id: signed.id)?.state == .signed, "nothing changed")

            // Nothing chosen in a file input still sends an empty part: it is no photo.
            let done = try await post([("", []), ("a.jpg", SampleFiles.jpeg(seed: 7)), ("b.png", SampleFiles.png)])
            #expect(done.status == .seeOther)
            let arrival = try #require(try await fixture.store.history(caseId: signed.id).last)
            #expect(arrival.action == "arrive" && arrival.note == "已到场，拍照取证")
            #expect(arrival.attachments.count == 2)
            let photo = try await client.send(.get, "/api/v1/attachments/\(arrival.attachments[1])", as: "gw")
            #expect(photo.status == .ok && photo.headers[.contentType] == "image/png")
            let shown = try await client.send(.get, "/cases/\(signed.id)", as: "gw")
            #expect(shown.text.contains("/api/v1/attachments/\(arrival.attachments[0])"), "the timeline shows the photos")
        }
    }

    @Test("a cookie-session form without the CSRF token is refused; with it, it goes through")
    func formCSRF() async throws {
        let fixture = try await ServerFixture()
        try await fixture.setPassword(Self.password, for: "td")
        let subject = try await fixture.store.fileCase()
        try await fixture.test { client in
            let (_, cookie) = try await Self.signIn(client, "td")
            let session = try #require(cookie)
            var headers = Self.formHeaders
            headers[.cookie] = "wangchao_session=\(session)"
            let page = try await client.execute(uri: "/cases/\(subject.id)", method: .get, headers: headers)
            let csrf = try #require(CookieSessionTests.csrfField(page.text))
            let fields = ["action": "accept", "version": "\(subject.version)"]
            let without = try await client.execute(
                uri: "/cases/\(subject.id)/transitions", method: .post, headers: headers,
                body: ByteBuffer(string: CookieSessionTests.form(fields)))
            #expect(without.status == .forbidden)
            #expect(try await fixture.store.getCase(id: subject.id)?.state == .reported)
            let with = try await client.execute(
                uri: "/cases/\(subject.id)/transitions", method: .post, headers: headers,
                body: ByteBuffer(string: CookieSessionTests.form(fields.merging(["csrf": csrf]) { $1 })))
            #expect(with.status == .seeOther)
            #expect(try await fixture.store.getCase(id: subject.id)?.state == .accepted)
        }
    }

    @Test("user text is escaped: a description with <script> shows as text")
    func escaping() async throws {
        let fixture = try await ServerFixture()
        let subject = try await fixture.store.fileCase(Fixtures.intake(description: "<script>alert(1)</script>路灯坏了"))
        try await fixture.test { client in
            for uri in ["/workbench", "/cases/\(subject.id)"] {
                let page = try await client.send(.get, uri, as: "td")
                #expect(page.status == .ok)
                #expect(!page.text.contains("<script>alert"), "\(uri)")
                #expect(page.text.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "\(uri)")
            }
        }
    }

    static func intakeForm(_ changes: [String: String] = [:]) -> String {
        var fields = [
            "category": "SR03", "description": "人行道被流动摊贩占用", "source": "hotline12345", "priority": "normal",
            "lat": "30.16", "lng": "120.26", "address": "萧山区城厢街道湘湖路100号", "reporterName": "市民乙",
            "reporterPhone": "13900000000",
        ]
        for (key, value) in changes { fields[key] = value }
        return CookieSessionTests.form(fields)
    }

    @Test("the intake form: a grouped category picker, a clickable map, labels on every input")
    func intakeForm() async throws {
        let fixture = try await IntakeLocationTests.locatedServer()
        try await fixture.test { client in
            let page = try await client.send(.get, "/intake", as: "gw")
            #expect(page.status == .ok)
            let html = page.text
            #expect(html.contains(#"<main id="intake""#) && html.contains("受理登记 · 望潮</title>"))
            for link in Self.navigation { #expect(html.contains(link)) }
            #expect(html.contains(#"<optgroup label="市容环境">"#) || html.contains("<optgroup label="))
            #expect(html.contains(#"<datalist id="category-list">"#))
            #expect(html.contains(#"data-pick="1" data-lat="lat" data-lng="lng""#))
            for id in ["categorySearch", "category", "description", "source", "priority", "lat", "lng", "address",
                "reporterName", "reporterPhone"]
            {
                #expect(html.contains(#"<label for="\#(id)">"#), "label for \(id)")
                #expect(html.contains(#"id="\#(id)""#), "input \(id)")
            }
            #expect(html.contains(#"value="gridPatrol" selected"#), "a grid worker reports from patrol")
            let observer = try await client.send(.get, "/intake", as: "ob")
            #expect(observer.status == .forbidden && observer.text.contains(#"role="alert""#))
        }
    }

    @Test("the intake form files a case (303 to it) and refuses bad input field by field, keeping the values")
    func intakeSubmit() async throws {
        let fixture = try await IntakeLocationTests.locatedServer()
        try await fixture.test { client in
            let form = "application/x-www-form-urlencoded"
            let filed = try await client.send(.post, "/intake", as: "gw", body: Self.intakeForm(), contentType: form)
            #expect(filed.status == .seeOther, "\(filed.text.prefix(400))")
            let location = try #require(filed.headers[.location])
            #expect(location.hasPrefix("/cases/") && location.hasSuffix("?filed=1"))
            let ids = try await fixture.store.allCaseIds()
            #expect(ids.count == 1)
            let created = try #require(try await fixture.store.getCase(id: ids[0]))
            #expect(created.description == "人行道被流动摊贩占用" && created.location.lat == 30.16)
            #expect(created.reporter.name == "市民乙")
            #expect(created.areaCode == Fixtures.grid + "002", "the point found its micro-grid")
            let shown = try await client.send(.get, location, as: "gw")
            #expect(shown.text.contains("已登记，案件编号 \(created.number)"))

            let refusals: [(changes: [String: String], field: String)] = [
                (["description": "  "], "description"),
                (["category": "ZZ99"], "category"),
                (["reporterPhone": "12ab"], "reporterPhone"),
                (["lat": "北纬三十度"], "lat"),
                (["lat": "", "lng": "", "address": ""], "address"),
            ]
            for refusal in refusals {
                let response = try await client.send(
                    .post, "/intake", as: "gw", body: Self.intakeForm(refusal.changes.merging(["reporterName": "张<三>"]) { $1 }),
                    contentType: form)
                #expect(response.status == .badRequest, "\(refusal.field)")
                let html = response.text
                #expect(html.contains(#"class="error" role="alert""#), "\(refusal.field)")
                #expect(html.contains(#"id="\#(refusal.field)-error""#) || html.contains(#"<p class="field-error">"#), "\(refusal.field)")
                #expect(html.contains(#"aria-invalid="true""#), "\(refusal.field)")
                #expect(html.contains(#"value="张&lt;三&gt;""#), "typed values are kept, escaped: \(refusal.field)")
            }
            #expect(try await fixture.store.allCaseIds().count == 1, "nothing filed by a refusal")
        }
    }

    @Test("a case filed outside the filer's own area goes there; the filer is told its number, not shown a 404")
    func intakeOutsideOwnArea() async throws {
        let fixture = try await IntakeLocationTests.locatedServer()
        try await fixture.test { client in
            // gw2 works in another grid; the point lies in Fixtures.grid.
            let filed = try await client.send(
                .post, "/intake", as: "gw2", body: Self.intakeForm(), contentType: "application/x-www-form-urlencoded")
            #expect(filed.status == .seeOther, "\(filed.text.prefix(400))")
            let id = try #require(try await fixture.store.allCaseIds().first)
            let created = try #require(try await fixture.store.getCase(id: id))
            #expect(created.areaCode.hasPrefix(Fixtures.grid))
            let location = try #require(filed.headers[.location])
            #expect(location == "/intake?filed=\(created.number)")
            let told = try await client.send(.get, location, as: "gw2")
            #expect(told.status == .ok)
            #expect(told.text.contains("已登记，案件编号 \(created.number)；事发地不在您的范围内"))
            let forged = try await client.send(.get, "/intake?filed=%3Cb%3E", as: "gw2")
            #expect(!forged.text.contains("已登记"), "only a case number's shape is echoed")
        }
    }

    @Test("a likely repeat is shown before filing; confirming files it anyway")
    func intakeRepeat() async throws {
        let fixture = try await IntakeLocationTests.locatedServer()
        let earlier = try await fixture.store.fileCase(at: fixture.clock.now())
        try await fixture.test { client in
            let form = "application/x-www-form-urlencoded"
            let body = Self.intakeForm(["reporterPhone": "13800000000"])
            let warned = try await client.send(.post, "/intake", as: "gw", body: body, contentType: form)
            #expect(warned.status == .ok)
            #expect(warned.text.contains("可能是重复报事") && warned.text.contains(earlier.number))
            #expect(warned.text.contains(#"name="confirmRepeat""#))
            #expect(try await fixture.store.allCaseIds().count == 1)
            let confirmed = try await client.send(
                .post, "/intake", as: "gw", body: body + "&confirmRepeat=1", contentType: form)
            #expect(confirmed.status == .seeOther)
            #expect(try await fixture.store.allCaseIds().count == 2)
        }
    }
}
