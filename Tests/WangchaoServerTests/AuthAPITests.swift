import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import WangchaoCore
import WangchaoServices
import WangchaoServer
import WangchaoStore
import WangchaoTesting

/// `POST /api/v1/auth/token` and `DELETE /api/v1/auth/token`, with real (cheap) scrypt.
@Suite("Bearer tokens")
struct AuthAPITests {
    static let password = "correct-horse-battery"

    func login(_ client: some TestClientProtocol, _ username: String, _ password: String, address: String? = nil)
        async throws -> TestResponse
    {
        let body = try JSONSerialization.data(withJSONObject: ["username": username, "password": password])
        var headers: HTTPFields = [:]
        if let address { headers[HTTPField.Name("X-Forwarded-For")!] = address }
        return try await client.send(
            .post, "/api/v1/auth/token", as: nil, body: String(decoding: body, as: UTF8.self), headers: headers)
    }

    struct TokenBody: Decodable {
        struct UserBody: Decodable, Equatable {
            let username: String
            let role: Role
            let scope: Scope
        }
        let token: String
        let expiresAt: Date
        let user: UserBody
    }

    @Test("a right password gets a token with its expiry and user; the token opens the API")
    func issue() async throws {
        let fixture = try await ServerFixture()
        try await fixture.setPassword(Self.password, for: "td")
        try await fixture.test { client in
            let response = try await login(client, "td", Self.password)
            #expect(response.status == .ok, "\(response.text)")
            #expect(response.headers[.cacheControl] == "no-store")
            let object = try response.object()
            #expect(Set(object.keys) == ["token", "expiresAt", "user"])
            #expect(Set((object["user"] as? [String: Any] ?? [:]).keys) == ["username", "role", "scope"])
            let body = try response.decode(TokenBody.self)
            #expect(body.token.count == 43)
            #expect(body.expiresAt == Fixtures.now + 12 * 3600)
            #expect(body.user == .init(username: "td", role: .townDispatcher, scope: .area(Fixtures.town)))
            #expect(try await client.send(.get, "/api/v1/cases", token: body.token).status == .ok)
            #expect(try await client.send(.get, "/api/v1/cases", as: nil).status == .unauthorized)
        }
        // Only the token's hash is kept.
        let kept = try await fixture.store.credentials(username: "td")
        #expect(kept?.passwordHash?.hasPrefix("$scrypt$") == true)
    }

    @Test("a wrong password, an unknown user and a user without password get the same 401")
    func sameRefusal() async throws {
        let fixture = try await ServerFixture()
        try await fixture.setPassword(Self.password, for: "td")
        try await fixture.test { client in
            let wrong = try await login(client, "td", "not-the-password")
            let unknown = try await login(client, "nobody", "not-the-password")
            let noPassword = try await login(client, "cs", "not-the-password")
            for response in [wrong, unknown, noPassword] {
                try expectError(response, .unauthorized, "unauthenticated", field: nil)
                #expect(response.text == wrong.text)
                #expect(response.headers[.wwwAuthenticate] == wrong.headers[.wwwAuthenticate])
            }
        }
    }

    @Test("a disabled user cannot sign in, even with the right password")
    func disabledUser() async throws {
        let fixture = try await ServerFixture()
        try await fixture.setPassword(Self.password, for: "gone")
        try await fixture.test { client in
            let response = try await login(client, "gone", Self.password)
            try expectError(response, .unauthorized, "unauthenticated", field: nil)
            #expect(response.text == (try await login(client, "nobody", Self.password)).text)
        }
    }

    @Test("a revoked token stops working at once; other tokens of the user go on")
    func revoke() async throws {
        let fixture = try await ServerFixture()
        try await fixture.setPassword(Self.password, for: "td")
        try await fixture.test { client in
            let token = try await login(client, "td", Self.password).decode(TokenBody.self).token
            let other = try await login(client, "td", Self.password).decode(TokenBody.self).token
            #expect(try await client.send(.get, "/api/v1/cases", token: token).status == .ok)
            #expect(try await client.send(.delete, "/api/v1/auth/token", token: token).status == .noContent)
            try expectError(
                try await client.send(.get, "/api/v1/cases", token: token), .unauthorized, "unauthenticated", field: nil)
            #expect(try await client.send(.delete, "/api/v1/auth/token", token: token).status == .unauthorized)
            #expect(try await client.send(.get, "/api/v1/cases", token: other).status == .ok)
        }
    }

