import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
import WangchaoCore
import WangchaoGeo
import WangchaoServer
import WangchaoServices
import WangchaoStore
import WangchaoTesting

/// A server on a fresh fixture database with a clock that only moves when told to.
///
/// Every fixture user gets a bearer session minted straight in the store (token
/// ``testToken(_:)``), so `send(…, as: "gw")` costs no password hashing; the sign-in endpoints
/// are tested on their own with real, cheap scrypt parameters.
struct ServerFixture {
    let database: SQLiteFixture
    let clock: ManualClock
    let auth: AuthConfiguration
    /// The point → area index, when a test wants intakes located.
    var locator: AreaLocator?
    /// The domain settings the server runs with (a test kind: ``Fixtures/settingsWithErrand``).
    var settings: DomainSettings = .standard
    /// Short-lived live streams, so a test reading one gets its whole body quickly.
    var inboxStream = InboxStreamSettings(pollInterval: .milliseconds(20), lifetime: .milliseconds(300))

    var store: SQLiteStore { database.store }

    /// How long the minted test sessions last: past any clock move a test makes.
    static let testSessionLifetime: TimeInterval = 60 * 24 * 3600

    init(auth: AuthConfiguration = .forTests) async throws {
        database = try await SQLiteFixture()
        clock = ManualClock(Fixtures.now)
        self.auth = auth
        for user in Fixtures.users { try await mintTestSession(for: user.username) }
    }

    /// Runs `body` against the router, without a socket.
    func test(_ body: @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let dependencies = ServerDependencies(
            store: store, attachmentFiles: store.attachmentFiles, clock: clock, settings: settings, auth: auth,
            locator: locator, inboxStream: inboxStream)
        let app = Application(router: buildRouter(dependencies))
        try await app.test(.router) { client in try await body(client) }
    }

    /// Stores ``testToken(_:)`` of `username` as a bearer session.
    func mintTestSession(for username: String) async throws {
        try await store.createSession(
            Session(
                tokenHash: SessionToken.hash(testToken(username)), username: username, kind: .bearer,
                createdAt: Fixtures.now, expiresAt: Fixtures.now + Self.testSessionLifetime))
    }

    /// A fresh bearer token for `username`, for tests that revoke what they use.
    func mintToken(for username: String) async throws -> String {
        let token = SessionToken.generate()
        try await store.createSession(
            Session(
                tokenHash: SessionToken.hash(token), username: username, kind: .bearer, createdAt: clock.now(),
                expiresAt: clock.now() + 3600))
        return token
    }

    /// Gives `username` a password (cheap scrypt) and mints its test session again, which the
    /// password change ended.
    func setPassword(_ password: String, for username: String) async throws {
        let hash = try PasswordHasher(parameters: auth.passwordParameters).hashNow(password)
        try await store.setPasswordHash(hash, for: [username])
        try await mintTestSession(for: username)
    }
}

extension AuthConfiguration {
    /// The defaults, with scrypt cheap enough for tests.
    static var forTests: AuthConfiguration {
        var configuration = AuthConfiguration()
        configuration.passwordParameters = .cheapForTests
        return configuration
    }
}

/// The bearer token ``ServerFixture`` mints for `username`.
func testToken(_ username: String) -> String { "test-token-" + username }

let idempotencyHeader = HTTPField.Name("Idempotency-Key")!
let replayedHeader = HTTPField.Name("Idempotent-Replayed")!
let csrfHeader = HTTPField.Name("X-CSRF-Token")!

extension TestClientProtocol {
    /// Sends a request as `user` (a username, whose test bearer token goes in `Authorization`;
    /// `nil` sends no credentials) with an optional body, labelled `contentType` when there is one.
    func send(
        _ method: HTTPRequest.Method, _ uri: String, as user: String?, body: String? = nil,
        contentType: String? = "application/json", headers: HTTPFields = [:]
    ) async throws -> TestResponse {
        var fields = headers
        if let user { fields[.authorization] = "Bearer " + testToken(user) }
        if body != nil, let contentType { fields[.contentType] = contentType }
        return try await execute(uri: uri, method: method, headers: fields, body: body.map { ByteBuffer(string: $0) })
    }

