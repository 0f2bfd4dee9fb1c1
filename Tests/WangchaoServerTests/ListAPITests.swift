import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing
import WangchaoCore
import WangchaoServer
import WangchaoStore
import WangchaoTesting

@Suite("GET /api/v1/cases")
struct ListAPITests {
    /// Files `count` cases through the store, a minute apart; returns their ids, oldest first.
    func file(_ count: Int, on server: ServerFixture, from start: Date = Fixtures.now) async throws -> [String] {
        var ids: [String] = []
        for index in 0..<count {
            ids.append(try await server.store.fileCase(at: start + TimeInterval(index * 60)).id)
        }
        return ids
    }

    @Test("pages follow nextCursor to the end, newest first, each case once; nextCursor is null on the last page")
    func pagination() async throws {
        let server = try await ServerFixture()
        let ids = try await file(5, on: server)
        try await server.test { client in
            var seen: [String] = []
            var uri = "/api/v1/cases?limit=2"
            var pages = 0
            while true {
                let response = try await client.send(.get, uri, as: "dc")
                #expect(response.status == .ok, "\(response.text)")
                let page = try response.decode(PageBody.self)
                pages += 1
                #expect(page.items.count <= 2)
                seen += page.items.map(\.id)
                let object = try response.object()
                #expect(object.keys.contains("nextCursor"), "nextCursor is always present")
                guard let cursor = page.nextCursor else {
                    #expect(object["nextCursor"] is NSNull)
                    break
                }
                try #require(pages < 5, "paging does not end")
                uri = "/api/v1/cases?limit=2&cursor=\(query(cursor))"
            }
            #expect(pages == 3)
            #expect(seen == ids.reversed())

            let all = try await client.send(.get, "/api/v1/cases", as: "dc").decode(PageBody.self)
            #expect(all.items.map(\.id) == ids.reversed(), "the default limit covers five cases")
            #expect(all.nextCursor == nil)
            let two = try await client.send(.get, "/api/v1/cases?limit=200", as: "dc").decode(PageBody.self)
            #expect(two.items.count == 5)
        }
    }

    @Test("new cases filed between two pages neither shift nor repeat the next page")
    func paginationStableUnderInserts() async throws {
        let server = try await ServerFixture()
        let old = try await file(5, on: server)
        try await server.test { client in
            let page1 = try await client.send(.get, "/api/v1/cases?limit=2", as: "dc").decode(PageBody.self)
            #expect(page1.items.map(\.id) == [old[4], old[3]])
            var new: [String] = []
            for _ in 0..<3 {
                server.clock.advance(by: 600)
                let created = try await client.send(.post, "/api/v1/cases", as: "gw", body: IntakeJSON.body())
                #expect(created.status == .created)
                new.append(try created.decode(Case.self).id)
            }
            let cursor1 = try #require(page1.nextCursor)
            let page2 = try await client.send(.get, "/api/v1/cases?limit=2&cursor=\(query(cursor1))", as: "dc").decode(
                PageBody.self)
            #expect(page2.items.map(\.id) == [old[2], old[1]])
            let cursor2 = try #require(page2.nextCursor)
            let page3 = try await client.send(.get, "/api/v1/cases?limit=2&cursor=\(query(cursor2))", as: "dc").decode(
                PageBody.self)
            #expect(page3.items.map(\.id) == [old[0]])
            #expect(page3.nextCursor == nil)
            let fresh = try await client.send(.get, "/api/v1/cases?limit=3", as: "dc").decode(PageBody.self)
            #expect(fresh.items.map(\.id) == new.reversed())
        }
    }

