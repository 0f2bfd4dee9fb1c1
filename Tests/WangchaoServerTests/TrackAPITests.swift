import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing
import WangchaoCore
import WangchaoStore
import WangchaoTesting

/// Citizens follow their case with number and tracking code, without an account.
@Suite struct TrackAPITests {
    /// Files a case as the grid worker (reporter 市民甲, 13800000000) and returns it.
    static func file(_ client: some TestClientProtocol) async throws -> Case {
        let created = try await client.send(.post, "/api/v1/cases", as: "gw", body: IntakeJSON.body())
        #expect(created.status == .created)
        return try created.decode(Case.self)
    }

    /// Walks the case to `closed` through the API.
    static func close(_ client: some TestClientProtocol, _ id: String) async throws {
        let steps: [(String, String)] = [
            ("td", #"{"action":"accept","version":1}"#),
            ("td", #"{"action":"dispatch","version":2,"unitId":"platform-330109001-enforcement"}"#),
            ("dh", #"{"action":"sign","version":3}"#),
            ("dh", #"{"action":"requestExtension","version":4,"minutes":60,"reason":"等待车主到场（内部）"}"#),
            ("dh", #"{"action":"arrive","version":5,"note":"王五在场（内部备注）"}"#),
            ("dh", #"{"action":"handle","version":6,"result":"摊贩已劝离，人行道恢复通行"}"#),
            ("td", #"{"action":"verify","version":7,"pass":true}"#),
            ("td", #"{"action":"close","version":8}"#),
        ]
        for (user, body) in steps {
            let response = try await client.transition(id, as: user, body)
            #expect(response.status == .ok, "\(body): \(response.text)")
        }
    }

    @Test("the intake answer carries the number and tracking code; tracking needs no sign-in")
    func trackWithoutSignIn() async throws {
        let server = try await ServerFixture()
        try await server.test { client in
            let filed = try await Self.file(client)
            #expect(CaseNumber.looksLikeNumber(filed.number))
            #expect(filed.trackingCode.count == 8)

            let response = try await client.send(.get, "/api/v1/track/\(filed.number)?code=\(filed.trackingCode)", as: nil)
            #expect(response.status == .ok, "\(response.text)")
            let progress = try response.decode(PublicProgress.self)
            #expect(progress.number == filed.number)
            #expect(progress.state == .reported)
            #expect(progress.stateName == "已上报")
            #expect(progress.place == "城厢街道 湘湖社区")
            #expect(progress.categoryName == "占道经营")
            #expect(progress.canRate == false)
            #expect(progress.steps.map(\.state) == [.reported])

            let lowercase = try await client.send(
                .get, "/api/v1/track/\(filed.number)?code=\(filed.trackingCode.lowercased())", as: nil)
            #expect(lowercase.status == .ok, "codes are read aloud and typed on phones: case-insensitive")
        }
    }

    @Test("a wrong code, an unknown number and a missing code are refused")
    func wrongCode() async throws {
        let server = try await ServerFixture()
        try await server.test { client in
            let filed = try await Self.file(client)
            let code = filed.trackingCode
            let wrong = String(code.dropLast()) + (code.last == "A" ? "B" : "A")
            try expectError(
                try await client.send(.get, "/api/v1/track/\(filed.number)?code=\(wrong)", as: nil), .notFound, "notFound",
                field: nil)
            try expectError(
                try await client.send(.get, "/api/v1/track/XS-20991231-000001?code=\(code)", as: nil), .notFound,
                "notFound", field: nil)
            try expectError(
                try await client.send(.get, "/api/v1/track/\(filed.number)?code=\(code)\(code)\(code)\(code)X", as: nil),
                .notFound, "notFound", field: nil)
            try expectError(
                try await client.send(.get, "/api/v1/track/\(filed.number)", as: nil), .badRequest, "invalid", field: "code")
            try expectError(
                try await client.send(
                    .post, "/api/v1/track/\(filed.number)/rating?code=\(wrong)", as: nil, body: #"{"satisfaction":5}"#),
                .notFound, "notFound", field: nil)
        }
    }

    @Test("no name, phone, description, address, staff or internal note in the answer; internal steps left out")
    func noPersonalData() async throws {
        let server = try await ServerFixture()
        try await server.test { client in
            let filed = try await Self.file(client)
            try await Self.close(client, filed.id)
            let response = try await client.send(.get, "/api/v1/track/\(filed.number)?code=\(filed.trackingCode)", as: nil)
            #expect(response.status == .ok)
            let text = response.text
            for secret in ["市民甲", "13800000000", "流动摊贩占用", "湘湖路100号", "王五", "内部", "等待车主", "dh", "td", filed.id] {
                #expect(!text.contains(secret), "\(secret) leaked: \(text)")
            }
            let progress = try response.decode(PublicProgress.self)
            #expect(progress.state == .closed)
            #expect(progress.canRate)
            #expect(
                progress.steps.map(\.state) == [.reported, .accepted, .dispatched, .signed, .onSite, .handled, .verified, .closed],
                "the extension request is internal")
            #expect(progress.steps[2].text == "已派遣至城厢街道综合执法平台")
            #expect(progress.steps[5].text == "处置完成：摊贩已劝离，人行道恢复通行")
        }
    }

    @Test("the reporter rates only after close, once, with a valid satisfaction")
    func ratingOnlyAfterClose() async throws {
        let server = try await ServerFixture()
        try await server.test { client in
            let filed = try await Self.file(client)
            let rating = "/api/v1/track/\(filed.number)/rating?code=\(filed.trackingCode)"
            try expectError(
                try await client.send(.post, rating, as: nil, body: #"{"satisfaction":5}"#), .conflict,
                "transitionNotAllowed", field: nil)
            try await Self.close(client, filed.id)
            try expectError(
                try await client.send(.post, rating, as: nil, body: #"{"satisfaction":0}"#), .badRequest, "invalid",
                field: "satisfaction")
            try expectError(
                try await client.send(.post, rating, as: nil, body: #"{"comment":"好"}"#), .badRequest, "invalid",
                field: "satisfaction")
            try expectError(
                try await client.send(.post, rating, as: nil, body: #"{"satisfaction":5"#), .badRequest, "invalid",
                field: nil)

            let rated = try await client.send(.post, rating, as: nil, body: #"{"satisfaction":4,"comment":"处理很快"}"#)
            #expect(rated.status == .ok, "\(rated.text)")
            let progress = try rated.decode(PublicProgress.self)
            #expect(progress.state == .rated)
            #expect(progress.satisfaction == 4)
            #expect(progress.canRate == false)
            #expect(progress.steps.last?.text == "已评价：4 分")

            let stored = try #require(try await server.store.getCase(id: filed.id))
            #expect(stored.ratedVia == .reporter)
            try expectError(
                try await client.send(.post, rating, as: nil, body: #"{"satisfaction":1}"#), .conflict,
                "transitionNotAllowed", field: nil)
        }
    }

    @Test("staff record a call-back rating; they cannot claim the reporter rated")
    func staffRatingChannel() async throws {
        let server = try await ServerFixture()
        try await server.test { client in
            let filed = try await Self.file(client)
            try await Self.close(client, filed.id)
            try expectError(
                try await client.transition(filed.id, as: "td", #"{"action":"rate","version":9,"satisfaction":5,"via":"reporter"}"#),
                .badRequest, "invalid", field: "via")
            let rated = try await client.transition(
                filed.id, as: "td", #"{"action":"rate","version":9,"satisfaction":3,"via":"callback"}"#)
            #expect(rated.status == .ok, "\(rated.text)")
            #expect(try rated.decode(Case.self).ratedVia == .callback)
        }
    }
}
