import Foundation
import Testing
import WangchaoCore

/// `case-kinds.json`: checked at load, refused with the path of the first problem; kind `case`
/// must match the Swift lifecycle it names as its engine.
@Suite("Case kinds: the catalog and its checks")
struct CaseKindCatalogTests {
    /// The bundled catalog written out as its file, as JSON objects a test can break one field of.
    static func bundledObject() throws -> [String: Any] {
        let kinds = try JSONSerialization.jsonObject(with: JSONEncoder().encode(CaseKindCatalog.bundled.kinds))
        return ["version": 1, "kinds": kinds]
    }

    /// The field of the refusal after `change` edits the first kind of the bundled file.
    func refusal(_ change: (inout [String: Any]) -> Void) throws -> String? {
        var file = try Self.bundledObject()
        var kinds = try #require(file["kinds"] as? [[String: Any]])
        change(&kinds[0])
        file["kinds"] = kinds
        return try Self.refusalField { _ = try CaseKindCatalog(json: JSONSerialization.data(withJSONObject: file)) }
    }

    /// The field of the `invalid` refusal `load` throws, or `nil` when it loads.
    static func refusalField(_ load: () throws -> Void) throws -> String? {
        do {
            try load()
            return nil
        } catch let error as DomainError {
            #expect(error.code == .invalid)
            #expect(!error.message.isEmpty)
            return error.field
        }
    }

    /// The field of the refusal after `change` edits the first kind's list under `key`.
    func refusal(in key: String, _ change: (inout [[String: Any]]) -> Void) throws -> String? {
        try refusal { kind in
            var list = kind[key] as? [[String: Any]] ?? []
            change(&list)
            kind[key] = list
        }
    }

    @Test("the bundled catalog loads: kind case lists every state and action of the lifecycle")
    func bundled() throws {
        let catalog = CaseKindCatalog.bundled
        let kind = try #require(catalog[.case])
        #expect(kind.name == "事件")
        #expect(kind.states.map(\.id) == CaseState.lifecycle.map(\.rawValue))
        #expect(kind.actions.map(\.id) == CaseAction.lifecycle.map(\.rawValue))
        let accept = try #require(kind.actions.first { $0.id == "accept" })
        #expect(accept.from == ["reported"] && accept.to == "accepted")
        #expect(Set(accept.roles) == [.townDispatcher, .districtCommander])
        #expect(kind.actions.first { $0.id == "markLight" }?.roles == [], "system actions have no role")
        #expect(try catalog.kind(named: "case") == .case)
    }

    @Test("an unknown kind is refused with field kind (or the field asked for), naming the known ones")
    func unknownKind() throws {
        for (text, field) in [("dispute", "kind"), ("Case", "kind"), ("", "kind"), ("案件", "filter.kind")] {
            do {
                _ = try CaseKindCatalog.bundled.kind(named: text, field: field)
                Issue.record("\(text) was accepted")
            } catch {
                #expect(error.field == field)
                #expect(error.message.contains("case"), "the message lists the known kinds")
            }
        }
    }

    @Test("the state marks shared by indicator facts and SQL are the file's marks")
    func marks() throws {
        let kind = try #require(CaseKindCatalog.bundled[.case])
        for state in kind.states {
            let swift = try #require(CaseState(rawValue: state.id))
            #expect(Set(state.marks) == swift.marks, "\(state.id)")
            #expect(state.open == swift.isOpen, "\(state.id)")
        }
        #expect(CaseState.marked(.closed) == [.closed, .rated])
        #expect(CaseState.marked(.registered).contains(.parked))
        #expect(!CaseState.marked(.registered).contains(.reported))
    }

    @Test("structural problems are refused with their path")
    func structure() throws {
        #expect(try refusal { $0["kind"] = "Bad-Kind" } == "kinds[0].kind")
        #expect(try refusal { $0["name"] = " " } == "kinds[0].name")
        #expect(try refusal { $0["states"] = [] } == "kinds[0].states")
        #expect(try refusal(in: "states") { $0[1]["id"] = $0[0]["id"] } == "kinds[0].states[1].id")
        #expect(try refusal(in: "actions") { $0[2]["from"] = ["reported", "nowhere"] } == "kinds[0].actions[2].from[1]")
        #expect(try refusal(in: "actions") { $0[0]["to"] = "nowhere" } == "kinds[0].actions[0].to")
        #expect(try refusal(in: "actions") { $0[0]["from"] = [] } == "kinds[0].actions[0].from")
        #expect(try refusal(in: "actions") { $0[1]["id"] = $0[0]["id"] } == "kinds[0].actions[1].id")
    }

    @Test("kind case must agree with the Swift lifecycle: roles, from, to, open, marks, order, deadlines")
    func agreesWithLifecycle() throws {
        #expect(
            try refusal(in: "actions") { $0[0]["roles"] = ["gridWorker"] } == "kinds[0].actions[0].roles",
            "accept by a grid worker is not what Lifecycle allows")
        #expect(try refusal(in: "actions") { $0[0]["from"] = ["reported", "accepted"] } == "kinds[0].actions[0].from")
        #expect(try refusal(in: "actions") { $0[0]["to"] = "dispatched" } == "kinds[0].actions[0].to")
        #expect(
            try refusal(in: "actions") {
                $0[13].removeValue(forKey: "to")  // addCooperator stays; so does a missing `to`
                $0[0].removeValue(forKey: "to")  // accept does not stay
            } == "kinds[0].actions[0].to")
        #expect(try refusal(in: "states") { $0[0]["open"] = false } == "kinds[0].states[0].open")
        #expect(try refusal(in: "states") { $0[9]["marks"] = ["registered"] } == "kinds[0].states[9].marks")
        #expect(try refusal(in: "actions") { $0.removeLast() } == "kinds[0].actions")
        #expect(try refusal(in: "states") { $0.swapAt(0, 1) } == "kinds[0].states")
        #expect(try refusal { $0["deadlines"] = [] } == "kinds[0].deadlines")
    }

    @Test("a catalog needs kind case once, and a known format version")
    func catalogLevel() throws {
        let kind = try #require(CaseKindCatalog.bundled[.case])
        do {
            _ = try CaseKindCatalog([kind, kind])
            Issue.record("a repeated kind was accepted")
        } catch { #expect(error.field == "kinds[1].kind") }
        do {
            _ = try CaseKindCatalog([])
            Issue.record("an empty catalog was accepted")
        } catch { #expect(error.field == "kinds") }
        var file = try Self.bundledObject()
        file["version"] = 2
        do {
            _ = try CaseKindCatalog(json: JSONSerialization.data(withJSONObject: file))
            Issue.record("version 2 was accepted")
        } catch let error as DomainError { #expect(error.field == "version") }
    }
}