    @Test(
        "bad parameters are 400 naming the parameter",
        arguments: [
            ("limit=0", "limit"), ("limit=201", "limit"), ("limit=-1", "limit"), ("limit=ten", "limit"),
            ("limit=1.5", "limit"),
            ("cursor=not-a-cursor", "cursor"), ("cursor=YzA%3D", "cursor"),  // "c0"
            ("state=bogus", "state"), ("state=reported,bogus", "state"),
            ("area=xiaoshan", "area"), ("source=fax", "source"),
            ("createdFrom=yesterday", "createdFrom"), ("createdTo=2026-13-45", "createdTo"),
        ])
    func badParameters(_ parameter: String, _ field: String) async throws {
        let server = try await ServerFixture()
        try await server.store.fileCase()
        try await server.test { client in
            try expectError(
                try await client.send(.get, "/api/v1/cases?\(parameter)", as: "dc"), .badRequest, "invalid",
                field: field)
        }
    }

    @Test("filters over HTTP: state list, area, unit, category, source, created range, q, reporterPhone")
    func filters() async throws {
        let server = try await ServerFixture()
        let store = server.store
        let a = try await store.fileCase(Fixtures.intake(areaCode: Fixtures.grid), at: Fixtures.now)
        let b = try await store.fileCase(
            Fixtures.intake(category: "JF01", description: "楼上漏水", source: .citizenApp, areaCode: Fixtures.otherGrid),
            by: Fixtures.otherGridWorker, at: Fixtures.now + 3600)
        let c = try await store.fileCase(
            Fixtures.intake(description: "夜市摊贩占道", source: .gridPatrol, areaCode: Fixtures.community),
            by: Fixtures.communityStaff, at: Self.tomorrow)
        try await store.act(.accept, on: a.id, by: Fixtures.dispatcher)
        try await store.act(.dispatch(unitId: Fixtures.enforcementPlatform), on: a.id, by: Fixtures.dispatcher)
        try await store.act(.reject(reason: "重复"), on: b.id, by: Fixtures.otherDispatcher)
        try await server.test { client in
            func check(
                _ parameters: String, as user: String = "dc", _ expected: [String], _ comment: Comment? = nil,
                sourceLocation: SourceLocation = #_sourceLocation
            ) async throws {
                let response = try await client.send(.get, "/api/v1/cases?\(parameters)", as: user)
                #expect(response.status == .ok, "\(parameters): \(response.text)", sourceLocation: sourceLocation)
                let ids = try response.decode(PageBody.self).items.map(\.id)
                #expect(
                    ids == expected, "\(user): \(parameters) \(comment.map { "— \($0)" } ?? "")",
                    sourceLocation: sourceLocation)
            }
            try await check("state=dispatched", [a.id])
            try await check("state=reported,rejected", [c.id, b.id])
            try await check("area=\(Fixtures.town)", [c.id, a.id])
            try await check("area=\(Fixtures.otherTown)", [b.id])
            try await check("unit=\(Fixtures.enforcementPlatform)", [a.id])
            try await check("category=JF01", [b.id])
            try await check("source=gridPatrol", [c.id])
            try await check("createdFrom=2026-11-25", [c.id], "a day means midnight in China")
            try await check("createdTo=2026-11-25", [b.id, a.id])
            try await check("createdFrom=\(query("2026-11-24T11:00:00+08:00"))&createdTo=2026-11-24T04:00:01Z", [b.id])
            try await check("q=\(query(a.number))", [a.id])
            try await check("q=\(query("摊贩 占道"))", [c.id])
            try await check("q=\(query("摊贩"))", [c.id, a.id])
            try await check("reporterPhone=13800000000", [c.id, b.id, a.id])
            try await check("reporterPhone=13800000001", [])
            try await check("category=SR03&area=\(Fixtures.community)", [c.id, a.id])
            // Visibility still applies.
            try await check("", as: "gw", [a.id])
            try await check("", as: "cs", [c.id, a.id])
            try await check("", as: "dh", [a.id])
            try await check("area=\(Fixtures.otherTown)", as: "gw", [])
            try await check("", as: "ob", [c.id, b.id, a.id])
        }
    }

    /// 2026-11-25 00:30 in China (2026-11-24 16:30 UTC).
    static let tomorrow = Date(timeIntervalSince1970: 1_795_485_600 + 14.5 * 3600)
}
