import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing
import WangchaoCore
import WangchaoServer
import WangchaoStore
import WangchaoTesting

@Suite("reference data, health and metrics")
struct ReferenceAPITests {
    @Test("GET /areas lists areas by code without boundaries; level and parent filter")
    func areas() async throws {
        let server = try await ServerFixture()
        try await server.test { client in
            let response = try await client.send(.get, "/api/v1/areas", as: "gw")
            #expect(response.status == .ok)
            let areas = try response.decode(ItemsBody<Area>.self).items
            #expect(areas.map(\.code) == Fixtures.areas.map(\.code).sorted())
            #expect(areas.allSatisfy { $0.boundary == nil })
            let expected = Fixtures.areas.map { area -> Area in
                var bare = area
                bare.boundary = nil
                return bare
            }.sorted { $0.code < $1.code }
            #expect(areas == expected)

            let towns = try await client.send(.get, "/api/v1/areas?level=town", as: "gw").decode(ItemsBody<Area>.self)
                .items
            #expect(towns.map(\.code) == [Fixtures.town, Fixtures.otherTown])
            let children = try await client.send(.get, "/api/v1/areas?parent=\(Fixtures.town)", as: "gw").decode(
                ItemsBody<Area>.self
            ).items
            #expect(children.map(\.code) == [Fixtures.community])
            try expectError(
                try await client.send(.get, "/api/v1/areas?level=province", as: "gw"), .badRequest, "invalid",
                field: "level")
            try expectError(
                try await client.send(.get, "/api/v1/areas", as: nil), .unauthorized, "unauthenticated", field: nil)
        }
    }

    @Test("GET /areas/{code} answers the area with its boundary and its children")
    func areaDetail() async throws {
        let server = try await ServerFixture()
        try await server.test { client in
            let response = try await client.send(.get, "/api/v1/areas/\(Fixtures.district)", as: "ob")
            #expect(response.status == .ok, "\(response.text)")
            let detail = try response.decode(AreaDetail.self)
            #expect(detail.code == Fixtures.district)
            #expect(detail.name == "萧山区")
            #expect(detail.level == .district)
            #expect(detail.parentCode == nil)
            #expect(detail.boundary == Fixtures.areas[0].boundary)
            #expect(detail.children.map(\.code) == [Fixtures.town, Fixtures.otherTown])
            #expect(detail.children.map(\.name) == ["城厢街道", "北干街道"])
            #expect(detail.children.allSatisfy { $0.boundary == nil })
            let object = try response.object()
            let boundary = try #require(object["boundary"] as? [String: Any])
            #expect(boundary["type"] as? String == "Polygon")

            let grid = try await client.send(.get, "/api/v1/areas/\(Fixtures.grid)", as: "ob").decode(AreaDetail.self)
            #expect(grid.parentCode == Fixtures.community)
            #expect(grid.children.isEmpty)
            try expectError(
                try await client.send(.get, "/api/v1/areas/330109999", as: "ob"), .notFound, "notFound", field: nil)
        }
    }

    @Test("GET /units lists units by id, optionally within an area")
    func units() async throws {
        let server = try await ServerFixture()
        try await server.test { client in
            let all = try await client.send(.get, "/api/v1/units", as: "gw").decode(ItemsBody<WangchaoCore.Unit>.self)
                .items
            #expect(all == Fixtures.units.sorted { $0.id < $1.id })
            let other = try await client.send(.get, "/api/v1/units?area=\(Fixtures.otherTown)", as: "gw")
                .decode(ItemsBody<WangchaoCore.Unit>.self).items
            #expect(other.map(\.id) == [Fixtures.otherGridTeam])
            let platform = try #require(all.first { $0.id == Fixtures.enforcementPlatform })
            #expect(platform.platform == .enforcement)
            #expect(platform.kind == .platform)
        }
    }

    @Test("GET /categories lists the shipped taxonomy")
    func categories() async throws {
        let server = try await ServerFixture()
        try await server.test { client in
            let response = try await client.send(.get, "/api/v1/categories", as: "gw")
            #expect(response.status == .ok)
            let categories = try response.decode(ItemsBody<WangchaoCore.Category>.self).items
            #expect(categories == CategoryCatalog.bundled.categories)
            let fire = try #require(categories.first { $0.code == "AQ01" })
            #expect(fire.name == "消防隐患")
            #expect(fire.slaClass == .emergency)
            for name in ["邻里纠纷", "物业纠纷", "劳资纠纷", "违章搭建", "占道经营", "食品安全", "电信诈骗", "求助咨询"] {
                #expect(categories.contains { $0.name == name }, "\(name)")
            }
        }
    }

    @Test("GET /api/v1/healthz answers 200 without a user")
    func health() async throws {
        let server = try await ServerFixture()
        try await server.test { client in
            let response = try await client.send(.get, "/api/v1/healthz", as: nil)
            #expect(response.status == .ok)
            #expect(try response.object()["status"] as? String == "ok")
        }
    }

    @Test("GET /metrics answers 200 in the Prometheus text format without a user")
    func metrics() async throws {
        let server = try await ServerFixture()
        try await server.test { client in
            _ = try await client.send(.get, "/api/v1/healthz", as: nil)
            let response = try await client.send(.get, "/metrics", as: nil)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType]?.hasPrefix("text/plain") == true)
        }
    }

    @Test("an unknown path under /api/v1 is a JSON 404")
    func unknownPath() async throws {
        let server = try await ServerFixture()
        try await server.test { client in
            try expectError(
                try await client.send(.get, "/api/v1/nothing-here", as: "gw"), .notFound, "notFound", field: nil)
        }
    }
}
