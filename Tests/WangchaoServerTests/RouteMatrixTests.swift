import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import WangchaoCore
import WangchaoStore
import WangchaoTesting

@testable import WangchaoServer

/// Every route of the table, called by every role (and by nobody, and by a disabled account):
/// the expected answer is computed from the route's rule and the case's visibility, so a new
/// route is walked without a line here, and a route whose rule is wrong fails.
@Suite("Role × route matrix")
struct RouteMatrixTests {
    /// What a caller must get from a route.
    enum Outcome: Equatable, CustomStringConvertible {
        case allowed, notFound, forbidden, unauthenticated
        /// A web page asked for without a session: 303 to the sign-in form.
        case toSignIn

        var description: String {
            switch self {
            case .allowed: "allowed"
            case .toSignIn: "303 to /login"
            case .notFound: "404"
            case .forbidden: "403"
            case .unauthenticated: "401"
            }
        }

        init(_ status: HTTPResponse.Status, location: String? = nil) {
            if status == .seeOther, location?.hasPrefix("/login") == true {
                self = .toSignIn
                return
            }
            switch status {
            case .unauthorized: self = .unauthenticated
            case .forbidden: self = .forbidden
            case .notFound: self = .notFound
            default: self = .allowed
            }
        }
    }

    /// Values for path parameters; a route with a parameter not listed here fails the test, so
    /// whoever adds one says what to call it with.
    static func samples(_ subject: Case, for route: Route) -> [String: String] {
        // An attachment is seen by whoever sees a case naming it: the subject names this one.
        let id = route.path.hasPrefix("/api/v1/attachments/") ? Self.photoId : subject.id
        return [
            "id": id, "code": Fixtures.town, "username": Fixtures.otherGridWorker.username, "number": subject.number,
            "system": Self.systemId, "format": "json", "service": "SS01.json", "request": "\(subject.number).json",
            "token": "\(subject.id).json", "recordId": "matrix-record", "unitId": Fixtures.enforcementPlatform,
            "delivery": "1",
        ]
    }

    static let photoId = "matrix-photo"
    static let systemId = "matrix-system"

