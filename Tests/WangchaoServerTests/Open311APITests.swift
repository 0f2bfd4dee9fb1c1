import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing
import WangchaoCore
import WangchaoStore
import WangchaoTesting

#if canImport(FoundationXML)
import FoundationXML
#endif

@testable import WangchaoServer

/// Open311 GeoReport v2: round trips in XML and JSON, and every error of the spec in its format.
@Suite struct Open311APITests {
    static let key = "test-open311-key"

    /// A server with a registered Open311 client holding ``key``.
    static func server() async throws -> ServerFixture {
        let server = try await ServerFixture()
        try await server.store.addSystem(
            IntegrationSystem(id: "citizen-app", name: "市民 App", createdAt: Fixtures.now), apiKeyHash: APIKey.hash(key))
        return server
    }

    /// A valid form body for a broken hydrant, with `changes` applied (nil removes a field).
    static func form(_ changes: [String: String?] = [:]) -> String {
        var fields: [(String, String)] = [
            ("api_key", key), ("service_code", "SS01"), ("lat", "30.16"), ("long", "120.26"),
            ("address_string", "萧山区城厢街道湘湖路100号"), ("description", "消火栓被撞倒，漏水"),
            ("attribute[facility]", "hydrant"), ("first_name", "三"), ("last_name", "张"), ("phone", "13900001111"),
        ]
        for (name, value) in changes {
            fields.removeAll { $0.0 == name }
            if let value { fields.append((name, value)) }
        }
        let allowed = CharacterSet.alphanumerics.union(.init(charactersIn: "-._~"))
        return fields.map { "\($0.0.addingPercentEncoding(withAllowedCharacters: allowed)!)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed)!)" }
            .joined(separator: "&")
    }

    static func post(_ client: some TestClientProtocol, _ body: String, format: String = "json") async throws -> TestResponse {
        try await client.send(
            .post, "/open311/v2/requests.\(format)", as: nil, body: body, contentType: "application/x-www-form-urlencoded")
    }

