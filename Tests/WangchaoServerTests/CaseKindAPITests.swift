import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing
import WangchaoCore
import WangchaoStore
import WangchaoTesting

@testable import WangchaoServer

/// Case kinds over HTTP: every case carries `kind`; the case list, the CSV export, the 工作台
/// and its stream take `kind=` and refuse an unknown one (400, field `kind`);
/// `GET /api/v1/case-kinds` lists the kinds with their states and actions.
@Suite("Case kinds over HTTP")
struct CaseKindAPITests {
    /// A fixture with two cases of kind `case` and one of a kind the server does not know
    /// (as an import from another system might bring).
    static func seeded() async throws -> (ServerFixture, ordinary: [String], foreign: String) {
        let fixture = try await ServerFixture()
        let first = try await fixture.store.fileCase()
        let second = try await fixture.store.fileCase(Fixtures.intake(description: "路灯不亮"), at: Fixtures.now + 60)
        var foreign = Fixtures.intake(description: "外来类型的案件").makeCase(
            id: "foreign-kind-1", number: "XS-20261124-000500", trackingCode: "FOREIGNK", areaCode: Fixtures.grid,
            category: CategoryCatalog.bundled["SR03"]!, at: Fixtures.now - 60)
        foreign.kind = "laterKind"
        try await fixture.store.importCases([
            ImportedCase(case: foreign, history: [Intake.intakeTransition(for: foreign, actor: nil)])
        ])
        return (fixture, [second.id, first.id], foreign.id)
    }

    @Test("every case in the API carries kind; kind=case lists only cases of kind case")
    func listCarriesAndFiltersKind() async throws {
        let (fixture, ordinary, foreign) = try await Self.seeded()
        try await fixture.test { client in
            let all = try await client.send(.get, "/api/v1/cases", as: "dc")
            #expect(all.status == .ok)
            let items = try #require(try all.object()["items"] as? [[String: Any]])
            #expect(items.count == 3)
            #expect(items.allSatisfy { $0["kind"] is String }, "kind is always present")
            #expect(Set(items.compactMap { $0["kind"] as? String }) == ["case", "laterKind"])
            let filtered = try await client.send(.get, "/api/v1/cases?kind=case", as: "dc").decode(PageBody.self)
            #expect(filtered.items.map(\.id) == ordinary)
            #expect(filtered.items.allSatisfy { $0.kind == .case })
            let detail = try await client.send(.get, "/api/v1/cases/\(foreign)", as: "dc").object()
            #expect(detail["kind"] as? String == "laterKind")
        }
    }

    @Test("an unknown kind is refused with field kind on the list, the export, the 工作台 and its stream")
    func unknownKindRefused() async throws {
        let (fixture, _, _) = try await Self.seeded()
        try await fixture.test { client in
            for kind in ["laterKind", "dispute", "CASE", "%E6%A1%88%E4%BB%B6"] {
                try expectError(
                    try await client.send(.get, "/api/v1/cases?kind=\(kind)", as: "dc"), .badRequest, "invalid", field: "kind")
                try expectError(
                    try await client.send(.get, "/api/v1/exports/cases.csv?kind=\(kind)", as: "dc"), .badRequest, "invalid",
                    field: "kind")
            }
            let page = try await client.send(.get, "/workbench?kind=dispute", as: "dc")
            #expect(page.status == .badRequest)
            #expect(page.text.contains(#"role="alert""#) && page.text.contains("kind"))
            let stream = try await client.send(.get, "/workbench/stream?kind=dispute", as: "dc")
            #expect(stream.status == .badRequest)
        }
    }

