import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Testing
import WangchaoCore
import WangchaoServer
import WangchaoStore
import WangchaoTesting

/// Security headers, size limits, strict JSON and error bodies that give nothing away.
@Suite("Hardening")
struct HardeningTests {
    @Test("every answer carries the security headers: JSON, HTML, CSS, errors, 404s")
    func securityHeaders() async throws {
        let fixture = try await ServerFixture()
        try await fixture.test { client in
            let responses = [
                try await client.send(.get, "/api/v1/healthz", as: nil),
                try await client.send(.get, "/api/v1/cases", as: "dc"),
                try await client.send(.get, "/api/v1/cases", as: nil),
                try await client.send(.get, "/api/v1/nowhere", as: "dc"),
                try await client.send(.post, "/api/v1/cases", as: "ob", body: "{}"),
                try await client.send(.get, "/login", as: nil),
                try await client.send(.get, "/assets/login.css", as: nil),
                try await client.send(.get, "/metrics", as: nil),
            ]
            for response in responses {
                let csp = response.headers[.contentSecurityPolicy] ?? ""
                #expect(csp.contains("default-src 'self'"), "\(response.status)")
                #expect(csp.contains("frame-ancestors 'none'"))
                #expect(response.headers[.xContentTypeOptions] == "nosniff")
                #expect(response.headers[HTTPField.Name("X-Frame-Options")!] == "DENY")
                #expect(response.headers[HTTPField.Name("Referrer-Policy")!] == "no-referrer")
                #expect(response.headers[.cacheControl] != nil)
            }
            #expect(responses[0].headers[.cacheControl] == "no-store")
        }
    }

    @Test("an unforeseen error is a generic 500: no type, no SQL, no stack in the body, the detail in the log")
    func unforeseenErrors() async throws {
        struct LeakyError: Error, CustomStringConvertible {
            var description: String { "SQLite error 19: UNIQUE constraint failed - while executing `SELECT password_hash FROM users`" }
        }
        let recorder = LogRecorder()
        let router = Router(context: WangchaoRequestContext.self)
        router.add(middleware: SecurityHeadersMiddleware())
        router.add(middleware: ErrorMiddleware())
        router.get("boom") { _, _ -> Response in throw LeakyError() }
        let app = Application(router: router, logger: Logger(label: "test") { _ in recorder })
        try await app.test(.router) { client in
            let response = try await client.execute(uri: "/boom", method: .get)
            #expect(response.status == .internalServerError)
            let body = try response.decode(ErrorBody.self)
            #expect(body.error.code == "internal")
            #expect(body.error.message == "服务器内部错误，请稍后重试")
            for leak in ["SELECT", "SQLite", "LeakyError", "password_hash", "users"] {
                #expect(!response.text.contains(leak), "\(leak) in \(response.text)")
            }
            #expect(response.headers[.xContentTypeOptions] == "nosniff")
        }
        #expect(recorder.messages.contains { $0.contains("password_hash") }, "the detail is logged: \(recorder.messages)")
    }

    @Test("a body over 256 KiB is 413 before it is read whole")
    func bodySizeLimit() async throws {
        let fixture = try await ServerFixture()
        try await fixture.test { client in
            let huge = IntakeJSON.body { $0["description"] = String(repeating: "堵", count: 100_000) }
            try expectError(
                try await client.send(.post, "/api/v1/cases", as: "gw", body: huge), .contentTooLarge, "tooLarge",
                field: nil)
            let hugeLogin = #"{"username": "td", "password": ""# + String(repeating: "x", count: 300_000) + #""}"#
            try expectError(
                try await client.send(.post, "/api/v1/auth/token", as: nil, body: hugeLogin), .contentTooLarge,
                "tooLarge", field: nil)
        }
    }

    @Test("unknown top-level fields are refused by name: intake, transitions (per action), admin bodies")
    func strictJSON() async throws {
        let fixture = try await ServerFixture()
        let subject = try await fixture.store.fileCase()
        try await fixture.test { client in
            try expectError(
                try await client.send(
                    .post, "/api/v1/cases", as: "gw", body: IntakeJSON.body { $0["priorty"] = "urgent" }),
                .badRequest, "invalid", field: "priorty")
            // Every documented intake field is accepted.
            #expect(try await client.send(.post, "/api/v1/cases", as: "gw", body: IntakeJSON.body()).status == .created)
            try expectError(
                try await client.transition(subject.id, as: "td", #"{"action": "accept", "version": 1, "unitId": "x"}"#),
                .badRequest, "invalid", field: "unitId")
            try expectError(
                try await client.transition(subject.id, as: "td", #"{"action": "accept", "version": 1, "verison": 2}"#),
                .badRequest, "invalid", field: "verison")
            #expect(
                try await client.transition(subject.id, as: "td", #"{"action": "accept", "version": 1, "note": "受理"}"#)
                    .status == .ok)
            let dispatch = try await client.transition(
                subject.id, as: "td",
                #"{"action": "dispatch", "version": 2, "unitId": "\#(Fixtures.gridTeam)", "attachments": []}"#)
            #expect(dispatch.status == .ok, "\(dispatch.text)")
            try expectError(
                try await client.send(.patch, "/api/v1/admin/users/gw", as: "admin", body: #"{"isAdmin": true}"#),
                .badRequest, "invalid", field: "isAdmin")
        }
    }
}

/// Collects log messages with their metadata, for checks that details reach the log.
final class LogRecorder: LogHandler, @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [String] = []
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    var messages: [String] { lock.withLock { recorded } }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let text = "\(event.message) \(event.metadata ?? [:])"
        lock.withLock { recorded.append(text) }
    }
}
