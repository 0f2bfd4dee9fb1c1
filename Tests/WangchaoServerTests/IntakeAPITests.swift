import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing
import WangchaoCore
import WangchaoServer
import WangchaoStore
import WangchaoTesting

/// A refused intake: the body, and the field the error must name (`nil`: the body as a whole).
struct BadIntake: Sendable, CustomTestStringConvertible {
    let name: String
    let body: String
    let field: String?

    var testDescription: String { name }
}

@Suite("POST /api/v1/cases")
struct IntakeAPITests {
    static let badIntakes: [BadIntake] = [
        BadIntake(name: "missing category", body: IntakeJSON.body { $0["category"] = nil }, field: "category"),
        BadIntake(name: "empty category", body: IntakeJSON.body { $0["category"] = "" }, field: "category"),
        BadIntake(name: "unknown category", body: IntakeJSON.body { $0["category"] = "ZZ99" }, field: "category"),
        BadIntake(name: "missing description", body: IntakeJSON.body { $0["description"] = nil }, field: "description"),
        BadIntake(name: "empty description", body: IntakeJSON.body { $0["description"] = "" }, field: "description"),
        BadIntake(
            name: "whitespace description", body: IntakeJSON.body { $0["description"] = " \n\t　" }, field: "description"
        ),
        BadIntake(
            name: "description of 2,001 characters",
            body: IntakeJSON.body { $0["description"] = String(repeating: "摊", count: 2001) }, field: "description"),
        BadIntake(name: "lat above 90", body: IntakeJSON.location("lat", 90.5), field: "location.lat"),
        BadIntake(name: "lat below -90", body: IntakeJSON.location("lat", -91), field: "location.lat"),
        BadIntake(name: "lat as a string", body: IntakeJSON.location("lat", "30.16"), field: "location.lat"),
        BadIntake(name: "lng above 180", body: IntakeJSON.location("lng", 180.5), field: "location.lng"),
        BadIntake(name: "lng below -180", body: IntakeJSON.location("lng", -181), field: "location.lng"),
        BadIntake(name: "missing location", body: IntakeJSON.body { $0["location"] = nil }, field: "location"),
        BadIntake(
            name: "address of 201 characters", body: IntakeJSON.location("address", String(repeating: "路", count: 201)),
            field: "location.address"),
        BadIntake(
            name: "bad phone",
            body: IntakeJSON.body { $0["reporter"] = ["name": "市民甲", "phone": "138-ABCD-0000", "anonymous": false] },
            field: "reporter.phone"),
        BadIntake(
            name: "phone too short", body: IntakeJSON.body { $0["reporter"] = ["phone": "12", "anonymous": false] },
            field: "reporter.phone"),
        BadIntake(name: "priority of the wrong type", body: IntakeJSON.body { $0["priority"] = 3 }, field: "priority"),
        BadIntake(name: "unknown priority", body: IntakeJSON.body { $0["priority"] = "critical" }, field: "priority"),
        BadIntake(name: "unknown source", body: IntakeJSON.body { $0["source"] = "fax" }, field: "source"),
        BadIntake(
            name: "21 attachments", body: IntakeJSON.body { $0["attachments"] = (1...21).map { "att-\($0)" } },
            field: "attachments"),
        BadIntake(name: "unknown area", body: IntakeJSON.body { $0["areaCode"] = "330109001999" }, field: "areaCode"),
        BadIntake(name: "not JSON", body: #"{"category": "SR03", "description": "#, field: nil),
        BadIntake(name: "empty body", body: "", field: nil),
        BadIntake(name: "a JSON array", body: "[]", field: nil),
        BadIntake(name: "a JSON string", body: #""占道经营""#, field: nil),
        BadIntake(name: "JSON null", body: "null", field: nil),
    ]

    @Test("a refused intake answers 400 invalid naming the field, and makes no case", arguments: badIntakes)
    func refusedIntake(_ bad: BadIntake) async throws {
        let server = try await ServerFixture()
        try await server.test { client in
            let response = try await client.send(.post, "/api/v1/cases", as: "gw", body: bad.body)
            try expectError(response, .badRequest, "invalid", field: bad.field)
        }
        #expect(try await server.store.caseCount() == 0)
    }

    @Test("a description of exactly 2,000 characters is accepted")
    func longestDescription() async throws {
        let server = try await ServerFixture()
        try await server.test { client in
            let text = String(repeating: "摊", count: 2000)
            let response = try await client.send(
                .post, "/api/v1/cases", as: "gw", body: IntakeJSON.body { $0["description"] = text })
            #expect(response.status == .created, "\(response.text)")
            #expect(try response.decode(Case.self).description == text)
        }
    }

    @Test("a body that is not labelled application/json answers 415 and makes no case")
    func wrongContentType() async throws {
        let server = try await ServerFixture()
        try await server.test { client in
            for contentType in ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"] {
                let response = try await client.send(
                    .post, "/api/v1/cases", as: "gw", body: IntakeJSON.body(), contentType: contentType)
                try expectError(response, .unsupportedMediaType, "unsupportedMediaType", field: nil)
            }
            let unlabelled = try await client.send(
                .post, "/api/v1/cases", as: "gw", body: IntakeJSON.body(), contentType: nil)
            try expectError(unlabelled, .unsupportedMediaType, "unsupportedMediaType", field: nil)
        }
        #expect(try await server.store.caseCount() == 0)
    }

    @Test("a body over 256 KiB answers 413 and makes no case")
    func oversizeBody() async throws {
        let server = try await ServerFixture()
        try await server.test { client in
            let huge = IntakeJSON.body { $0["description"] = String(repeating: "a", count: 256 * 1024 + 1) }
            #expect(huge.utf8.count > APIJSON.maxBodySize)
            let response = try await client.send(.post, "/api/v1/cases", as: "gw", body: huge)
            try expectError(response, .contentTooLarge, "tooLarge", field: nil)
        }
        #expect(try await server.store.caseCount() == 0)
    }

    @Test("a body just under the limit is read (and judged on its fields)")
    func bodyJustUnderTheLimit() async throws {
        let server = try await ServerFixture()
        try await server.test { client in
            // Padded with whitespace to just under 256 KiB: read, then refused for its description only.
            let body = IntakeJSON.body { $0["description"] = String(repeating: "a", count: 2001) }
            let padded = body + String(repeating: " ", count: APIJSON.maxBodySize - body.utf8.count)
            #expect(padded.utf8.count == APIJSON.maxBodySize)
            let response = try await client.send(.post, "/api/v1/cases", as: "gw", body: padded)
            try expectError(response, .badRequest, "invalid", field: "description")
        }
    }

    @Test("a valid intake answers 201 with number, tracking code and Location")
    func created() async throws {
        let server = try await ServerFixture()
        try await server.test { client in
            let response = try await client.send(
                .post, "/api/v1/cases", as: "gw", body: IntakeJSON.body(),
                contentType: "application/json; charset=utf-8")
            #expect(response.status == .created, "\(response.text)")
            let created = try response.decode(Case.self)
            #expect(created.number == "XS-20261124-000001")
            #expect(created.trackingCode.count == 8)
            #expect(created.state == .reported)
            #expect(created.version == 1)
            #expect(created.areaCode == Fixtures.grid)
            #expect(created.createdAt == Fixtures.now)
            #expect(created.reporter == Reporter(name: "市民甲", phone: "138****0000", anonymous: false), "masked")
            #expect(response.headers[.location] == "/api/v1/cases/\(created.id)")
            #expect(response.headers[replayedHeader] == nil)
            let stored = try #require(try await server.store.getCase(id: created.id))
            #expect(stored.reporter.phone == "13800000000", "stored in full, once")
            #expect(stored.asShown == created)
            let object = try response.object()
            #expect(object["number"] as? String == created.number)
            #expect(object["trackingCode"] as? String == created.trackingCode)

            let fetched = try await client.send(.get, "/api/v1/cases/\(created.id)", as: "gw")
            #expect(fetched.status == .ok)
            #expect(try fetched.decode(Case.self) == created)
        }
    }

    @Test("the optional members may be left out: priority, reporter, attachments, area")
    func minimalIntake() async throws {
        let server = try await ServerFixture()
        try await server.test { client in
            let body = IntakeJSON.body { json in
                for key in ["priority", "reporter", "attachments", "areaCode"] { json[key] = nil }
            }
            let response = try await client.send(.post, "/api/v1/cases", as: "gw", body: body)
            #expect(response.status == .created, "\(response.text)")
            let created = try response.decode(Case.self)
            #expect(created.priority == .normal)
            #expect(created.areaCode == Fixtures.district)
            #expect(created.reporter == Reporter())
        }
    }

    @Test("a retry with the same Idempotency-Key returns the first case (200, Idempotent-Replayed: true)")
    func idempotentRetry() async throws {
        let server = try await ServerFixture()
        try await server.test { client in
            let headers: HTTPFields = [idempotencyHeader: "6f1c1b7e-intake-1"]
            let first = try await client.send(
                .post, "/api/v1/cases", as: "gw", body: IntakeJSON.body(), headers: headers)
            #expect(first.status == .created)
            server.clock.advance(by: 30)
            let retry = try await client.send(
                .post, "/api/v1/cases", as: "gw", body: IntakeJSON.body(), headers: headers)
            #expect(retry.status == .ok, "\(retry.text)")
            #expect(retry.headers[replayedHeader] == "true")
            let original = try first.decode(Case.self)
            #expect(try retry.decode(Case.self) == original)
            #expect(retry.headers[.location] == "/api/v1/cases/\(original.id)")
            #expect(try await server.store.caseCount() == 1)

            // The same key with another body is refused; another user's key is his own.
            let other = try await client.send(
                .post, "/api/v1/cases", as: "gw", body: IntakeJSON.body { $0["description"] = "路灯不亮" }, headers: headers
            )
            try expectError(other, .badRequest, "invalid", field: "Idempotency-Key")
            let colleague = try await client.send(
                .post, "/api/v1/cases", as: "cs", body: IntakeJSON.body(), headers: headers)
            #expect(colleague.status == .created)
            #expect(try colleague.decode(Case.self).id != original.id)
            #expect(try await server.store.caseCount() == 2)
        }
    }

    @Test("an Idempotency-Key that is empty, longer than 200 characters or not visible ASCII is refused")
    func badIdempotencyKey() async throws {
        let server = try await ServerFixture()
        try await server.test { client in
            for key in ["", String(repeating: "k", count: 201), "call 0001", "呼叫-0001", "key\u{80}"] {
                let response = try await client.send(
                    .post, "/api/v1/cases", as: "gw", body: IntakeJSON.body(), headers: [idempotencyHeader: key])
                try expectError(response, .badRequest, "invalid", field: "Idempotency-Key")
            }
        }
        #expect(try await server.store.caseCount() == 0)
    }

    @Test("an observer may not file (403), even with a bad body: role before body")
    func observerCannotFile() async throws {
        let server = try await ServerFixture()
        try await server.test { client in
            try expectError(
                try await client.send(.post, "/api/v1/cases", as: "ob", body: IntakeJSON.body()), .forbidden,
                "forbidden", field: nil)
            try expectError(
                try await client.send(.post, "/api/v1/cases", as: "ob", body: IntakeJSON.body { $0["category"] = nil }),
                .forbidden, "forbidden", field: nil)
            try expectError(
                try await client.send(.post, "/api/v1/cases", as: "ob", body: "{", contentType: "text/plain"),
                .forbidden, "forbidden",
                field: nil)
        }
        #expect(try await server.store.caseCount() == 0)
    }

    @Test("filing without a known user answers 401 before anything else")
    func unauthenticatedFiling() async throws {
        let server = try await ServerFixture()
        try await server.test { client in
            for user in [nil, "", "nobody", "gone"] as [String?] {
                let response = try await client.send(
                    .post, "/api/v1/cases", as: user, body: "{", contentType: "text/plain")
                try expectError(response, .unauthorized, "unauthenticated", field: nil)
                #expect(response.headers[.wwwAuthenticate] != nil)
            }
        }
        #expect(try await server.store.caseCount() == 0)
    }
}
