import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing
import WangchaoCore
import WangchaoStore
import WangchaoTesting

@testable import WangchaoServer

@Suite("Indicators API")
struct IndicatorAPITests {
    @Test func definitionsListTheCatalog() async throws {
        let fixture = try await ServerFixture()
        try await fixture.test { client in
            let answer = try await client.send(.get, "/api/v1/indicators", as: "gw")
            #expect(answer.status == .ok)
            let object = try answer.object()
            let indicators = try #require(object["indicators"] as? [[String: Any]])
            #expect(indicators.count == IndicatorCatalog.bundled.indicators.count)
            #expect(indicators.contains { $0["name"] as? String == "按期结案率" && ($0["formula"] as? String)?.contains("lateHandle") == true })
            #expect((object["domains"] as? [Any])?.count == 6)
            #expect(try await client.send(.get, "/api/v1/indicators", as: nil).status == .unauthorized)
        }
    }

    @Test func valuesByAreaRespectScopeAndPeriod() async throws {
        let fixture = try await ServerFixture()
        try await fixture.test { client in
            _ = try await client.send(.post, "/api/v1/cases", as: "gw", body: IntakeJSON.body())
            _ = try await client.send(.post, "/api/v1/cases", as: "gw", body: IntakeJSON.body())
            _ = try await client.send(
                .post, "/api/v1/cases", as: "gw2",
                body: IntakeJSON.body { json in
                    json["areaCode"] = Fixtures.otherGrid
                    json["location"] = ["lat": 30.30, "lng": 120.40, "address": "北干街道金城路8号"]
                })
            let district = try await client.send(.get, "/api/v1/indicators/values?by=area", as: "dc")
            #expect(district.status == .ok)
            let report = try district.object()
            let total = try #require(report["total"] as? [[String: Any]])
            #expect(total.first { $0["code"] as? String == "reportCount" }?["value"] as? Double == 3)
            #expect(total.first { $0["code"] as? String == "casesToday" }?["display"] as? String == "3 件")
            let groups = try #require(report["groups"] as? [[String: Any]])
            #expect(groups.map { $0["key"] as? String } == [Fixtures.town, Fixtures.otherTown])
            #expect(groups.first?["name"] as? String != nil)

            let own = try await client.send(.get, "/api/v1/indicators/values", as: "td").object()
            #expect((own["area"] as? [String: Any])?["code"] as? String == Fixtures.town, "a dispatcher's default is the own area")
            let ownTotal = try #require(own["total"] as? [[String: Any]])
            #expect(ownTotal.first { $0["code"] as? String == "reportCount" }?["value"] as? Double == 2)
            #expect(
                try await client.send(.get, "/api/v1/indicators/values?area=\(Fixtures.otherTown)", as: "td").status == .forbidden)
            #expect(try await client.send(.get, "/api/v1/indicators/values?by=unit", as: "ob").status == .ok)
            #expect(try await client.send(.get, "/api/v1/indicators/values?by=person", as: "dc").status == .ok)

            let before = try await client.send(.get, "/api/v1/indicators/values?from=2026-10-01&to=2026-10-31", as: "dc").object()
            let beforeTotal = try #require(before["total"] as? [[String: Any]])
            #expect(beforeTotal.first { $0["code"] as? String == "reportCount" }?["value"] as? Double == 0)
            #expect(beforeTotal.first { $0["code"] as? String == "closureRate" }?["display"] as? String == "—")

            let badBy = try await client.send(.get, "/api/v1/indicators/values?by=week", as: "dc")
            #expect(badBy.status == .badRequest && badBy.text.contains("\"by\""))
            let badDate = try await client.send(.get, "/api/v1/indicators/values?from=2026-13-01", as: "dc")
            #expect(badDate.status == .badRequest && badDate.text.contains("from"))
            let reversed = try await client.send(.get, "/api/v1/indicators/values?from=2026-11-20&to=2026-11-01", as: "dc")
            #expect(reversed.status == .badRequest)
            #expect(try await client.send(.get, "/api/v1/indicators/values?area=999999", as: "dc").status == .notFound)
            #expect(try await client.send(.get, "/api/v1/indicators/values?area=abc", as: "dc").status == .badRequest)
        }
    }
}

