import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import WangchaoCore
import WangchaoServer
import WangchaoStore
import WangchaoTesting

/// `/api/v1/admin/users`: list, create, change, reset password.
@Suite("Admin user API")
struct AdminUserAPITests {
    struct UserBody: Decodable, Equatable {
        let username: String
        let displayName: String
        let role: Role
        let scope: String
        let unitId: String?
        let disabled: Bool
    }

    struct UserPage: Decodable {
        let items: [UserBody]
        let nextCursor: String?
    }

    @Test("the list pages through every account by username; no password hash is shown")
    func list() async throws {
        let fixture = try await ServerFixture()
        try await fixture.setPassword("a-long-password", for: "gw")
        try await fixture.test { client in
            var names: [String] = []
            var uri = "/api/v1/admin/users?limit=4"
            var pages = 0
            while true {
                let response = try await client.send(.get, uri, as: "admin")
                #expect(response.status == .ok, "\(response.text)")
                #expect(!response.text.contains("scrypt") && !response.text.lowercased().contains("password"))
                let page = try response.decode(UserPage.self)
                names += page.items.map(\.username)
                pages += 1
                guard let cursor = page.nextCursor else { break }
                uri = "/api/v1/admin/users?limit=4&cursor=\(cursor)"
            }
            #expect(names == Fixtures.users.map(\.username).sorted())
            #expect(pages == 3)
            let first = try await client.send(.get, "/api/v1/admin/users?limit=200", as: "admin").object()
            let item = try #require((first["items"] as? [[String: Any]])?.first { $0["username"] as? String == "td" })
            #expect(item["unitId"] is NSNull, "unitId is present, null when none")
            for bad in ["limit=0", "limit=201", "limit=x", "cursor=%25%25"] {
                try expectError(
                    try await client.send(.get, "/api/v1/admin/users?\(bad)", as: "admin"), .badRequest, "invalid",
                    field: String(bad.prefix { $0 != "=" }))
            }
        }
    }

    @Test("creating an account: 201, it can sign in; bad names, passwords, places and duplicates are refused by field")
    func create() async throws {
        let fixture = try await ServerFixture()
        try await fixture.test { client in
            let body = #"{"username": "gw9", "displayName": "钱网格", "role": "gridWorker", "scope": "\#(Fixtures.grid)", "unitId": "\#(Fixtures.gridTeam)", "password": "a-long-password"}"#
            let created = try await client.send(.post, "/api/v1/admin/users", as: "admin", body: body)
            #expect(created.status == .created, "\(created.text)")
            #expect(created.headers[.location] == "/api/v1/admin/users/gw9")
            #expect(
                try created.decode(UserBody.self)
                    == UserBody(
                        username: "gw9", displayName: "钱网格", role: .gridWorker, scope: Fixtures.grid,
                        unitId: Fixtures.gridTeam, disabled: false))
            let login = try await client.send(
                .post, "/api/v1/auth/token", as: nil, body: #"{"username": "gw9", "password": "a-long-password"}"#)
            #expect(login.status == .ok)

            try expectError(
                try await client.send(.post, "/api/v1/admin/users", as: "admin", body: body), .badRequest, "invalid",
                field: "username")
            let cases: [(String, String)] = [
                (#"{"username": "bad name", "role": "gridWorker", "scope": "330109", "password": "a-long-password"}"#, "username"),
                (#"{"username": "ok1", "role": "mayor", "scope": "330109", "password": "a-long-password"}"#, "role"),
                (#"{"username": "ok1", "role": "observer", "scope": "330109999", "password": "a-long-password"}"#, "scope"),
                (#"{"username": "ok1", "role": "observer", "scope": "dept-none", "password": "a-long-password"}"#, "scope"),
                (#"{"username": "ok1", "role": "observer", "scope": "330109", "unitId": "nope", "password": "a-long-password"}"#, "unitId"),
                (#"{"username": "ok1", "role": "observer", "scope": "330109", "password": "short"}"#, "password"),
                (#"{"username": "ok1", "role": "observer", "scope": "330109"}"#, "password"),
                (#"{"username": "ok1", "role": "observer", "scope": "330109", "password": "a-long-password", "displayName": "  "}"#, "displayName"),
            ]
            for (body, field) in cases {
                try expectError(
                    try await client.send(.post, "/api/v1/admin/users", as: "admin", body: body), .badRequest, "invalid",
                    field: field)
            }
            #expect(try await fixture.store.user(username: "ok1") == nil)
        }
    }

    @Test("changing role, scope, unit and disabled; a disabled account's sessions end; an admin cannot lock themself out")
    func update() async throws {
        let fixture = try await ServerFixture()
        try await fixture.test { client in
            let promoted = try await client.send(
                .patch, "/api/v1/admin/users/gw", as: "admin",
                body: #"{"role": "communityStaff", "scope": "\#(Fixtures.community)", "unitId": null, "displayName": "王社区"}"#)
            #expect(promoted.status == .ok, "\(promoted.text)")
            #expect(
                try promoted.decode(UserBody.self)
                    == UserBody(
                        username: "gw", displayName: "王社区", role: .communityStaff, scope: Fixtures.community,
                        unitId: nil, disabled: false))
            // The change applies to the next request of the same token.
            let filed = try await fixture.store.fileCase(Fixtures.intake(areaCode: Fixtures.community), by: Fixtures.communityStaff)
            #expect(try await client.send(.get, "/api/v1/cases/\(filed.id)", as: "gw").status == .ok)

            let disabled = try await client.send(.patch, "/api/v1/admin/users/gw", as: "admin", body: #"{"disabled": true}"#)
            #expect(disabled.status == .ok)
            #expect(try await client.send(.get, "/api/v1/cases", as: "gw").status == .unauthorized)
            #expect(try await fixture.store.user(username: "gw")?.disabled == true)

            try expectError(
                try await client.send(.patch, "/api/v1/admin/users/admin", as: "admin", body: #"{"disabled": true}"#),
                .forbidden, "forbidden", field: nil)
            try expectError(
                try await client.send(.patch, "/api/v1/admin/users/admin", as: "admin", body: #"{"role": "observer"}"#),
                .forbidden, "forbidden", field: nil)
            try expectError(
                try await client.send(.patch, "/api/v1/admin/users/nobody", as: "admin", body: #"{"disabled": true}"#),
                .notFound, "notFound", field: nil)
            try expectError(
                try await client.send(.patch, "/api/v1/admin/users/td", as: "admin", body: #"{"scope": "330109999"}"#),
                .badRequest, "invalid", field: "scope")
            #expect(try await fixture.store.user(username: "td") == Fixtures.dispatcher, "a refused change changes nothing")
        }
    }

    @Test("resetting a password: 204, the new one signs in, policy enforced")
    func resetPassword() async throws {
        let fixture = try await ServerFixture()
        try await fixture.test { client in
            try expectError(
                try await client.send(.post, "/api/v1/admin/users/cs/password", as: "admin", body: #"{"password": "short"}"#),
                .badRequest, "invalid", field: "password")
            let reset = try await client.send(
                .post, "/api/v1/admin/users/cs/password", as: "admin", body: #"{"password": "a-brand-new-one"}"#)
            #expect(reset.status == .noContent)
            let login = try await client.send(
                .post, "/api/v1/auth/token", as: nil, body: #"{"username": "cs", "password": "a-brand-new-one"}"#)
            #expect(login.status == .ok)
            try expectError(
                try await client.send(.post, "/api/v1/admin/users/nobody/password", as: "admin", body: #"{"password": "a-brand-new-one"}"#),
                .notFound, "notFound", field: nil)
        }
    }
}
