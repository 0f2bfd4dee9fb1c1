import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing
import WangchaoCore
import WangchaoServer
import WangchaoStore
import WangchaoTesting

@Suite("Routing rules, rosters and auto-dispatch over the API")
struct RoutingAPITests {
    struct RecordBody: Decodable {
        let version: Int
        let savedBy: String
        let source: String
        let ruleSet: RoutingRuleSet
    }

    struct LineErrorBody: Decodable {
        struct Detail: Decodable {
            let code: String
            let field: String?
            let line: Int?
        }
        let error: Detail
    }

    @Test("administrators replace the rules; a refused file answers 400 with field and line and stores nothing")
    func replaceRules() async throws {
        let server = try await ServerFixture()
        try await server.test { client in
            try expectError(try await client.send(.get, "/api/v1/routing-rules", as: "admin"), .notFound, "notFound", field: nil)
            let bad = StoreConformance.fixtureRules.replacingOccurrences(of: #""SR03""#, with: #""ZZ99""#)
            let refused = try await client.send(.put, "/api/v1/routing-rules", as: "admin", body: bad)
            try expectError(refused, .badRequest, "invalid", field: "rules[0].conditions.categories[0]")
            #expect(try refused.decode(LineErrorBody.self).error.line == 6)
            let versions = try await client.send(.get, "/api/v1/routing-rules/versions", as: "admin")
            #expect(try versions.decode(ItemsBody<RoutingRuleSetSummary>.self).items.isEmpty)

            let first = try await client.send(.put, "/api/v1/routing-rules", as: "admin", body: StoreConformance.fixtureRules)
            #expect(first.status == .created)
            #expect(try first.decode(RecordBody.self).version == 1)
            let second = try await client.send(
                .put, "/api/v1/routing-rules", as: "admin",
                body: StoreConformance.fixtureRules.replacingOccurrences(of: "测试规则", with: "第二版"))
            #expect(try second.decode(RecordBody.self).version == 2)

            for reader in ["admin", "dc", "td"] {
                let active = try await client.send(.get, "/api/v1/routing-rules", as: reader)
                #expect(active.status == .ok, "\(reader)")
                #expect(try active.decode(RecordBody.self).ruleSet.name == "第二版")
            }
            let old = try await client.send(.get, "/api/v1/routing-rules?version=1", as: "td")
            #expect(try old.decode(RecordBody.self).source == StoreConformance.fixtureRules)
            let list = try await client.send(.get, "/api/v1/routing-rules/versions", as: "dc")
            #expect(try list.decode(ItemsBody<RoutingRuleSetSummary>.self).items.map(\.version) == [2, 1])
            try expectError(try await client.send(.get, "/api/v1/routing-rules", as: "gw"), .forbidden, "forbidden", field: nil)
            try expectError(
                try await client.send(.put, "/api/v1/routing-rules", as: "td", body: StoreConformance.fixtureRules), .forbidden,
                "forbidden", field: nil)
        }
        #expect(try await server.store.routingRuleVersions().count == 2)
    }

    @Test("accepting dispatches by the rules: the case shows unit, assignee and routing; history the explanation")
    func acceptDispatches() async throws {
        let server = try await ServerFixture()
        let plain = try await server.store.fileCase()
        _ = try await server.store.saveRoutingRules(Data(StoreConformance.fixtureRules.utf8), by: "admin", at: Fixtures.now)
        let urgent = try await server.store.fileCase(Fixtures.intake(priority: .urgent))
        try await server.test { client in
            let shown = try await client.send(.get, "/api/v1/cases/\(plain.id)", as: "td")
            let object = try shown.object()
            #expect(object.keys.contains("assignee") && object["assignee"] is NSNull, "assignee is present, null")
            #expect(object.keys.contains("routing") && object["routing"] is NSNull, "routing is present, null")

            let response = try await client.transition(urgent.id, as: "td", #"{"action":"accept","version":1}"#)
            #expect(response.status == .ok, "\(response.text)")
            let updated = try response.decode(Case.self)
            #expect(updated.state == .dispatched)
            #expect(updated.assignedUnitId == Fixtures.enforcementPlatform)
            #expect(updated.assignee == Fixtures.handler.username)
            #expect(updated.routing?.ruleId == "urgent-street-trading")
            let history = try response.decode(CaseDetailExtras.self).history
            #expect(history.map(\.action) == ["intake", "accept", "dispatch"])
            #expect(history.last?.actor == "system")
            #expect(history.last?.explanation?.ruleId == "urgent-street-trading")
            #expect(history.last?.explanation?.summary.contains("命中规则 urgent-street-trading") == true)

            // The handler now sees it, and a dispatcher's own dispatch is explained as manual.
            let seen = try await client.send(.get, "/api/v1/cases/\(urgent.id)", as: "dh")
            #expect(seen.status == .ok)
            let manual = try await client.transition(
                urgent.id, as: "td", #"{"action":"dispatch","version":3,"unitId":"\#(Fixtures.gridTeam)"}"#)
            #expect(manual.status == .ok, "\(manual.text)")
            #expect(try manual.decode(Case.self).assignee == Fixtures.gridWorker.username)
            let row = try manual.decode(CaseDetailExtras.self).history.last
            #expect(row?.explanation?.ruleId == "manual")
            #expect(row?.explanation?.manualBy == "td")
        }
    }

    @Test("duty rosters: anyone reads; dispatchers of the town and above replace, with shifts checked")
    func rosters() async throws {
        let server = try await ServerFixture()
        let path = "/api/v1/units/\(Fixtures.enforcementPlatform)/roster"
        let body = #"{"shifts":[{"username":"dh","weekdays":[1,2,3,4,5],"startMinute":510,"endMinute":1050}]}"#
        try await server.test { client in
            let empty = try await client.send(.get, path, as: "gw")
            #expect(try empty.decode(DutyRoster.self).shifts.isEmpty)
            let saved = try await client.send(.put, path, as: "td", body: body)
            #expect(saved.status == .ok, "\(saved.text)")
            let read = try await client.send(.get, path, as: "dh")
            #expect(try read.decode(DutyRoster.self).shifts.map(\.username) == ["dh"])
            try expectError(try await client.send(.put, path, as: "td3", body: body), .forbidden, "forbidden", field: nil)
            try expectError(try await client.send(.put, path, as: "gw", body: body), .forbidden, "forbidden", field: nil)
            try expectError(
                try await client.send(.put, path, as: "dc", body: body.replacingOccurrences(of: #""dh""#, with: #""gw""#)),
                .badRequest, "invalid", field: "shifts[0].username")
            try expectError(
                try await client.send(.put, "/api/v1/units/dept-nope/roster", as: "admin", body: body), .notFound, "notFound",
                field: nil)
            try expectError(try await client.send(.get, "/api/v1/units/dept-nope/roster", as: "gw"), .notFound, "notFound", field: nil)
        }
        #expect(try await server.store.roster(unitId: Fixtures.enforcementPlatform)?.shifts.count == 1)
    }
}
