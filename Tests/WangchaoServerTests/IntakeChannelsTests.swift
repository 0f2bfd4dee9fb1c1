import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing
import WangchaoCore
import WangchaoStore
import WangchaoTesting

@testable import WangchaoServer

/// One intake path: the JSON API, the web form, Open311 and the connector hand their
/// submissions to the same `IntakeService`, so the same facts make the same case.
@Suite struct IntakeChannelsTests {
    static let key = "channel-test-key"
    static let address = "萧山城厢金城路123号二幢一单元102室"

    /// A server that locates points in micro-grids, knows the sample standard addresses and has
    /// a connected system holding ``key``.
    static func server() async throws -> ServerFixture {
        let server = try await IntakeLocationTests.locatedServer()
        try await server.store.saveStandardAddresses(StoreConformance.sampleStandardAddresses())
        try await server.store.addSystem(
            IntegrationSystem(id: "hotline-12345", name: "12345 热线平台", createdAt: Fixtures.now), apiKeyHash: APIKey.hash(key))
        return server
    }

    /// What a channel may not change about a case made from the same facts.
    struct Facts: Equatable {
        var category, description, address, areaCode: String
        var lat, lng: Double
        var priority: Priority
        var reporterName, reporterPhone: String?
        var addressCheck: AddressCheck?
        var tier: Tier
        var deadlines: [String]
        var intakeNote: String?

        init(_ c: Case, note: String?) {
            (category, description, address, areaCode) = (c.category, c.description, c.location.address, c.areaCode)
            (lat, lng, priority, tier) = (c.location.lat, c.location.lng, c.priority, c.tier)
            (reporterName, reporterPhone, addressCheck) = (c.reporter.name, c.reporter.phone, c.addressCheck)
            deadlines = c.deadlines.map { "\($0.kind.rawValue) \($0.dueAt.timeIntervalSince1970)" }
            intakeNote = note
        }
    }

    static func form(_ fields: [(String, String)]) -> String {
        let allowed = CharacterSet.alphanumerics.union(.init(charactersIn: "-._~"))
        return fields.map { "\($0.0.addingPercentEncoding(withAllowedCharacters: allowed)!)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed)!)" }
            .joined(separator: "&")
    }

    @Test("the same facts through the JSON API, the web form, Open311 and the connector make the same case")
    func fourChannelsOneCase() async throws {
        let server = try await Self.server()
        let urlencoded = "application/x-www-form-urlencoded"
        try await server.test { client in
            let json = #"""
                {"category": "SR03", "description": "人行道被流动摊贩占用", "source": "hotline12345",
                 "location": {"address": "\#(Self.address)"}, "reporter": {"name": "张三", "phone": "13900001111"}}
                """#
            let api = try await client.send(.post, "/api/v1/cases", as: "td", body: json)
            #expect(api.status == .created, "\(api.text)")

            let web = try await client.send(
                .post, "/intake", as: "td",
                body: Self.form([
                    ("category", "SR03"), ("description", "人行道被流动摊贩占用"), ("source", "hotline12345"),
                    ("address", Self.address), ("reporterName", "张三"), ("reporterPhone", "13900001111"),
                    ("confirmRepeat", "1"),
                ]), contentType: urlencoded)
            #expect(web.status == .seeOther, "\(web.text.prefix(300))")  // the API's case is a likely repeat: confirmed

            let open311 = try await client.send(
                .post, "/open311/v2/requests.json", as: nil,
                body: Self.form([
                    ("api_key", Self.key), ("service_code", "SR03"), ("description", "人行道被流动摊贩占用"),
                    ("address_string", Self.address), ("last_name", "张"), ("first_name", "三"), ("phone", "13900001111"),
                ]), contentType: urlencoded)
            #expect(open311.status == .created, "\(open311.text)")

            var headers = HTTPFields()
            headers[.apiKey] = Self.key
            let connector = try await client.send(.put, "/api/v1/connector/records/GD-7", as: nil, body: json, headers: headers)
            #expect(connector.status == .created, "\(connector.text)")
        }
        let ids = try await server.store.allCaseIds()
        #expect(ids.count == 4)
        var facts: [Facts] = []
        var sources: [SourceChannel] = []
        for id in ids {
            let filed = try #require(try await server.store.getCase(id: id))
            facts.append(Facts(filed, note: try await server.store.history(caseId: id).first?.note))
            sources.append(filed.source)
        }
        #expect(Set(sources) == [.hotline12345, .open311], "Open311 is its own source; the others say where it came from")
        let first = try #require(facts.first)
        #expect(first.addressCheck?.status == .matched, "placed through the standard address base")
        for (index, other) in facts.enumerated().dropFirst() {
            #expect(other == first, "channel \(index) made another case: \(other) vs \(first)")
        }
    }

    @Test("a retry with the same key and body matches, whatever the address base says in between")
    func retryMatchesAcrossAnAddressBaseChange() async throws {
        let server = try await Self.server()
        let body = #"{"category": "SR03", "description": "人行道被流动摊贩占用", "source": "hotline12345", "location": {"address": "\#(Self.address)"}}"#
        let key: HTTPFields = [HTTPField.Name("Idempotency-Key")!: "call-0001"]
        try await server.test { client in
            let first = try await client.send(.post, "/api/v1/cases", as: "td", body: body, headers: key)
            #expect(first.status == .created, "\(first.text)")
            let filed = try first.decode(Case.self)

            // The address base moves the matched door a little (a survey correction).
            var moved = StoreConformance.sampleStandardAddresses()
            moved[1].lat += 0.0005
            try await server.store.saveStandardAddresses(moved)

            let retry = try await client.send(.post, "/api/v1/cases", as: "td", body: body, headers: key)
            #expect(retry.status == .ok, "\(retry.text)")
            #expect(retry.headers[HTTPField.Name("Idempotent-Replayed")!] == "true")
            #expect(try retry.decode(Case.self).id == filed.id)

            let different = body.replacingOccurrences(of: "摊贩", with: "摊点")
            try expectError(
                try await client.send(.post, "/api/v1/cases", as: "td", body: different, headers: key),
                .badRequest, "invalid", field: "Idempotency-Key")
        }
        #expect(try await server.store.allCaseIds().count == 1)
    }
}
