import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing
import WangchaoCore
import WangchaoServer
import WangchaoStore
import WangchaoTesting

@Suite("GET /api/v1/addresses/match")
struct AddressAPITests {
    static func uri(_ q: String) -> String {
        var allowed = CharacterSet.urlQueryAllowed
        allowed.remove(charactersIn: "&+=?#")
        return "/api/v1/addresses/match?q=" + q.addingPercentEncoding(withAllowedCharacters: allowed)!
    }

    @Test("free text → the standard address with its score and the runners-up")
    func match() async throws {
        let server = try await ServerFixture()
        let sample = StoreConformance.sampleStandardAddresses()
        try await server.store.saveStandardAddresses(sample)
        try await server.test { client in
            // 金城路123号2幢1单元102室, written without province and city, with Chinese numerals.
            let response = try await client.send(.get, Self.uri("萧山城厢金城路123号二幢一单元102室"), as: "ob")
            #expect(response.status == .ok, "\(response.text)")
            let object = try response.object()
            #expect(object["matched"] as? Bool == true)
            #expect(object["reason"] is NSNull)
            let best = try #require(object["best"] as? [String: Any])
            #expect(best["code"] as? String == sample[1].code)
            #expect(best["text"] as? String == sample[1].text)
            #expect(best["microGridCode"] as? String == sample[1].microGridCode)
            let score = try #require(best["score"] as? Double)
            #expect(score > 0.9 && score <= 1)
            let runnersUp = try #require(object["runnersUp"] as? [[String: Any]])
            #expect(runnersUp.map { $0["building"] as? String } == ["2", "2", "2"], "the rest of building 2")
            #expect(runnersUp.allSatisfy { ($0["score"] as? Double ?? 1) < score })

            // The district is the store's own when the text names none (the fixture's root is 萧山区).
            let shop = try await client.send(.get, Self.uri("金城路125号"), as: "gw").object()
            #expect(shop["matched"] as? Bool == true, "\(shop)")
            #expect((shop["best"] as? [String: Any])?["code"] as? String == sample[8].code)
        }
    }

    @Test("no match is a 200 with matched false and the reason")
    func noMatch() async throws {
        let server = try await ServerFixture()
        try await server.store.saveStandardAddresses(StoreConformance.sampleStandardAddresses())
        try await server.test { client in
            let response = try await client.send(.get, Self.uri("萧山区城厢街道金城路999号"), as: "gw")
            #expect(response.status == .ok)
            let object = try response.object()
            #expect(object["matched"] as? Bool == false)
            #expect(object["reason"] as? String == "标准地址库中没有“金城路999号”")
            #expect(object["best"] is NSNull)
            #expect((object["runnersUp"] as? [Any])?.isEmpty == true)
        }
    }

    @Test("q empty, missing or too long: 400 naming q; no credentials: 401")
    func badQueries() async throws {
        let server = try await ServerFixture()
        try await server.test { client in
            try expectError(try await client.send(.get, Self.uri(""), as: "gw"), .badRequest, "invalid", field: "q")
            try expectError(try await client.send(.get, Self.uri("   "), as: "gw"), .badRequest, "invalid", field: "q")
            try expectError(
                try await client.send(.get, "/api/v1/addresses/match", as: "gw"), .badRequest, "invalid", field: "q")
            try expectError(
                try await client.send(.get, Self.uri(String(repeating: "路", count: 201)), as: "gw"), .badRequest, "invalid",
                field: "q")
            let longest = try await client.send(.get, Self.uri(String(repeating: "路", count: 200)), as: "gw")
            #expect(longest.status == .ok)
            try expectError(
                try await client.send(.get, Self.uri("金城路123号"), as: nil), .unauthorized, "unauthenticated", field: nil)
        }
    }
}