    @Test("the 工作台 offers the kinds and filters by one, keeping it in its links")
    func workbenchFilter() async throws {
        let (fixture, ordinary, foreign) = try await Self.seeded()
        try await fixture.test { client in
            let plain = try await client.send(.get, "/workbench", as: "dc").text
            #expect(plain.contains(#"<select id="f-kind" name="kind">"#))
            #expect(plain.contains(#"<option value="case">事件</option>"#))
            #expect(plain.contains("/cases/\(foreign)"), "no kind filter: every kind")
            let page = try await client.send(.get, "/workbench?kind=case", as: "dc")
            #expect(page.status == .ok)
            #expect(page.text.contains(#"<option value="case" selected>事件</option>"#))
            #expect(!page.text.contains("/cases/\(foreign)"))
            for id in ordinary { #expect(page.text.contains("/cases/\(id)")) }
            #expect(page.text.contains("kind=case&amp;state=") || page.text.contains("kind=case&state="), "links keep the kind")
        }
    }

    /// The rows of a CSV export answer, its BOM dropped.
    static func csvRows(_ response: TestResponse) -> [[String]] {
        CaseExportAPITests.parse(String(decoding: response.body.readableBytesView.dropFirst(3), as: UTF8.self))
    }

    @Test("the export filters by kind and names each case's kind in its last column")
    func exportByKind() async throws {
        let (fixture, ordinary, _) = try await Self.seeded()
        try await fixture.test { client in
            let response = try await client.send(.get, "/api/v1/exports/cases.csv?kind=case", as: "dc")
            #expect(response.status == .ok)
            let rows = Self.csvRows(response)
            #expect(rows.first?.last == "案件类型")
            #expect(rows.count == 1 + ordinary.count)
            #expect(rows.dropFirst().allSatisfy { $0.last == "事件" })
            let all = try await client.send(.get, "/api/v1/exports/cases.csv", as: "dc")
            let allRows = Self.csvRows(all)
            #expect(allRows.dropFirst().compactMap(\.last).sorted() == ["laterKind", "事件", "事件"], "an unknown kind shows its id")
        }
    }

    @Test("GET /api/v1/case-kinds lists each kind with its states, actions (from, to, roles) and limits; signed in only")
    func listKinds() async throws {
        let fixture = try await ServerFixture()
        try await fixture.test { client in
            let response = try await client.send(.get, "/api/v1/case-kinds", as: "ob")
            #expect(response.status == .ok)
            let items = try #require(try response.object()["items"] as? [[String: Any]])
            let kind = try #require(items.first)
            #expect(items.count == 1 && kind["kind"] as? String == "case" && kind["name"] as? String == "事件")
            let states = try #require(kind["states"] as? [[String: Any]])
            #expect(states.compactMap { $0["id"] as? String } == CaseState.lifecycle.map(\.rawValue))
            #expect(states.first?["name"] as? String == "已上报")
            let actions = try #require(kind["actions"] as? [[String: Any]])
            #expect(actions.compactMap { $0["id"] as? String } == CaseAction.lifecycle.map(\.rawValue))
            let sign = try #require(actions.first { $0["id"] as? String == "sign" })
            #expect(sign["from"] as? [String] == ["dispatched"] && sign["to"] as? String == "signed")
            #expect(Set(sign["roles"] as? [String] ?? []) == Set(Lifecycle.allowedRoles(for: .sign).map(\.rawValue)))
            let supervise = try #require(actions.first { $0["id"] as? String == "supervise" })
            #expect(supervise["to"] == nil, "an action that keeps the state has no to")
            let deadlines = try #require(kind["deadlines"] as? [[String: Any]])
            #expect(deadlines.compactMap { $0["id"] as? String } == DeadlineKind.lifecycle.map(\.rawValue))
            let anonymous = try await client.send(.get, "/api/v1/case-kinds", as: nil)
            #expect(anonymous.status == .unauthorized)
        }
    }
}

/// A kind defined only in a test resource (`errand`, run by the table engine) over HTTP and
/// on the web: filed with `kind`, listed by `GET /api/v1/case-kinds`, its actions offered as
/// `allowedActions` and as forms, taken through the API and through a form.
@Suite("A kind defined as data over HTTP and on the web")
struct TableKindAPITests {
    static func fixture() async throws -> ServerFixture {
        var fixture = try await ServerFixture()
        fixture.settings = Fixtures.settingsWithErrand
        return fixture
    }

    static let intake = """
        {"kind": "errand", "category": "SR03", "description": "帮独居老人代缴水费", "source": "gridPatrol",
         "location": {"lat": 30.16, "lng": 120.26, "address": "湘湖路100号"}, "areaCode": "\(Fixtures.grid)"}
        """