    @Test("a token expires after 12 hours (configurable)")
    func expiry() async throws {
        let fixture = try await ServerFixture()
        try await fixture.setPassword(Self.password, for: "td")
        try await fixture.test { client in
            let token = try await login(client, "td", Self.password).decode(TokenBody.self).token
            fixture.clock.advance(by: 12 * 3600 - 1)
            #expect(try await client.send(.get, "/api/v1/cases", token: token).status == .ok)
            fixture.clock.advance(by: 1)
            try expectError(
                try await client.send(.get, "/api/v1/cases", token: token), .unauthorized, "unauthenticated", field: nil)
        }
        var short = AuthConfiguration.forTests
        short.tokenLifetime = 600
        let configured = try await ServerFixture(auth: short)
        try await configured.setPassword(Self.password, for: "td")
        try await configured.test { client in
            let body = try await login(client, "td", Self.password).decode(TokenBody.self)
            #expect(body.expiresAt == Fixtures.now + 600)
        }
    }

    @Test("changing a password or disabling the account ends its tokens")
    func passwordChangeAndDisable() async throws {
        let fixture = try await ServerFixture()
        try await fixture.setPassword(Self.password, for: "td")
        try await fixture.setPassword(Self.password, for: "td2")
        try await fixture.test { client in
            let td = try await login(client, "td", Self.password).decode(TokenBody.self).token
            let td2 = try await login(client, "td2", Self.password).decode(TokenBody.self).token
            let reset = try await client.send(
                .post, "/api/v1/admin/users/td/password", as: "admin", body: #"{"password": "another-long-one"}"#)
            #expect(reset.status == .noContent, "\(reset.text)")
            #expect(try await client.send(.get, "/api/v1/cases", token: td).status == .unauthorized)
            #expect(try await login(client, "td", Self.password).status == .unauthorized)
            #expect(try await login(client, "td", "another-long-one").status == .ok)

            let disable = try await client.send(
                .patch, "/api/v1/admin/users/td2", as: "admin", body: #"{"disabled": true}"#)
            #expect(disable.status == .ok, "\(disable.text)")
            #expect(try await client.send(.get, "/api/v1/cases", token: td2).status == .unauthorized)
        }
    }

    @Test("brute force: the sixth failure in 15 minutes is 429 with Retry-After, even with the right password, until the window passes")
    func throttledPerAccount() async throws {
        let fixture = try await ServerFixture()
        try await fixture.setPassword(Self.password, for: "td")
        try await fixture.test { client in
            for attempt in 1...5 {
                fixture.clock.advance(by: 10)
                try expectError(
                    try await login(client, "td", "guess-\(attempt)"), .unauthorized, "unauthenticated", field: nil)
            }
            let throttled = try await login(client, "td", Self.password)
            try expectError(throttled, .tooManyRequests, "rateLimited", field: nil)
            // The first failure was at +10 s, now is +50 s: free again at +910 s.
            #expect(throttled.headers[.retryAfter] == "860")
            #expect(try await login(client, "td2", "whatever-it-is").status == .unauthorized, "other accounts go on")

            fixture.clock.advance(by: 859)
            #expect(try await login(client, "td", Self.password).status == .tooManyRequests)
            fixture.clock.advance(by: 1)
            #expect(try await login(client, "td", Self.password).status == .ok)
        }
    }

    @Test("one address failing on many accounts is throttled after 20, other addresses are not")
    func throttledPerAddress() async throws {
        var auth = AuthConfiguration.forTests
        auth.trustForwardedFor = true
        let fixture = try await ServerFixture(auth: auth)
        try await fixture.setPassword(Self.password, for: "td")
        try await fixture.test { client in
            for index in 0..<20 {
                #expect(try await login(client, "user\(index)", "guess", address: "203.0.113.9").status == .unauthorized)
            }
            let throttled = try await login(client, "td", Self.password, address: "10.1.1.1, 203.0.113.9")
            try expectError(throttled, .tooManyRequests, "rateLimited", field: nil)
            #expect(throttled.headers[.retryAfter] == "900")
            #expect(try await login(client, "td", Self.password, address: "203.0.113.10").status == .ok)
        }
    }

    @Test("without trust in a proxy, X-Forwarded-For does not buy fresh addresses")
    func forwardedForIgnoredByDefault() async throws {
        var auth = AuthConfiguration.forTests
        auth.throttlePerAddress = .init(failures: 3, window: 900)
        let fixture = try await ServerFixture(auth: auth)
        try await fixture.test { client in
            for index in 0..<3 {
                _ = try await login(client, "user\(index)", "guess", address: "198.51.100.\(index)")
            }
            #expect(try await login(client, "user9", "guess", address: "198.51.100.99").status == .tooManyRequests)
        }
    }

    @Test("an old hash is raised to the configured cost at sign-in")
    func rehashOnSignIn() async throws {
        let fixture = try await ServerFixture()
        let weak = try PasswordHasher(parameters: .init(logN: 2, r: 1, p: 1)).hashNow(Self.password)
        try await fixture.store.setPasswordHash(weak, for: ["td"])
        try await fixture.test { client in
            let response = try await login(client, "td", Self.password)
            #expect(response.status == .ok)
        }
        let stored = try #require(try await fixture.store.credentials(username: "td")?.passwordHash)
        #expect(stored.hasPrefix("$scrypt$ln=4,r=1,p=1$"))
        #expect(await PasswordHasher(parameters: .cheapForTests).verify(Self.password, against: stored))
    }

    @Test("the old X-Wangchao-User header names nobody any more")
    func headerSchemeRemoved() async throws {
        let fixture = try await ServerFixture()
        try await fixture.test { client in
            let response = try await client.send(
                .get, "/api/v1/cases", as: nil, headers: [HTTPField.Name("X-Wangchao-User")!: "dc"])
            try expectError(response, .unauthorized, "unauthenticated", field: nil)
        }
    }

    @Test("malformed credentials: 401 without a hint of why; bodies checked field by field")
    func malformed() async throws {
        let fixture = try await ServerFixture()
        try await fixture.test { client in
            for header in ["Basic Z3c6eA==", "Bearer", "Bearer ", "bearer " + String(repeating: "x", count: 300)] {
                let response = try await client.execute(
                    uri: "/api/v1/cases", method: .get, headers: [.authorization: header])
                try expectError(response, .unauthorized, "unauthenticated", field: nil)
            }
            try expectError(
                try await client.send(.post, "/api/v1/auth/token", as: nil, body: #"{"username": "td"}"#), .badRequest,
                "invalid", field: "password")
            try expectError(
                try await client.send(
                    .post, "/api/v1/auth/token", as: nil, body: #"{"username": "td", "password": "x", "remember": true}"#),
                .badRequest, "invalid", field: "remember")
            try expectError(
                try await client.send(.post, "/api/v1/auth/token", as: nil, body: #"{"username": "", "password": "x"}"#),
                .badRequest, "invalid", field: "username")
        }
    }

    @Test("a cookie session's secret does not work as a bearer token")
    func kindsDoNotMix() async throws {
        let fixture = try await ServerFixture()
        try await fixture.store.createSession(
            Session(
                tokenHash: SessionToken.hash("cookie-secret"), username: "dc", kind: .cookie, csrfToken: "c",
                createdAt: Fixtures.now, expiresAt: Fixtures.now + 3600))
        try await fixture.test { client in
            let response = try await client.send(.get, "/api/v1/cases", token: "cookie-secret")
            #expect(response.status == .unauthorized)
        }
    }
}
