import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing
import WangchaoCore
import WangchaoStore
import WangchaoTesting

/// Phones and identity numbers are masked for every role; the permitted roles reveal one in
/// full with a reason, and every reveal, write and read of personal data is in the audit trail.
@Suite struct PersonalDataAPITests {
    static let idNumber = "11010519491231002X"

    /// Files a case with phone and identity number, and dispatches it to the enforcement platform.
    static func fileDispatched(_ client: some TestClientProtocol) async throws -> String {
        let created = try await client.send(
            .post, "/api/v1/cases", as: "gw",
            body: IntakeJSON.body { $0["reporter"] = ["name": "市民甲", "phone": "13800000000", "idNumber": idNumber] })
        #expect(created.status == .created, "\(created.text)")
        let id = try created.decode(Case.self).id
        _ = try await client.transition(id, as: "td", #"{"action":"accept","version":1}"#)
        let dispatched = try await client.transition(
            id, as: "td", #"{"action":"dispatch","version":2,"unitId":"platform-330109001-enforcement"}"#)
        #expect(dispatched.status == .ok)
        return id
    }

    @Test("every role sees the phone and identity number masked, in the case, the list and answers to writes")
    func maskedForEveryone() async throws {
        let server = try await ServerFixture()
        try await server.test { client in
            let id = try await Self.fileDispatched(client)
            for user in ["gw", "cs", "td", "dh", "dc", "admin", "ob"] {
                let shown = try await client.send(.get, "/api/v1/cases/\(id)", as: user)
                #expect(shown.status == .ok)
                let reporter = try shown.decode(Case.self).reporter
                #expect(reporter.phone == "138****0000", "\(user)")
                #expect(reporter.idNumber == "110***********002X", "\(user)")
                #expect(!shown.text.contains("13800000000") && !shown.text.contains(Self.idNumber), "\(user)")
                let listed = try await client.send(.get, "/api/v1/cases?limit=5", as: user)
                #expect(!listed.text.contains("13800000000") && !listed.text.contains(Self.idNumber), "\(user)")
            }
        }
    }

    @Test("reveal: permitted roles see the value and leave an audit row; others get 403, outsiders 404")
    func reveal() async throws {
        let server = try await ServerFixture()
        try await server.test { client in
            let id = try await Self.fileDispatched(client)
            let uri = "/api/v1/cases/\(id)/reveal"
            for (user, field, value) in [
                ("td", "reporter.phone", "13800000000"), ("dh", "reporter.idNumber", Self.idNumber),
                ("dc", "reporter.name", "市民甲"), ("admin", "reporter.phone", "13800000000"),
            ] {
                let response = try await client.send(.post, uri, as: user, body: #"{"field":"\#(field)","reason":"回访核实情况"}"#)
                #expect(response.status == .ok, "\(user): \(response.text)")
                #expect(try response.object()["value"] as? String == value, "\(user)")
            }
            for user in ["gw", "cs", "ob"] {
                try expectError(
                    try await client.send(.post, uri, as: user, body: #"{"field":"reporter.phone","reason":"想看看"}"#),
                    .forbidden, "forbidden", field: nil)
            }
            try expectError(
                try await client.send(.post, uri, as: "td3", body: #"{"field":"reporter.phone","reason":"回访核实"}"#),
                .notFound, "notFound", field: nil)
            try expectError(
                try await client.send(.post, uri, as: "td", body: #"{"field":"reporter.address","reason":"回访核实"}"#),
                .badRequest, "invalid", field: "field")
            try expectError(
                try await client.send(.post, uri, as: "td", body: #"{"field":"reporter.phone","reason":" "}"#),
                .badRequest, "invalid", field: "reason")

            let reveals = try await server.store.auditEntries(after: nil, limit: 500).filter { $0.action == "POST \(uri)" }
            #expect(reveals.map(\.actor) == ["td", "dh", "dc", "admin"], "one row per successful reveal")
            #expect(reveals.first?.detail == "查看 reporter.phone：回访核实情况")
            #expect(reveals.allSatisfy { $0.target == id })
        }
    }

    @Test("a department handler reveals only on cases its unit handles")
    func departmentHandlerOnOwnCasesOnly() async throws {
        let server = try await ServerFixture()
        try await server.test { client in
            let created = try await client.send(.post, "/api/v1/cases", as: "gw", body: IntakeJSON.body())
            let id = try created.decode(Case.self).id
            // Cooperation lets the handler see the case, but the grid team is responsible.
            _ = try await client.transition(id, as: "td", #"{"action":"accept","version":1}"#)
            _ = try await client.transition(id, as: "td", #"{"action":"dispatch","version":2,"unitId":"grid-330109001001001"}"#)
            _ = try await client.transition(
                id, as: "td", #"{"action":"addCooperator","version":3,"unitId":"platform-330109001-enforcement"}"#)
            let response = try await client.send(
                .post, "/api/v1/cases/\(id)/reveal", as: "dh", body: #"{"field":"reporter.phone","reason":"联系报告人"}"#)
            #expect(response.status == .ok, "a cooperating unit handles the case too: \(response.text)")
        }
    }

    @Test("writes and personal-data reads are audited with actor, address and target; refused writes are not")
    func auditTrailOfRequests() async throws {
        let server = try await ServerFixture()
        try await server.test { client in
            let created = try await client.send(.post, "/api/v1/cases", as: "gw", body: IntakeJSON.body())
            let id = try created.decode(Case.self).id
            _ = try await client.send(.get, "/api/v1/cases/\(id)", as: "td")
            _ = try await client.send(.get, "/api/v1/cases?reporterPhone=13800000000", as: "td")
            let refused = try await client.transition(id, as: "td", #"{"action":"close","version":1}"#)
            #expect(refused.status == .conflict)
            _ = try await client.send(.get, "/api/v1/categories", as: "td")

            let rows = try await server.store.auditEntries(after: nil, limit: 100)
            #expect(rows.map(\.action) == ["POST /api/v1/cases", "GET /api/v1/cases/\(id)", "GET /api/v1/cases"])
            #expect(rows.map(\.actor) == ["gw", "td", "td"])
            #expect(rows.map(\.role) == ["gridWorker", "townDispatcher", "townDispatcher"])
            #expect(rows.map(\.target) == [id, id, nil])
            #expect(rows.last?.detail == "reporterPhone=138****0000", "the trail keeps no second copy of the number")
            #expect(rows.allSatisfy { $0.clientAddress != nil })
            #expect(try await server.store.verifyAudit().isIntact)
        }
    }
}
