import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing
import WangchaoCore
import WangchaoServer
import WangchaoStore
import WangchaoTesting

@Suite("GET /api/v1/cases/{id} and POST /api/v1/cases/{id}/transitions")
struct TransitionAPITests {
    @Test("without a known user: 401 for reads and transitions")
    func unauthenticated() async throws {
        let server = try await ServerFixture()
        let filed = try await server.store.fileCase()
        try await server.test { client in
            for user in [nil, "nobody", "gone"] as [String?] {
                try expectError(
                    try await client.send(.get, "/api/v1/cases/\(filed.id)", as: user), .unauthorized,
                    "unauthenticated", field: nil)
                try expectError(
                    try await client.send(.get, "/api/v1/cases", as: user), .unauthorized, "unauthenticated", field: nil
                )
                try expectError(
                    try await client.send(
                        .post, "/api/v1/cases/\(filed.id)/transitions", as: user,
                        body: #"{"action":"accept","version":1}"#),
                    .unauthorized, "unauthenticated", field: nil)
            }
        }
        #expect(try await server.store.getCase(id: filed.id) == filed)
    }

    @Test("a case outside the caller's scope is 404, before role, body and content type")
    func outsideScopeIsNotFound() async throws {
        let server = try await ServerFixture()
        let filed = try await server.store.fileCase()  // in the first town's grid
        try await server.test { client in
            try expectError(
                try await client.send(.get, "/api/v1/cases/\(filed.id)", as: "gw2"), .notFound, "notFound", field: nil)
            try expectError(
                try await client.send(.get, "/api/v1/cases/\(filed.id)", as: "td3"), .notFound, "notFound", field: nil)
            try expectError(
                try await client.send(.get, "/api/v1/cases/no-such-case", as: "dc"), .notFound, "notFound", field: nil)
            // A valid body, a bad body, a forbidden action with a bad body, a wrong content type: all 404.
            for body in [
                #"{"action":"accept","version":1}"#, #"{"action":"reject","version":1}"#, "{not json",
                #"{"action":"accept"}"#,
            ] {
                try expectError(
                    try await client.transition(filed.id, as: "td3", body), .notFound, "notFound", field: nil)
                try expectError(
                    try await client.transition(filed.id, as: "gw2", body), .notFound, "notFound", field: nil)
            }
            try expectError(
                try await client.send(
                    .post, "/api/v1/cases/\(filed.id)/transitions", as: "td3", body: "x", contentType: "text/plain"),
                .notFound, "notFound", field: nil)
            try expectError(
                try await client.transition("no-such-case", as: "dc", #"{"action":"accept","version":1}"#), .notFound,
                "notFound", field: nil)
        }
        #expect(try await server.store.getCase(id: filed.id) == filed)
        #expect(try await server.store.history(caseId: filed.id).count == 1)
    }

    @Test("a role that may never take the action is 403, even when the body is bad too")
    func roleBeforeBody() async throws {
        let server = try await ServerFixture()
        let filed = try await server.store.fileCase()
        try await server.test { client in
            let refusals: [(String, String)] = [
                ("gw", #"{"action":"accept","version":1}"#),
                ("gw", #"{"action":"accept"}"#),  // no version
                ("gw", #"{"action":"reject","version":"one"}"#),  // no reason, version a string
                ("gw", #"{"action":"dispatch","version":1,"unitId":""}"#),
                ("ob", #"{"action":"accept","version":1}"#),
                ("ob", #"{"action":"close","version":99}"#),  // stale and not allowed in this state either
                ("admin", #"{"action":"requestVoid","version":1}"#),
                ("cs", #"{"action":"accept","version":"1"}"#),
            ]
            for (user, body) in refusals {
                let response = try await client.transition(filed.id, as: user, body)
                #expect(response.status == .forbidden, "\(user) \(body): \(response.text)")
                try expectError(response, .forbidden, "forbidden", field: nil)
            }
        }
        #expect(try await server.store.getCase(id: filed.id) == filed)
        #expect(try await server.store.history(caseId: filed.id).count == 1)
    }

    @Test("a bad transition body is 400 naming the field, before version and state")
    func badBody() async throws {
        let server = try await ServerFixture()
        let filed = try await server.store.fileCase()
        try await server.test { client in
            let bodies: [(String, String?)] = [
                (#"{"action":"reject","version":1}"#, "reason"),
                (#"{"action":"reject","version":1,"reason":"   "}"#, "reason"),
                (#"{"action":"reject","version":7}"#, "reason"),  // body before version
                (#"{"action":"rate","version":1,"satisfaction":9}"#, "satisfaction"),  // body before state
                (#"{"action":"rate","version":1,"satisfaction":0}"#, "satisfaction"),
                (#"{"action":"rate","version":1,"satisfaction":"five"}"#, "satisfaction"),
                (#"{"action":"accept"}"#, "version"),
                (#"{"action":"accept","version":"1"}"#, "version"),
                (#"{"action":"accept","version":0}"#, "version"),
                (#"{"version":1}"#, "action"),
                (#"{"action":"fly","version":1}"#, "action"),
                (#"{"action":"dispatch","version":1,"unitId":"dept-nope"}"#, "unitId"),
                (#"{"action":"merge","version":1,"intoCaseId":"no-such-case"}"#, "intoCaseId"),
                (
                    #"{"action":"accept","version":1,"note":\#(String(repeating: "x", count: 2001).debugDescription)}"#,
                    "note"
                ),
                ("{not json", nil),
                ("", nil),
                ("[]", nil),  // JSON, but not an object: the body as a whole is wrong, not a field
            ]
            for (body, field) in bodies {
                let response = try await client.transition(filed.id, as: "td", body)
                try expectError(response, .badRequest, "invalid", field: field)
            }
            let unlabelled = try await client.send(
                .post, "/api/v1/cases/\(filed.id)/transitions", as: "td", body: #"{"action":"accept","version":1}"#,
                contentType: "text/plain")
            try expectError(unlabelled, .unsupportedMediaType, "unsupportedMediaType", field: nil)
        }
        #expect(try await server.store.getCase(id: filed.id) == filed)
        #expect(try await server.store.history(caseId: filed.id).count == 1)
    }

    @Test(
        "a stale version is 409 versionConflict, even when the state forbids the action too; then transitionNotAllowed")
    func versionBeforeState() async throws {
        let server = try await ServerFixture()
        let filed = try await server.store.fileCase()
        try await server.test { client in
            let accepted = try await client.transition(filed.id, as: "td", #"{"action":"accept","version":1}"#)
            #expect(accepted.status == .ok, "\(accepted.text)")
            #expect(try accepted.decode(Case.self).version == 2)

            // accept again with the old version: stale, and accept is not allowed on an accepted case either.
            try expectError(
                try await client.transition(filed.id, as: "td2", #"{"action":"accept","version":1}"#), .conflict,
                "versionConflict", field: nil)
            try expectError(
                try await client.transition(filed.id, as: "td", #"{"action":"close","version":3}"#), .conflict,
                "versionConflict", field: nil)
            try expectError(
                try await client.transition(filed.id, as: "td", #"{"action":"close","version":2}"#), .conflict,
                "transitionNotAllowed", field: nil)
            try expectError(
                try await client.transition(filed.id, as: "gw", #"{"action":"sign","version":2}"#), .conflict,
                "transitionNotAllowed", field: nil)
        }
        let stored = try #require(try await server.store.getCase(id: filed.id))
        #expect(stored.state == .accepted)
        #expect(stored.version == 2)
        #expect(try await server.store.history(caseId: filed.id).count == 2)
    }

    @Test("a transition answers the updated case with its history and the caller's next actions")
    func transitionAnswer() async throws {
        let server = try await ServerFixture()
        let filed = try await server.store.fileCase()
        try await server.store.saveFixtureAttachments(["a-1"], by: Fixtures.dispatcher)
        try await server.test { client in
            server.clock.advance(by: 60)
            let response = try await client.transition(
                filed.id, as: "td", #"{"action":"accept","version":1,"note":"受理","attachments":["a-1"]}"#)
            #expect(response.status == .ok, "\(response.text)")
            let updated = try response.decode(Case.self)
            let extras = try response.decode(CaseDetailExtras.self)
            #expect(updated == (try await server.store.getCase(id: filed.id))?.asShown)
            #expect(updated.updatedAt == Fixtures.now + 60)
            #expect(extras.history.map(\.version) == [1, 2])
            #expect(extras.history.last?.note == "受理")
            #expect(extras.history.last?.attachments == ["a-1"])
            #expect(extras.history.last?.payload == .accept)
            #expect(extras.history.last?.at == Fixtures.now + 60)
            #expect(extras.allowedActions == Lifecycle.availableActions(on: updated, for: Fixtures.dispatcher))
            #expect(extras.allowedActions.contains(.dispatch))
        }
    }

    @Test("GET /cases/{id} returns the history and the actions open to the caller")
    func caseDetail() async throws {
        let server = try await ServerFixture()
        let filed = try await server.store.fileCase()
        try await server.test { client in
            func detail(_ user: String) async throws -> (Case, CaseDetailExtras) {
                let response = try await client.send(.get, "/api/v1/cases/\(filed.id)", as: user)
                #expect(response.status == .ok, "\(user): \(response.text)")
                return (try response.decode(Case.self), try response.decode(CaseDetailExtras.self))
            }
            // A reported case.
            let literal: [(String, [CaseAction])] = [
                ("td", [.accept, .reject, .merge, .requestVoid, .supervise]),
                ("dc", [.accept, .reject, .merge, .supervise]),
                ("gw", [.requestVoid]),
                ("cs", [.requestVoid]),
                ("ob", []),
                ("admin", []),
            ]
            for (username, expected) in literal {
                let (subject, extras) = try await detail(username)
                let user = try #require(Fixtures.users.first { $0.username == username })
                #expect(subject == filed.asShown)
                #expect(extras.allowedActions == expected, "\(username) on a reported case")
                #expect(extras.allowedActions == Lifecycle.availableActions(on: filed, for: user), "\(username)")
                #expect(extras.history.count == 1)
                #expect(extras.history.first?.action == Transition.intakeAction)
            }
            let raw = try await client.send(.get, "/api/v1/cases/\(filed.id)", as: "ob")
            #expect(
                (try raw.object()["allowedActions"] as? [Any])?.isEmpty == true,
                "allowedActions is present even when empty")

            // Dispatched to the grid team: the grid worker may sign, return, escalate and ask.
            try await server.store.act(.accept, on: filed.id, by: Fixtures.dispatcher, at: Fixtures.now + 60)
            let dispatched = try await server.store.act(
                .dispatch(unitId: Fixtures.gridTeam), on: filed.id, by: Fixtures.dispatcher, at: Fixtures.now + 120)
            let (subject, extras) = try await detail("gw")
            #expect(subject == dispatched.asShown)
            #expect(
                extras.allowedActions == [.sign, .return, .escalate, .requestExtension, .requestPark, .requestVoid])
            #expect(extras.allowedActions == Lifecycle.availableActions(on: dispatched, for: Fixtures.gridWorker))
            #expect(extras.history.map(\.action) == ["intake", "accept", "dispatch"])
            #expect(extras.history.map(\.version) == [1, 2, 3])
            #expect(extras.history.map(\.fromState) == [nil, .reported, .accepted])
            #expect(extras.history.last?.payload == .dispatch(unitId: Fixtures.gridTeam))
            #expect(extras.history.last?.actor == "td")
            let (_, dispatcherExtras) = try await detail("td")
            #expect(
                dispatcherExtras.allowedActions == Lifecycle.availableActions(on: dispatched, for: Fixtures.dispatcher))
            #expect(dispatcherExtras.allowedActions.contains(.addCooperator))
            #expect(!dispatcherExtras.allowedActions.contains(.accept))
        }
    }

    @Test("the whole loop over HTTP, each step answering the next version")
    func wholeLoopOverHTTP() async throws {
        let server = try await ServerFixture()
        try await server.test { client in
            let created = try await client.send(.post, "/api/v1/cases", as: "gw", body: IntakeJSON.body())
            let id = try created.decode(Case.self).id
            let steps: [(String, String, CaseState)] = [
                ("td", #"{"action":"accept","version":1}"#, .accepted),
                ("td", #"{"action":"dispatch","version":2,"unitId":"grid-330109001001001"}"#, .dispatched),
                ("gw", #"{"action":"sign","version":3}"#, .signed),
                ("gw", #"{"action":"arrive","version":4}"#, .onSite),
                ("gw", #"{"action":"handle","version":5,"result":"已劝离"}"#, .handled),
                ("cs", #"{"action":"verify","version":6,"pass":true}"#, .verified),
                ("td", #"{"action":"close","version":7}"#, .closed),
                ("td", #"{"action":"rate","version":8,"satisfaction":5,"via":"callback"}"#, .rated),
            ]
            for (index, (user, body, state)) in steps.enumerated() {
                server.clock.advance(by: 60)
                let response = try await client.transition(id, as: user, body)
                #expect(response.status == .ok, "\(body): \(response.text)")
                let updated = try response.decode(Case.self)
                #expect(updated.state == state)
                #expect(updated.version == index + 2)
            }
            let final = try await client.send(.get, "/api/v1/cases/\(id)", as: "td")
            let extras = try final.decode(CaseDetailExtras.self)
            #expect(extras.history.map(\.version) == Array(1...9))
            #expect(try final.decode(Case.self).satisfaction == 5)
            #expect(try final.decode(Case.self).ratedVia == .callback)
            #expect(extras.allowedActions == [.reopen])
        }
    }
}
