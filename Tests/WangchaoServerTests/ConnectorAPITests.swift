import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing
import WangchaoCore
import WangchaoStore
import WangchaoTesting

@testable import WangchaoServer

/// Connected systems put their records in by their own ids and read the status back.
@Suite struct ConnectorAPITests {
    static let key = "hotline-key"

    static func headers(_ key: String? = key) -> HTTPFields {
        var fields = HTTPFields()
        if let key { fields[.apiKey] = key }
        return fields
    }

    @Test("a record put twice is one case; a change is an update; batch reports each record; the feed follows the case")
    func upsertBatchAndFeed() async throws {
        let server = try await ServerFixture()
        try await server.store.addSystem(
            IntegrationSystem(id: "hotline-12345", name: "12345 热线平台", createdAt: Fixtures.now), apiKeyHash: APIKey.hash(Self.key))
        try await server.test { client in
            let body = IntakeJSON.body { $0["source"] = "hotline12345" }
            let first = try await client.send(.put, "/api/v1/connector/records/GD-001", as: nil, body: body, headers: Self.headers())
            #expect(first.status == .created, "\(first.text)")
            let created = try first.object()
            #expect(created["outcome"] as? String == "created")
            let caseId = try #require(created["caseId"] as? String)
            let again = try await client.send(.put, "/api/v1/connector/records/GD-001", as: nil, body: body, headers: Self.headers())
            #expect(again.status == .ok)
            #expect(try again.object()["outcome"] as? String == "unchanged")
            #expect(try again.object()["caseId"] as? String == caseId)
            let changed = IntakeJSON.body {
                $0["source"] = "hotline12345"
                $0["description"] = "人行道被占用，摊贩越来越多"
            }
            let update = try await client.send(.put, "/api/v1/connector/records/GD-001", as: nil, body: changed, headers: Self.headers())
            #expect(try update.object()["outcome"] as? String == "updated")
            #expect(try await server.store.getCase(id: caseId)?.description == "人行道被占用，摊贩越来越多")

            let batch = """
                {"records":[{"recordId":"GD-002","record":\(body)},{"recordId":"GD-003","record":\(IntakeJSON.body { $0["category"] = "NOPE" })},{"recordId":"GD-001","record":\(changed)}]}
                """
            let answer = try await client.send(.post, "/api/v1/connector/batch", as: nil, body: batch, headers: Self.headers())
            #expect(answer.status == .ok, "\(answer.text)")
            let results = try #require(try answer.object()["results"] as? [[String: Any]])
            #expect((results[0]["result"] as? [String: Any])?["outcome"] as? String == "created")
            #expect((results[1]["error"] as? [String: Any])?["field"] as? String == "records[1].record.category")
            #expect((results[2]["result"] as? [String: Any])?["outcome"] as? String == "unchanged")

            let status = try await client.send(.get, "/api/v1/connector/records/GD-001", as: nil, headers: Self.headers())
            #expect(try status.object()["state"] as? String == "reported")
            #expect(!status.text.contains("13800000000"), "no phone in the status")
            let feed = try await client.send(.get, "/api/v1/connector/changes?after=0", as: nil, headers: Self.headers())
            let items = try #require(try feed.object()["items"] as? [[String: Any]])
            #expect(items.map { $0["action"] as? String } == ["intake", "externalUpdate", "intake"])
            let next = try #require(try feed.object()["nextAfter"] as? Int)
            let empty = try await client.send(.get, "/api/v1/connector/changes?after=\(next)", as: nil, headers: Self.headers())
            #expect((try empty.object()["items"] as? [Any])?.isEmpty == true)
        }
    }

    @Test("a record id that needs percent-encoding in the path is the same record as in a batch body")
    func percentEncodedRecordId() async throws {
        let server = try await ServerFixture()
        try await server.store.addSystem(
            IntegrationSystem(id: "hotline-12345", name: "12345 热线平台", createdAt: Fixtures.now), apiKeyHash: APIKey.hash(Self.key))
        try await server.test { client in
            let body = IntakeJSON.body { $0["source"] = "hotline12345" }
            let path = "/api/v1/connector/records/%E5%B7%A5%E5%8D%95%201"  // 工单 1
            let put = try await client.send(.put, path, as: nil, body: body, headers: Self.headers())
            #expect(put.status == .created, "\(put.text)")
            #expect(try put.object()["recordId"] as? String == "工单 1")
            let batch = #"{"records":[{"recordId":"工单 1","record":\#(body)}]}"#
            let answer = try await client.send(.post, "/api/v1/connector/batch", as: nil, body: batch, headers: Self.headers())
            let results = try #require(try answer.object()["results"] as? [[String: Any]])
            #expect((results.first?["result"] as? [String: Any])?["outcome"] as? String == "unchanged", "\(answer.text)")
            let status = try await client.send(.get, path, as: nil, headers: Self.headers())
            #expect(status.status == .ok)
            #expect(try status.object()["recordId"] as? String == "工单 1")
        }
    }

    @Test("no key, a wrong key or a person's token is 401; bad input names the field")
    func refusals() async throws {
        let server = try await ServerFixture()
        try await server.store.addSystem(
            IntegrationSystem(id: "hotline-12345", name: "12345 热线平台", createdAt: Fixtures.now), apiKeyHash: APIKey.hash(Self.key))
        try await server.test { client in
            let body = IntakeJSON.body()
            for headers in [Self.headers(nil), Self.headers("wrong")] {
                #expect(try await client.send(.put, "/api/v1/connector/records/A", as: nil, body: body, headers: headers).status == .unauthorized)
            }
            #expect(try await client.send(.put, "/api/v1/connector/records/A", as: "admin", body: body).status == .unauthorized)
            try expectError(
                try await client.send(.put, "/api/v1/connector/records/A", as: nil, body: IntakeJSON.body { $0["category"] = "NOPE" }, headers: Self.headers()),
                .badRequest, "invalid", field: "category")
            try expectError(
                try await client.send(.get, "/api/v1/connector/changes?limit=0", as: nil, headers: Self.headers()),
                .badRequest, "invalid", field: "limit")
            try expectError(
                try await client.send(.post, "/api/v1/connector/batch", as: nil, body: #"{"records":[]}"#, headers: Self.headers()),
                .badRequest, "invalid", field: "records")
            #expect(try await client.send(.get, "/api/v1/connector/records/none", as: nil, headers: Self.headers()).status == .notFound)
        }
    }
}
