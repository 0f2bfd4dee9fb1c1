import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import WangchaoCore
import WangchaoStore
import WangchaoTesting

@testable import WangchaoServer

/// 驾驶舱 and 地图: server-rendered pages with SVG, drill-down links and the viewer's scope.
@Suite("Cockpit and map pages")
struct CockpitPagesTests {
    func count(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

    /// Two towns with boundaries, three cases (two in 城厢, one in 北干).
    static func seeded() async throws -> ServerFixture {
        let fixture = try await ServerFixture()
        func square(_ lng: Double, _ lat: Double) -> Boundary {
            .polygon([[
                .init(lng: lng, lat: lat), .init(lng: lng + 0.1, lat: lat), .init(lng: lng + 0.1, lat: lat + 0.1),
                .init(lng: lng, lat: lat + 0.1), .init(lng: lng, lat: lat),
            ]])
        }
        try await fixture.store.saveAreas([
            Area(code: Fixtures.town, name: "城厢街道", level: .town, parentCode: Fixtures.district, boundary: square(120.2, 30.1)),
            Area(code: Fixtures.otherTown, name: "北干街道", level: .town, parentCode: Fixtures.district, boundary: square(120.3, 30.1)),
            Area(code: Fixtures.grid, name: "湘湖社区第一网格", level: .grid, parentCode: Fixtures.community, boundary: square(120.2, 30.15)),
        ])
        _ = try await fixture.store.fileCase(Fixtures.intake())
        _ = try await fixture.store.fileCase(Fixtures.intake(category: "AQ01"))
        _ = try await fixture.store.fileCase(Fixtures.intake(areaCode: Fixtures.otherGrid), by: Fixtures.otherGridWorker)
        return fixture
    }

    @Test func cockpitShowsTilesChartsAndDrillDown() async throws {
        let fixture = try await Self.seeded()
        try await fixture.test { client in
            let page = try await client.send(.get, "/cockpit", as: "dc")
            #expect(page.status == .ok)
            let html = page.text
            #expect(html.contains(#"<main id="cockpit""#))
            #expect(count("<li class=\"tile", in: html) == CockpitPages.tileCodes.count)
            #expect(html.contains(#"data-code="casesToday""#) && html.contains("今日新增"))
            #expect(count(#"<svg class="chart"#, in: html) == 5, "trend, by area, source, group, tier")
            #expect(html.contains(#"href="/cockpit?area=\#(Fixtures.town)&amp;period=30d""#), "drill down to a town")
            #expect(html.contains("城厢街道") && html.contains("北干街道"))
            #expect(html.contains("/assets/cockpit.js"))
            #expect(html.contains(#"data-stream="/cockpit/stream?area=\#(Fixtures.district)&amp;period=30d""#))
            #expect(html.contains("结案率") && html.contains("按时核查率"), "every indicator by domain")
            #expect(html.contains(#"href="/map""#), "the layout's navigation")

            #expect(try await client.send(.get, "/cockpit?period=year", as: "dc").status == .ok)
            #expect(try await client.send(.get, "/cockpit?period=decade", as: "dc").status == .badRequest)
            let town = try await client.send(.get, "/cockpit", as: "td")
            #expect(town.status == .ok && town.text.contains("驾驶舱 · 城厢街道"), "a dispatcher's default is the own town")
            #expect(!town.text.contains(#"href="/cockpit?area=\#(Fixtures.district)&amp;"#), "no link above the own scope")
            #expect(try await client.send(.get, "/cockpit?area=\(Fixtures.otherTown)", as: "td").status == .forbidden)
            #expect(try await client.send(.get, "/cockpit", as: "dh").status == .ok, "a platform sees its unit's area")
            let script = try await client.execute(uri: "/assets/cockpit.js", method: .get)
            #expect(script.status == .ok && script.text.contains("EventSource"))
        }
    }

    @Test func mapDrillsDownAndShowsAGrid() async throws {
        let fixture = try await Self.seeded()
        try await fixture.test { client in
            let page = try await client.send(.get, "/map", as: "dc")
            #expect(page.status == .ok)
            let html = page.text
            #expect(html.contains(#"<main id="map""#))
            #expect(html.contains(#"<svg class="area-map""#) && html.contains(#"role="img""#))
            #expect(count(#"<path class="region""#, in: html) == 2, "one polygon per town")
            #expect(html.contains(#"<a href="/map?area=\#(Fixtures.town)""#) && html.contains(#"<a href="/map?area=\#(Fixtures.otherTown)""#))
            #expect(html.contains("城厢街道：在办 2 件，超期 0 件"))
            #expect(html.contains("萧山区"), "breadcrumb")
            let overdue = try await client.send(.get, "/map?shade=overdue", as: "dc")
            #expect(overdue.text.contains("/map?area=\(Fixtures.town)&amp;shade=overdue"))

            let grid = try await client.send(.get, "/map?area=\(Fixtures.grid)", as: "dc")
            #expect(grid.status == .ok)
            #expect(grid.text.contains("网格详情") && grid.text.contains("王网格"), "the grid's worker")
            #expect(count(#"<li><a href="/cases/"#, in: grid.text) == 2, "the grid's open cases")
            #expect(count(#"<circle class="marker"#, in: grid.text) == 2, "markers of open cases")
            #expect(grid.text.contains(#"href="/map?area=\#(Fixtures.community)""#), "breadcrumb links up")

            #expect(try await client.send(.get, "/map?area=\(Fixtures.town)", as: "gw").status == .forbidden)
            #expect(try await client.send(.get, "/map", as: "gw").status == .ok)
        }
    }

    @Test func streamSendsFigures() async throws {
        let fixture = try await Self.seeded()
        try await fixture.test { client in
            let answer = try await client.send(.get, "/cockpit/stream", as: "dc")
            #expect(answer.status == .ok)
            #expect(answer.headers[.contentType]?.hasPrefix("text/event-stream") == true)
            #expect(answer.text.contains("event: figures"))
            #expect(answer.text.contains(#""code":"openCount""#) && answer.text.contains(#""display":"3 件""#))
        }
    }
}