@Suite("SVG drawing")
struct SVGDrawingTests {
    static let square = Boundary.polygon([[
        .init(lng: 120.0, lat: 30.0), .init(lng: 120.1, lat: 30.0), .init(lng: 120.1, lat: 30.1), .init(lng: 120.0, lat: 30.1),
        .init(lng: 120.0, lat: 30.0),
    ]])
    static let east = Boundary.polygon([[
        .init(lng: 120.1, lat: 30.0), .init(lng: 120.2, lat: 30.0), .init(lng: 120.2, lat: 30.1), .init(lng: 120.1, lat: 30.1),
        .init(lng: 120.1, lat: 30.0),
    ]])

    func count(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

    @Test func mapHasOnePathAndLinkPerChildAndEscapes() {
        let map = AreaMap(
            title: "城厢街道 <地图>",
            regions: [
                .init(code: "1", name: "湘湖社区", boundary: Self.square, open: 3, overdue: 1, href: "/map?area=1"),
                .init(code: "2", name: "A&B \"社区\"", boundary: Self.east, open: 0, overdue: 0, href: "/map?area=2&x=1"),
                .init(code: "3", name: "无边界", boundary: nil, open: 1, overdue: 0, href: "/map?area=3"),
            ],
            markers: (0..<600).map { .init(lat: 30.05, lng: 120.05, title: "XS-\($0) <b>", href: "/cases/\($0)", overdue: $0 == 0) },
            openTotal: 800)
        let svg = map.svg()
        #expect(svg.hasPrefix("<svg"))
        #expect(svg.contains(#"role="img""#))
        #expect(svg.contains("<title id=\"map-title\">城厢街道 &lt;地图&gt;</title>"))
        #expect(count("<path class=\"region\"", in: svg) == 2, "one path per child with a boundary")
        #expect(count("<a href=\"/map?area=", in: svg) == 2)
        #expect(svg.contains("/map?area=2&amp;x=1"), "hrefs are escaped")
        #expect(svg.contains("A&amp;B &quot;社区&quot;"))
        #expect(!svg.contains("<b>"), "marker titles are escaped")
        #expect(count("<circle class=\"marker", in: svg) == AreaMap.markerCap, "markers are capped")
        #expect(count("class=\"marker overdue\"", in: svg) == 1)
        #expect(svg.contains("最新 500 件在办事件（共 800 件）"))
        #expect(svg.contains("湘湖社区：在办 3 件，超期 1 件"), "Chinese tooltip")
        #expect(svg.contains(#"viewBox="0 0 1000 "#))
    }

    @Test func mapWithoutBoundariesSaysSo() {
        let svg = AreaMap(title: "空", regions: [], markers: [], openTotal: 0).svg()
        #expect(svg.contains("没有边界数据"))
    }

    @Test func barAndLineCharts() {
        let bars = BarChart(
            title: "按镇街", bars: [.init(label: "城厢<街道>", value: 1200, href: "/cockpit?area=1"), .init(label: "北干", value: 0)]
        ).svg()
        #expect(count("<rect", in: bars) == 2)
        #expect(count("<a href=", in: bars) == 1)
        #expect(bars.contains("城厢&lt;街道&gt;：1,200 件"))
        #expect(bars.contains(#"role="img""#))
        let line = LineChart(
            title: "近30天", labels: ["11-01", "11-02", "11-03"],
            series: [.init(name: "新增", colour: "#000", values: [1, 5, 3]), .init(name: "结案", colour: "#111", values: [0, 2, 4])]
        ).svg()
        #expect(count("<polyline", in: line) == 2)
        #expect(count("<circle", in: line) == 6)
        #expect(line.contains("11-02 新增：5 件"))
        #expect(line.contains(#"viewBox="0 0 640 240""#))
        let tile = NumberTile(name: "结案率", display: "92.5%", fraction: 0.925, light: "green", lightName: "绿灯").svg()
        #expect(tile.contains(#"aria-label="结案率：92.5%（绿灯）""#))
        #expect(tile.contains("class=\"gauge\""))
    }
}