    /// Files the subject case, naming a photo (bytes on disk) uploaded by its grid worker.
    static func fileSubject(_ fixture: ServerFixture) async throws -> Case {
        let photo: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0] + Array(repeating: 0x20, count: 32)
        let sha256 = try await fixture.store.attachmentFiles.store(Data(photo))
        try await fixture.store.saveAttachment(
            WangchaoCore.Attachment(
                id: photoId, sha256: sha256, contentType: .jpeg, size: photo.count,
                uploadedBy: Fixtures.gridWorker.username, createdAt: Fixtures.now))
        try await fixture.store.addSystem(
            IntegrationSystem(id: systemId, name: "矩阵测试系统", createdAt: Fixtures.now), apiKeyHash: "matrix-key-hash")
        // Subscribed, so its webhook reads; the subject's `case.created` becomes dead letter 1 below.
        try await fixture.store.saveWebhookSubscription(
            WebhookSubscription(
                systemId: systemId, url: "http://127.0.0.1:9/hook", events: [.caseCreated], secret: "matrix-webhook-secret",
                updatedAt: Fixtures.now))
        // Filed through Open311, so the Open311 reads show it too.
        var intake = Fixtures.intake(source: .open311)
        intake.attachments = [photoId]
        let subject = try await fixture.store.fileCase(intake)
        try await fixture.store.recordWebhookAttempt(seq: 1, .failed(reason: "matrix", retryAt: nil), at: Fixtures.now)
        return subject
    }

    /// The rule's verdict, then visibility for routes about one case.
    static func expected(_ route: Route, caller: User?, subject: Case) -> Outcome {
        guard route.access.needsCredentials else { return .allowed }
        guard let caller, !caller.disabled else { return route.isPage ? .toSignIn : .unauthenticated }
        // Routes for integrating systems take an api_key, never a person's session.
        if route.access == .system { return .unauthenticated }
        guard route.access.admits(caller.role) else { return .forbidden }
        if route.parameters.contains("id"), !Access.canSee(subject, user: caller) { return .notFound }
        return .allowed
    }

    @Test("each route answers each role as its access rule and the case's visibility say")
    func matrix() async throws {
        let fixture = try await ServerFixture()
        // A case in the first grid: seen by its grid, community, town and the district roles;
        // not by the other grid or town, nor by the enforcement platform it never reached.
        let subject = try await Self.fileSubject(fixture)
        // Routing rules exist, so that reading them answers 200.
        _ = try await fixture.store.saveRoutingRules(Data(StoreConformance.fixtureRules.utf8), by: "admin", at: Fixtures.now)
        let table = RouteTable(
            ServerDependencies(
                store: fixture.store, attachmentFiles: fixture.store.attachmentFiles, clock: fixture.clock,
                auth: fixture.auth))
        let callers: [User?] = [nil] + Fixtures.users
        #expect(Set(Fixtures.users.map(\.role)) == Set(Role.allCases), "every role is a caller")

        try await fixture.test { client in
            for route in table.routes {
                let samples = Self.samples(subject, for: route)
                var uri = route.path
                for name in route.parameters {
                    let value = try #require(samples[name], "no sample value for {\(name)} in \(route)")
                    uri = uri.replacingOccurrences(of: "{\(name)}", with: value)
                }
                for caller in callers {
                    var headers: HTTPFields = [:]
                    if let caller {
                        // Routes that end the caller's session get a throwaway one.
                        let token =
                            route.access == .ownSession
                            ? try await fixture.mintToken(for: caller.username) : testToken(caller.username)
                        headers[.authorization] = "Bearer " + token
                    }
                    var body: ByteBuffer?
                    if !route.isRead {
                        headers[.contentType] = "application/json"
                        body = ByteBuffer(string: "{}")
                    }
                    let response = try await client.execute(uri: uri, method: route.method, headers: headers, body: body)
                    let expected = Self.expected(route, caller: caller, subject: subject)
                    let actual = Outcome(response.status, location: route.isPage ? response.headers[.location] : nil)
                    #expect(
                        actual == expected,
                        "\(route) as \(caller?.username ?? "nobody"): expected \(expected), got \(response.status.code) \(response.text.prefix(200))"
                    )
                    if expected == .allowed {
                        #expect(response.status.code < 500, "\(route) as \(caller?.username ?? "nobody"): \(response.text)")
                    }
                }
            }
        }
        // The matrix exercises every kind of answer, or it proves little.
        var seen: [Outcome: Int] = [:]
        for route in table.routes {
            for caller in callers { seen[Self.expected(route, caller: caller, subject: subject), default: 0] += 1 }
        }
        for outcome in [Outcome.allowed, .notFound, .forbidden, .unauthenticated, .toSignIn] {
            #expect((seen[outcome] ?? 0) > 0, "no route × role pair expected \(outcome)")
        }
    }

    @Test("the table is fit to serve: no duplicates, public routes only where issue 5 allows")
    func tableIsFit() async throws {
        let fixture = try await ServerFixture()
        let table = RouteTable(ServerDependencies(store: fixture.store, attachmentFiles: fixture.store.attachmentFiles))
        #expect(table.problems == [])
        let publicRoutes = Set(table.routes.filter { $0.access == .public }.map(\.description))
        #expect(
            publicRoutes.isSuperset(of: [
                "GET /api/v1/healthz", "GET /metrics", "GET /login", "POST /login", "GET /assets/login.css",
                "POST /api/v1/auth/token",
            ]))
        for route in table.routes where route.access == .public {
            #expect(PublicRoutes.permits(route), "\(route)")
        }
    }

    @Test("the observer never writes: no non-GET route admits it, except ending its own session")
    func observerNeverWrites() async throws {
        let fixture = try await ServerFixture()
        let table = RouteTable(ServerDependencies(store: fixture.store, attachmentFiles: fixture.store.attachmentFiles))
        for route in table.routes where !route.isRead && route.access.needsCredentials && route.access != .ownSession {
            #expect(!route.access.admits(.observer), "\(route) admits the observer")
        }
    }

    @Test("admin routes admit the administrator alone")
    func adminRoutes() async throws {
        let fixture = try await ServerFixture()
        let table = RouteTable(ServerDependencies(store: fixture.store, attachmentFiles: fixture.store.attachmentFiles))
        let adminRoutes = table.routes.filter { $0.path.hasPrefix("/api/v1/admin/") || $0.path == "/api/v1/admin" }
        #expect(adminRoutes.count >= 5)
        for route in adminRoutes {
            #expect(route.access == .adminOnly, "\(route)")
        }
    }

    @Test("a public route outside the permitted list is reported; so is a route declared twice")
    func problemsAreFound() {
        let handler: Route.Handler = { _, _ in Response(status: .ok) }
        let table = RouteTable(routes: [
            Route(.get, "/api/v1/cases/{id}/secret", .public, handler),
            Route(.get, "/api/v1/track/{number}", .public, handler),
            Route(.get, "/api/v1/areas", .anyRole, handler),
            Route(.get, "/api/v1/areas", .adminOnly, handler),
            Route(.post, "/api/v1/track/{number}/rating", .public, handler),
            Route(.delete, "/api/v1/track/{number}", .public, handler),
        ])
        #expect(
            table.problems == [
                "GET /api/v1/cases/{id}/secret is public but not in PublicRoutes.permitted",
                "GET /api/v1/areas is declared twice",
                "DELETE /api/v1/track/{number} is public but not in PublicRoutes.permitted",
            ])
    }

    @Test("an address not in the table is 404, with or without credentials")
    func unknownRoutes() async throws {
        let fixture = try await ServerFixture()
        try await fixture.test { client in
            for caller in [nil, "dc"] as [String?] {
                try expectError(
                    try await client.send(.get, "/api/v1/secrets", as: caller), .notFound, "notFound", field: nil)
                try expectError(
                    try await client.send(.delete, "/api/v1/cases", as: caller), .notFound, "notFound", field: nil)
            }
        }
    }
}