    /// Sends a request with an explicit bearer token.
    func send(
        _ method: HTTPRequest.Method, _ uri: String, token: String, body: String? = nil,
        contentType: String? = "application/json"
    ) async throws -> TestResponse {
        var fields: HTTPFields = [.authorization: "Bearer " + token]
        if body != nil, let contentType { fields[.contentType] = contentType }
        return try await execute(uri: uri, method: method, headers: fields, body: body.map { ByteBuffer(string: $0) })
    }

    /// Applies a transition body (JSON text) as `user`.
    func transition(_ caseId: String, as user: String, _ body: String) async throws -> TestResponse {
        try await send(.post, "/api/v1/cases/\(caseId)/transitions", as: user, body: body)
    }
}

extension TestResponse {
    var data: Data { Data(body.readableBytesView) }

    func decode<T: Decodable>(_ type: T.Type = T.self) throws -> T {
        try APIJSON.makeDecoder().decode(T.self, from: data)
    }

    /// The body as a JSON object, for checks on presence and `null`.
    func object() throws -> [String: Any] {
        let value = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        return try #require(value as? [String: Any], "not a JSON object: \(String(decoding: data, as: UTF8.self))")
    }

    var text: String { String(decoding: data, as: UTF8.self) }
}

/// `{"error": {"code", "message", "field"}}`.
struct ErrorBody: Decodable {
    struct Detail: Decodable {
        let code: String
        let message: String
        let field: String?
    }
    let error: Detail
}

/// The detail view of a case: the case's own fields plus these.
struct CaseDetailExtras: Decodable {
    let history: [Transition]
    let allowedActions: [CaseAction]
}

struct PageBody: Decodable {
    let items: [Case]
    let nextCursor: String?
}

struct ItemsBody<Item: Decodable>: Decodable {
    let items: [Item]
}

struct AreaDetail: Decodable {
    let code: String
    let name: String
    let level: AreaLevel
    let parentCode: String?
    let boundary: Boundary?
    let children: [Area]
}

/// Checks an error answer: status, `error.code`, `error.field` (present, `null` when `field` is nil),
/// a non-empty message, and a JSON content type.
func expectError(
    _ response: TestResponse, _ status: HTTPResponse.Status, _ code: String, field: String?,
    sourceLocation: SourceLocation = #_sourceLocation
) throws {
    #expect(response.status == status, "status; body: \(response.text)", sourceLocation: sourceLocation)
    let body = try response.decode(ErrorBody.self)
    #expect(body.error.code == code, "error.code; body: \(response.text)", sourceLocation: sourceLocation)
    #expect(body.error.field == field, "error.field; body: \(response.text)", sourceLocation: sourceLocation)
    #expect(!body.error.message.isEmpty, sourceLocation: sourceLocation)
    let detail = try #require(try response.object()["error"] as? [String: Any], sourceLocation: sourceLocation)
    #expect(detail.keys.contains("field"), "error.field must always be present", sourceLocation: sourceLocation)
    #expect(
        response.headers[.contentType]?.hasPrefix("application/json") == true, "content type of an error",
        sourceLocation: sourceLocation)
}

/// Intake bodies as JSON text, built from a valid one.
enum IntakeJSON {
    static func valid() -> [String: Any] {
        [
            "category": "SR03",
            "description": "人行道被流动摊贩占用，行人只能走机动车道",
            "source": "hotline12345",
            "priority": "normal",
            "location": ["lat": 30.16, "lng": 120.26, "address": "萧山区城厢街道湘湖路100号"],
            "reporter": ["name": "市民甲", "phone": "13800000000", "anonymous": false],
            "attachments": [String](),
            "areaCode": Fixtures.grid,
        ]
    }

    static func body(_ modify: (inout [String: Any]) -> Void = { _ in }) -> String {
        var json = valid()
        modify(&json)
        let data = try! JSONSerialization.data(withJSONObject: json)
        return String(decoding: data, as: UTF8.self)
    }

    /// The valid body with one member of `location` replaced.
    static func location(_ key: String, _ value: Any) -> String {
        body { json in
            var location = json["location"] as! [String: Any]
            location[key] = value
            json["location"] = location
        }
    }
}

/// Percent-encodes a query value.
func query(_ value: String) -> String {
    var allowed = CharacterSet.urlQueryAllowed
    allowed.remove(charactersIn: "&=+,")
    return value.addingPercentEncoding(withAllowedCharacters: allowed)!
}

extension Case {
    /// The case as the API shows it: personal data masked.
    var asShown: Case {
        var shown = self
        shown.reporter = shown.reporter.masked
        return shown
    }
}
