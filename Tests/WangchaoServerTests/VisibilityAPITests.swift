import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import WangchaoCore
import WangchaoServer
import WangchaoStore
import WangchaoTesting

/// Who sees which case through the API: scope subtrees, assigned, cooperating and former units,
/// the whole district for commander, admin and observer; the observer never writes. The list
/// (SQL) and the single case (``Access/canSee(_:user:)``) must agree for everyone.
@Suite("Visibility through the API")
struct VisibilityAPITests {
    /// Ids each user sees in the list, and which single cases answer 200 (the rest 404).
    func sight(_ client: some TestClientProtocol, _ user: User, _ cases: [Case]) async throws -> (listed: Set<String>, opened: Set<String>) {
        let page = try await client.send(.get, "/api/v1/cases?limit=200", as: user.username).decode(PageBody.self)
        var opened: Set<String> = []
        for subject in cases {
            let response = try await client.send(.get, "/api/v1/cases/\(subject.id)", as: user.username)
            if response.status == .ok {
                opened.insert(subject.id)
            } else {
                try expectError(response, .notFound, "notFound", field: nil)
            }
        }
        return (Set(page.items.map(\.id)), opened)
    }

    @Test("scope subtree, assigned, cooperating and former units: list, detail and Access.canSee agree")
    func visibility() async throws {
        let fixture = try await ServerFixture()
        let store = fixture.store
        let inGrid = try await store.fileCase(Fixtures.intake(areaCode: Fixtures.grid), by: Fixtures.gridWorker)
        let inCommunity = try await store.fileCase(Fixtures.intake(areaCode: Fixtures.community), by: Fixtures.communityStaff)
        let inTown = try await store.fileCase(Fixtures.intake(areaCode: Fixtures.town), by: Fixtures.dispatcher)
        let elsewhere = try await store.fileCase(Fixtures.intake(areaCode: Fixtures.otherGrid), by: Fixtures.otherGridWorker)
        let reinforced = try await store.fileCase(Fixtures.intake(areaCode: Fixtures.otherGrid), by: Fixtures.otherGridWorker)
        let handed = try await store.fileCase(Fixtures.intake(areaCode: Fixtures.otherGrid), by: Fixtures.otherGridWorker)
        // Town case sent to the enforcement platform: the handler's.
        try await store.act(.accept, on: inTown.id, by: Fixtures.dispatcher)
        try await store.act(.dispatch(unitId: Fixtures.enforcementPlatform), on: inTown.id, by: Fixtures.dispatcher)
        // The first grid's team reinforces a case of the other town.
        try await store.act(.accept, on: reinforced.id, by: Fixtures.otherDispatcher)
        try await store.act(.dispatch(unitId: Fixtures.otherGridTeam), on: reinforced.id, by: Fixtures.otherDispatcher)
        try await store.act(.addCooperator(unitId: Fixtures.gridTeam), on: reinforced.id, by: Fixtures.otherDispatcher)
        // Assigned to the first grid's team, then moved away: the team keeps sight of it.
        try await store.act(.accept, on: handed.id, by: Fixtures.otherDispatcher)
        try await store.act(.dispatch(unitId: Fixtures.gridTeam), on: handed.id, by: Fixtures.otherDispatcher)
        try await store.act(.dispatch(unitId: Fixtures.otherGridTeam), on: handed.id, by: Fixtures.otherDispatcher)

        let all = try await [inGrid, inCommunity, inTown, elsewhere, reinforced, handed].asyncMap {
            try #require(try await store.getCase(id: $0.id))
        }
        let ids = { (cases: [Case]) in Set(cases.map(\.id)) }
        let expected: [(User, Set<String>)] = [
            (Fixtures.gridWorker, ids([inGrid, reinforced, handed])),
            (Fixtures.communityStaff, ids([inGrid, inCommunity])),
            (Fixtures.dispatcher, ids([inGrid, inCommunity, inTown])),
            (Fixtures.handler, ids([inTown])),
            (Fixtures.otherGridWorker, ids([elsewhere, reinforced, handed])),
            (Fixtures.otherDispatcher, ids([elsewhere, reinforced, handed])),
            (Fixtures.commander, ids(all)),
            (Fixtures.admin, ids(all)),
            (Fixtures.observer, ids(all)),
        ]
        try await fixture.test { client in
            for (user, visible) in expected {
                let (listed, opened) = try await sight(client, user, all)
                #expect(listed == visible, "list of \(user.username)")
                #expect(opened == visible, "single cases for \(user.username)")
                #expect(Set(all.filter { Access.canSee($0, user: user) }.map(\.id)) == visible, "Access.canSee for \(user.username)")
            }
        }
    }

    @Test("the observer reads everything and writes nothing: intake, transitions and admin are 403")
    func observerReadOnly() async throws {
        let fixture = try await ServerFixture()
        let subject = try await fixture.store.fileCase()
        try await fixture.test { client in
            #expect(try await client.send(.get, "/api/v1/cases/\(subject.id)", as: "ob").status == .ok)
            try expectError(
                try await client.send(.post, "/api/v1/cases", as: "ob", body: IntakeJSON.body()), .forbidden,
                "forbidden", field: nil)
            try expectError(
                try await client.transition(subject.id, as: "ob", #"{"action": "accept", "version": 1}"#), .forbidden,
                "forbidden", field: nil)
            try expectError(
                try await client.send(.get, "/api/v1/admin/users", as: "ob"), .forbidden, "forbidden", field: nil)
            let detail = try await client.send(.get, "/api/v1/cases/\(subject.id)", as: "ob").decode(CaseDetailExtras.self)
            #expect(detail.allowedActions.isEmpty)
        }
        #expect(try await fixture.store.history(caseId: subject.id).count == 1)
    }
}

extension Array {
    func asyncMap<T>(_ transform: (Element) async throws -> T) async throws -> [T] {
        var result: [T] = []
        for element in self { result.append(try await transform(element)) }
        return result
    }
}