    @Test("filed with kind errand: its initial state, its limit, the actions each role may take")
    func fileAndShow() async throws {
        let fixture = try await Self.fixture()
        try await fixture.test { client in
            let created = try await client.send(.post, "/api/v1/cases", as: "gw", body: Self.intake)
            #expect(created.status == .created)
            let body = try created.object()
            #expect(body["kind"] as? String == "errand")
            #expect(body["state"] as? String == "waiting")
            let deadlines = try #require(body["deadlines"] as? [[String: Any]])
            #expect(deadlines.map { $0["kind"] as? String } == ["takeUp"])
            let id = try #require(body["id"] as? String)
            for (user, actions) in [("gw", ["take"]), ("td", ["take", "remark"]), ("cs", ["remark"]), ("ob", [])] {
                let view = try await client.send(.get, "/api/v1/cases/\(id)", as: user).object()
                #expect(view["allowedActions"] as? [String] == actions, "\(user)")
            }
            let kinds = try await client.send(.get, "/api/v1/case-kinds", as: "ob").object()
            let listed = try #require(kinds["items"] as? [[String: Any]])
            let errand = try #require(listed.first { $0["kind"] as? String == "errand" })
            #expect(errand["engine"] as? String == "table")
            #expect((errand["states"] as? [[String: Any]])?.map { $0["id"] as? String } == ["waiting", "running", "completed"])
            let filtered = try await client.send(.get, "/api/v1/cases?kind=errand&state=waiting", as: "dc").object()
            #expect((filtered["items"] as? [[String: Any]])?.map { $0["id"] as? String } == [id])
            try expectError(
                try await client.send(.get, "/api/v1/cases?state=nowhere", as: "dc"), .badRequest, "invalid", field: "state")
        }
    }

    @Test("transitions through the API: role first (403), an unknown action (400), state (409), then the step")
    func transitions() async throws {
        let fixture = try await Self.fixture()
        try await fixture.test { client in
            let id = try #require(try await client.send(.post, "/api/v1/cases", as: "gw", body: Self.intake).object()["id"] as? String)
            try expectError(
                try await client.transition(id, as: "cs", #"{"action": "take", "version": 1}"#), .forbidden, "forbidden", field: nil)
            try expectError(
                try await client.transition(id, as: "td", #"{"action": "accept", "version": 1}"#), .badRequest, "invalid",
                field: "action")
            try expectError(
                try await client.transition(id, as: "gw", #"{"action": "complete", "version": 1}"#), .conflict,
                "transitionNotAllowed", field: nil)
            try expectError(
                try await client.transition(id, as: "gw", #"{"action": "take", "version": 1, "result": "x"}"#), .badRequest,
                "invalid", field: "result")
            let taken = try await client.transition(id, as: "gw", #"{"action": "take", "version": 1, "note": "我来办"}"#)
            #expect(taken.status == .ok)
            let view = try taken.object()
            #expect(view["state"] as? String == "running")
            #expect(view["allowedActions"] as? [String] == ["complete"])
            #expect((view["deadlines"] as? [Any])?.isEmpty == true)
        }
    }

    @Test("the case page names the kind's states and actions and offers its forms; a form takes the step")
    func casePage() async throws {
        let fixture = try await Self.fixture()
        try await fixture.test { client in
            let id = try #require(try await client.send(.post, "/api/v1/cases", as: "gw", body: Self.intake).object()["id"] as? String)
            let page = try await client.send(.get, "/cases/\(id)", as: "td")
            #expect(page.status == .ok)
            #expect(WebPagesTests.formActions(page.text) == ["take", "remark"])
            #expect(page.text.contains("代办事项") && page.text.contains("待领办"), "the kind and the state by their names")
            #expect(page.text.contains("领办"))
            let posted = try await client.send(
                .post, "/cases/\(id)/transitions", as: "td",
                body: CookieSessionTests.form(["action": "take", "version": "1", "note": "调度员领办"]),
                contentType: "application/x-www-form-urlencoded")
            #expect(posted.status == .seeOther)
            #expect(posted.headers[.location] == "/cases/\(id)?done=take")
            let after = try await client.send(.get, "/cases/\(id)?done=take", as: "td")
            #expect(after.text.contains("已完成「领办」") && after.text.contains("办理中"))
            let workbench = try await client.send(.get, "/workbench?kind=errand", as: "td")
            #expect(workbench.text.contains("/cases/\(id)"), "an open errand is on the 工作台")
        }
    }
}