    /// The element names of an XML document, in order; fails when it is not well-formed.
    static func elements(_ xml: String, sourceLocation: SourceLocation = #_sourceLocation) -> [String] {
        final class Collector: NSObject, XMLParserDelegate {
            var names: [String] = []
            var text: [String: String] = [:]
            var current = ""
            func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
                names.append(name)
                current = name
            }
            func parser(_ parser: XMLParser, foundCharacters string: String) { text[current, default: ""] += string }
        }
        let collector = Collector()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = collector
        #expect(parser.parse(), "not well-formed XML: \(xml)", sourceLocation: sourceLocation)
        return collector.names
    }

    /// Checks an Open311 error answer in JSON: `[{"code": status, "description": …}]`.
    static func expectOpen311Error(
        _ response: TestResponse, _ status: HTTPResponse.Status, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        #expect(response.status == status, "\(response.text)", sourceLocation: sourceLocation)
        let errors = try #require(
            try JSONSerialization.jsonObject(with: response.data) as? [[String: Any]], sourceLocation: sourceLocation)
        #expect(errors.first?["code"] as? Int == Int(status.code), sourceLocation: sourceLocation)
        #expect((errors.first?["description"] as? String)?.isEmpty == false, sourceLocation: sourceLocation)
    }

    @Test("services and a service definition, in JSON and XML")
    func services() async throws {
        let server = try await Self.server()
        try await server.test { client in
            let json = try await client.send(.get, "/open311/v2/services.json", as: nil)
            #expect(json.status == .ok)
            #expect(json.headers[.contentType] == "application/json; charset=utf-8")
            let list = try #require(try JSONSerialization.jsonObject(with: json.data) as? [[String: Any]])
            #expect(list.count == CategoryCatalog.bundled.categories.count)
            let hydrant = try #require(list.first { $0["service_code"] as? String == "SS01" })
            #expect(hydrant["service_name"] as? String == "公共设施损坏")
            #expect(hydrant["metadata"] as? Bool == true)
            #expect(hydrant["type"] as? String == "realtime")
            #expect(list.first { $0["service_code"] as? String == "QT99" }?["metadata"] as? Bool == false)

            let xml = try await client.send(.get, "/open311/v2/services.xml?jurisdiction_id=330109", as: nil)
            #expect(xml.headers[.contentType] == "text/xml; charset=utf-8")
            #expect(xml.text.hasPrefix(#"<?xml version="1.0" encoding="utf-8"?>"#))
            let names = Self.elements(xml.text)
            #expect(names.first == "services")
            #expect(names.filter { $0 == "service" }.count == list.count)

            let definition = try await client.send(.get, "/open311/v2/services/SS01.json", as: nil)
            let object = try #require(try JSONSerialization.jsonObject(with: definition.data) as? [String: Any])
            #expect(object["service_code"] as? String == "SS01")
            let attributes = try #require(object["attributes"] as? [[String: Any]])
            #expect(attributes.first?["code"] as? String == "facility")
            #expect(attributes.first?["datatype"] as? String == "singlevaluelist")
            #expect(attributes.first?["required"] as? Bool == true)
            #expect((attributes.first?["values"] as? [[String: Any]])?.contains { $0["key"] as? String == "hydrant" } == true)
            let definitionXML = try await client.send(.get, "/open311/v2/services/SS01.xml", as: nil)
            let definitionNames = Self.elements(definitionXML.text)
            #expect(definitionNames.first == "service_definition")
            #expect(definitionNames.contains("attribute") && definitionNames.contains("value"))
        }
    }

    @Test("a request filed in JSON reads back as the case moves, without the reporter; the case is source open311")
    func roundTripJSON() async throws {
        let server = try await Self.server()
        try await server.test { client in
            let created = try await Self.post(client, Self.form())
            #expect(created.status == .created, "\(created.text)")
            let answer = try #require(try JSONSerialization.jsonObject(with: created.data) as? [[String: Any]])
            let number = try #require(answer.first?["service_request_id"] as? String)
            let token = try #require(answer.first?["token"] as? String)

            let stored = try #require(try await server.store.getCase(number: number))
            #expect(stored.source == .open311)
            #expect(stored.category == "SS01")
            #expect(stored.reporter.name == "张三")
            #expect(stored.description.contains("【损坏的设施】消火栓"))
            let audit = try await server.store.auditEntries(after: nil, limit: 100)
            #expect(audit.contains { $0.actor == "system:citizen-app" && $0.action == "POST /open311/v2/requests" })

            let read = try await client.send(.get, "/open311/v2/requests/\(number).json", as: nil)
            #expect(read.status == .ok, "\(read.text)")
            #expect(!read.text.contains("13900001111") && !read.text.contains("张三"), "no reporter in answers: \(read.text)")
            let request = try #require((try JSONSerialization.jsonObject(with: read.data) as? [[String: Any]])?.first)
            #expect(request["status"] as? String == "open")
            #expect(request["service_code"] as? String == "SS01")
            #expect(request["requested_datetime"] as? String == "2026-11-24T10:00:00+08:00")
            #expect(request["expected_datetime"] as? String == "2026-11-24T11:00:00+08:00", "the running acceptance limit")
            #expect(request["lat"] as? Double == 30.16)
            #expect((request["status_notes"] as? String)?.contains("已登记") == true)

            // Without a locator the case is filed at the district: the district command accepts it.
            try await server.store.act(.accept, on: stored.id, by: Fixtures.commander)
            let moved = try await client.send(.get, "/open311/v2/requests/\(number).json", as: nil)
            let after = try #require((try JSONSerialization.jsonObject(with: moved.data) as? [[String: Any]])?.first)
            #expect(after["status_notes"] as? String != request["status_notes"] as? String, "notes follow the case")

            let byToken = try await client.send(.get, "/open311/v2/tokens/\(token).json", as: nil)
            #expect((try JSONSerialization.jsonObject(with: byToken.data) as? [[String: Any]])?.first?["service_request_id"] as? String == number)
        }
    }

    @Test("a request filed in XML answers XML; the list filters by code, status and date, pages, and shows only Open311 cases")
    func roundTripXMLAndList() async throws {
        let server = try await Self.server()
        _ = try await server.store.fileCase()  // a hotline case: never listed here
        try await server.test { client in
            let created = try await Self.post(client, Self.form(), format: "xml")
            #expect(created.status == .created)
            let names = Self.elements(created.text)
            #expect(names.prefix(2) == ["service_requests", "request"])
            #expect(names.contains("service_request_id"))
            _ = try await Self.post(client, Self.form(["service_code": "SR06", "attribute[facility]": nil, "attribute[plate]": "浙A12345"]))

            func list(_ query: String) async throws -> [[String: Any]] {
                let response = try await client.send(.get, "/open311/v2/requests.json?\(query)", as: nil)
                #expect(response.status == .ok, "\(query): \(response.text)")
                return try #require(try JSONSerialization.jsonObject(with: response.data) as? [[String: Any]])
            }
            #expect(try await list("").count == 2)
            #expect(try await list("service_code=SR06").map { $0["service_code"] as? String } == ["SR06"])
            #expect(try await list("service_code=SR06,SS01").count == 2)
            #expect(try await list("status=closed").isEmpty)
            #expect(try await list("status=open").count == 2)
            #expect(try await list("start_date=2026-11-25T00:00:00%2B08:00").isEmpty)
            #expect(try await list("end_date=2026-11-24T09:00:00%2B08:00").isEmpty)
            #expect(try await list("page_size=1").count == 1)
            #expect(try await list("page_size=1&page=2").count == 1)
            #expect(try await list("page_size=1&page=3").isEmpty)
            let first = try #require(try await list("page_size=1").first?["service_request_id"] as? String)
            #expect(try await list("service_request_id=\(first)").count == 1)

            let xml = try await client.send(.get, "/open311/v2/requests.xml", as: nil)
            #expect(Self.elements(xml.text).filter { $0 == "request" }.count == 2)
        }
    }

    @Test("every refusal is in the spec's error format with its status")
    func errors() async throws {
        let server = try await Self.server()
        try await server.store.addSystem(
            IntegrationSystem(id: "old-app", name: "停用的", disabled: true, createdAt: Fixtures.now), apiKeyHash: APIKey.hash("old-key"))
        try await server.test { client in
            let cases: [([String: String?], HTTPResponse.Status)] = [
                (["api_key": nil], .forbidden),
                (["api_key": "wrong"], .forbidden),
                (["api_key": "old-key"], .forbidden),
                (["service_code": nil], .badRequest),
                (["service_code": "NOPE"], .notFound),
                (["lat": nil, "long": nil, "address_string": nil], .badRequest),
                (["lat": nil], .badRequest),
                (["lat": nil, "long": nil, "address_id": "no-such-code"], .badRequest),
                (["lat": "north"], .badRequest),
                (["lat": "95"], .badRequest),
                (["attribute[facility]": nil], .badRequest),
                (["attribute[facility]": "bridge"], .badRequest),
                (["attribute[colour]": "red"], .badRequest),
                (["phone": "call me"], .badRequest),
                (["jurisdiction_id": "310000"], .notFound),
            ]
            for (change, status) in cases {
                try Self.expectOpen311Error(try await Self.post(client, Self.form(change)), status)
            }
            #expect(try await Self.post(client, Self.form(["jurisdiction_id": "330109"])).status == .created)
            let json = try await client.send(.post, "/open311/v2/requests.json", as: nil, body: "{}")
            try Self.expectOpen311Error(json, .badRequest)

            let xml = try await Self.post(client, Self.form(["api_key": "wrong"]), format: "xml")
            #expect(xml.status == .forbidden)
            #expect(Self.elements(xml.text) == ["errors", "error", "code", "description"])
            let badFormat = try await client.send(.get, "/open311/v2/services.yaml", as: nil)
            #expect(badFormat.status == .badRequest)
            #expect(Self.elements(badFormat.text).first == "errors")

            for query in ["start_date=yesterday", "end_date=2026-13-01", "status=pending", "page_size=0", "page_size=1001", "page=0", "service_code=NOPE"] {
                try Self.expectOpen311Error(try await client.send(.get, "/open311/v2/requests.json?\(query)", as: nil), .badRequest)
            }
            try Self.expectOpen311Error(try await client.send(.get, "/open311/v2/requests/XS-20991231-000001.json", as: nil), .notFound)
            try Self.expectOpen311Error(try await client.send(.get, "/open311/v2/services/NOPE.json", as: nil), .notFound)
            try Self.expectOpen311Error(try await client.send(.get, "/open311/v2/tokens/nope.json", as: nil), .notFound)
            try Self.expectOpen311Error(
                try await client.send(.get, "/open311/v2/services.json?jurisdiction_id=110000", as: nil), .notFound)
        }
    }

    @Test("without lat/long, address_string is placed through the standard address base, address_id by its code")
    func addressOnly() async throws {
        let server = try await Self.server()
        let sample = StoreConformance.sampleStandardAddresses()
        try await server.store.saveStandardAddresses(sample)
        try await server.test { client in
            let byText = try await Self.post(
                client, Self.form(["lat": nil, "long": nil, "address_string": "萧山城厢金城路123号二幢一单元102室"]))
            #expect(byText.status == .created, "\(byText.text)")
            let number = try #require((try JSONSerialization.jsonObject(with: byText.data) as? [[String: Any]])?.first?["service_request_id"] as? String)
            let filed = try #require(try await server.store.getCase(number: number))
            #expect(filed.location.lat == sample[1].lat && filed.addressCheck?.status == .matched)

            let byCode = try await Self.post(
                client, Self.form(["lat": nil, "long": nil, "address_string": nil, "address_id": sample[2].code]))
            #expect(byCode.status == .created, "\(byCode.text)")
            let other = try #require((try JSONSerialization.jsonObject(with: byCode.data) as? [[String: Any]])?.first?["service_request_id"] as? String)
            #expect(try await server.store.getCase(number: other)?.location.address == sample[2].text)
        }
    }

    @Test("a hotline case is not an Open311 request")
    func otherSourcesAreNotPublished() async throws {
        let server = try await Self.server()
        let hotline = try await server.store.fileCase()
        try await server.test { client in
            try Self.expectOpen311Error(
                try await client.send(.get, "/open311/v2/requests/\(hotline.number).json", as: nil), .notFound)
            try Self.expectOpen311Error(try await client.send(.get, "/open311/v2/tokens/\(hotline.id).json", as: nil), .notFound)
        }
    }

    @Test("discovery names the endpoint, the specification and both formats")
    func discovery() async throws {
        let server = try await Self.server()
        try await server.test { client in
            let response = try await client.send(.get, "/open311/v2/discovery.json", as: nil)
            let object = try #require(try JSONSerialization.jsonObject(with: response.data) as? [String: Any])
            let endpoint = try #require((object["endpoints"] as? [[String: Any]])?.first)
            #expect(endpoint["specification"] as? String == "http://wiki.open311.org/GeoReport_v2")
            #expect(endpoint["formats"] as? [String] == ["text/xml", "application/json"])
            #expect(Self.elements(try await client.send(.get, "/open311/v2/discovery.xml", as: nil).text).first == "discovery")
        }
    }
}
