import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// Drives cases through the HTTP API as the bench district's users would.
struct LifecycleDriver: Sendable {
    let client: HTTPClient
    let baseURL: String
    /// Bearer token per username.
    let tokens: [String: String]
    let latencies = LatencyRecorder()

    /// The lifecycle walked for every case: who acts, and the body.
    static let steps: [(name: String, user: String, body: [String: any Sendable])] = [
        ("accept", BenchDistrict.dispatcher, [:]),
        ("dispatch", BenchDistrict.dispatcher, ["unitId": BenchDistrict.gridTeam]),
        ("sign", BenchDistrict.gridWorker, [:]),
        ("arrive", BenchDistrict.gridWorker, [:]),
        ("handle", BenchDistrict.gridWorker, ["result": "已劝离摊贩，恢复通行"]),
        ("verify", BenchDistrict.dispatcher, ["pass": true]),
        ("close", BenchDistrict.dispatcher, [:]),
        ("rate", BenchDistrict.dispatcher, ["satisfaction": 5, "via": "callback"]),
    ]

    /// Files case number `index` as the grid worker; returns its id.
    func fileCase(_ index: Int) async throws -> String {
        let body: [String: Any] = [
            "category": "SR03", "description": "基准测试案件 \(index)：人行道被流动摊贩占用", "source": "gridPatrol",
            "location": ["lat": 30.16, "lng": 120.26, "address": "萧山区城厢街道湘湖路\(index % 500 + 1)号"],
            "areaCode": BenchDistrict.grid,
        ]
        let answer = try await send("POST", "/cases", body, as: BenchDistrict.gridWorker, operation: "intake", expect: 201)
        guard let id = answer["id"] as? String else { throw BenchError("intake answered without id") }
        return id
    }

    /// Walks one case from `reported` to `rated`.
    func walkLifecycle(_ id: String) async throws {
        var version = 1
        for step in Self.steps {
            var body: [String: Any] = step.body
            body["action"] = step.name
            body["version"] = version
            let answer = try await send("POST", "/cases/\(id)/transitions", body, as: step.user, operation: step.name, expect: 200)
            guard let next = answer["version"] as? Int else { throw BenchError("\(step.name) answered without version") }
            version = next
        }
    }

    private func send(
        _ method: String, _ path: String, _ body: [String: Any], as user: String, operation: String, expect: Int
    ) async throws -> [String: Any] {
        var request = HTTPClientRequest(url: baseURL + path)
        request.method = .RAW(value: method)
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: "Authorization", value: "Bearer " + (tokens[user] ?? ""))
        request.body = .bytes(ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: body)))
        let start = ContinuousClock.now
        let response = try await client.execute(request, timeout: .seconds(60))
        let bytes = try await response.body.collect(upTo: 4 << 20)
        await latencies.record(operation, ContinuousClock.now - start)
        guard Int(response.status.code) == expect else {
            throw BenchError("\(operation) answered \(response.status.code): \(String(buffer: bytes))")
        }
        return (try JSONSerialization.jsonObject(with: Data(bytes.readableBytesView))) as? [String: Any] ?? [:]
    }
}

struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
