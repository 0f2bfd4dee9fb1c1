import Foundation
import Testing
import WangchaoCore
import WangchaoTesting

/// A kind run by the table engine is checked at load like kind `case`: each problem refused
/// with its path (the test kind `errand` is the second kind, `kinds[1]`).
@Suite("Case kinds: table definitions are checked at load")
struct KindTableCheckTests {
    /// The field of the refusal after `change` edits the errand kind added to the bundled ones.
    func refusal(_ change: (inout [String: Any]) -> Void) throws -> String? {
        let errand = try #require(Fixtures.kindsWithErrand[Fixtures.errand])
        var object = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(errand)) as? [String: Any])
        change(&object)
        let file = try JSONSerialization.data(withJSONObject: ["version": 1, "kinds": [object]])
        return try CaseKindCatalogTests.refusalField { _ = try CaseKindCatalog.bundled.adding(json: file) }
    }

    /// The field of the refusal after `change` edits the errand kind's list under `key`.
    func refusal(in key: String, _ change: (inout [[String: Any]]) -> Void) throws -> String? {
        try refusal { kind in
            var list = kind[key] as? [[String: Any]] ?? []
            change(&list)
            kind[key] = list
        }
    }

    @Test("the test kind loads beside the bundled ones, its states in the shared vocabulary")
    func loads() throws {
        let kinds = Fixtures.kindsWithErrand
        #expect(kinds.kinds.map(\.kind) == [.case, Fixtures.errand])
        #expect(kinds.openStates.suffix(2) == ["waiting", "running"])
        #expect(kinds.states(marked: .closed) == [.closed, .rated, "completed"])
        #expect(kinds.name(of: "running") == "办理中")
        #expect(kinds.name(of: CaseAction("take"), in: Fixtures.errand) == "领办")
        #expect(kinds.name(of: DeadlineKind("takeUp"), in: Fixtures.errand) == "领办")
        #expect(try kinds.state(named: "completed") == "completed")
        #expect(throws: DomainError.self) { try CaseKindCatalog.bundled.state(named: "completed") }
        guard case .table = try kinds.workflow(for: Fixtures.errand) else {
            Issue.record("errand is not run by the table engine")
            return
        }
        #expect(try refusal { _ in } == nil, "the unedited definition loads")
    }

    @Test("initial state: required, defined and open")
    func initial() throws {
        #expect(try refusal { $0.removeValue(forKey: "initial") } == "kinds[1].initial")
        #expect(try refusal { $0["initial"] = "nowhere" } == "kinds[1].initial")
        #expect(try refusal { $0["initial"] = "completed" } == "kinds[1].initial")
    }

    @Test("actions: own names, at least one role, none for observers or administrators")
    func actions() throws {
        #expect(try refusal(in: "actions") { $0[0]["id"] = "accept" } == "kinds[1].actions[0].id")
        #expect(try refusal(in: "actions") { $0[0]["id"] = "take it" } == "kinds[1].actions[0].id")
        #expect(try refusal(in: "actions") { $0[1]["roles"] = [] } == "kinds[1].actions[1].roles")
        #expect(try refusal(in: "actions") { $0[1]["roles"] = ["gridWorker", "observer"] } == "kinds[1].actions[1].roles[1]")
        #expect(try refusal(in: "actions") { $0[2]["from"] = ["waiting", "gone"] } == "kinds[1].actions[2].from[1]")
    }

    @Test("limits: minutes in range, open states to run in, escalations a table can do")
    func deadlines() throws {
        #expect(try refusal(in: "deadlines") { $0[0].removeValue(forKey: "minutes") } == "kinds[1].deadlines[0].minutes")
        #expect(try refusal(in: "deadlines") { $0[0]["minutes"] = 0 } == "kinds[1].deadlines[0].minutes")
        #expect(try refusal(in: "deadlines") { $0[0]["minutes"] = KindTable.maxMinutes + 1 } == "kinds[1].deadlines[0].minutes")
        #expect(try refusal(in: "deadlines") { $0[0]["during"] = [] } == "kinds[1].deadlines[0].during")
        #expect(try refusal(in: "deadlines") { $0[0]["during"] = ["waiting", "completed"] } == "kinds[1].deadlines[0].during[1]")
        #expect(try refusal(in: "deadlines") { $0[0]["onDue"] = ["notify", "raiseTier"] } == "kinds[1].deadlines[0].onDue[1]")
        #expect(try refusal(in: "deadlines") { $0[0]["onDue"] = [] } == "kinds[1].deadlines[0].onDue")
    }

    @Test("a state id shared with another kind must mean the same: name, open, marks")
    func sharedVocabulary() throws {
        #expect(
            try refusal(in: "states") {
                $0.append(["id": "closed", "name": "已办结", "open": false, "marks": ["registered", "handled", "checked", "closed"]])
            } == "kinds[1].states[3]", "closed of kind case is named 已结案, not 已办结")
        #expect(
            try refusal(in: "states") {
                $0.append(["id": "closed", "name": "已结案", "open": false, "marks": ["registered", "handled", "checked", "closed"]])
            } == nil, "the same meaning is shared")
        #expect(
            try refusal(in: "states") {
                $0.append(["id": "closed", "name": "已结案", "open": true, "marks": ["registered", "handled", "checked", "closed"]])
            } == "kinds[1].states[3]")
    }

    @Test("a lifecycle definition carries no table timing; a kind's id stays unique")
    func lifecycleStaysTheSwiftTable() throws {
        var file = try #require(
            try JSONSerialization.jsonObject(with: JSONEncoder().encode(CaseKindCatalog.bundled.kinds)) as? [[String: Any]])
        var deadlines = try #require(file[0]["deadlines"] as? [[String: Any]])
        deadlines[0]["minutes"] = 10
        file[0]["deadlines"] = deadlines
        do {
            _ = try CaseKindCatalog(json: JSONSerialization.data(withJSONObject: ["version": 1, "kinds": file]))
            Issue.record("kind case with its own minutes was accepted")
        } catch let error as DomainError { #expect(error.field == "kinds[0].deadlines[0]") }
        #expect(try refusal { $0["kind"] = "case" } != nil)
    }
}
