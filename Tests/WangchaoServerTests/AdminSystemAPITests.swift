import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing
import WangchaoCore
import WangchaoStore
import WangchaoTesting

@testable import WangchaoServer

/// The registry of integrating systems: a key shown once that Open311 accepts until disabled.
@Suite struct AdminSystemAPITests {
    @Test("an administrator registers a system; its key files Open311 requests until the system is disabled")
    func registerUseDisable() async throws {
        let server = try await ServerFixture()
        try await server.test { client in
            let created = try await client.send(.post, "/api/v1/admin/systems", as: "admin", body: #"{"id":"hotline-12345","name":"12345 热线平台"}"#)
            #expect(created.status == .created, "\(created.text)")
            let object = try created.object()
            let key = try #require(object["apiKey"] as? String)
            #expect(key.hasPrefix("wck_") && key.count > 40)
            #expect(try await server.store.system(id: "hotline-12345")?.name == "12345 热线平台")

            let listed = try await client.send(.get, "/api/v1/admin/systems", as: "admin")
            #expect(!listed.text.contains(key), "the key is shown once, at creation")
            #expect(listed.text.contains("hotline-12345"))

            let form = "api_key=\(key)&service_code=QT99&lat=30.16&long=120.26&description=%E5%85%B6%E4%BB%96"
            let filed = try await Open311APITests.post(client, form)
            #expect(filed.status == .created, "\(filed.text)")

            let disabled = try await client.send(.patch, "/api/v1/admin/systems/hotline-12345", as: "admin", body: #"{"disabled":true}"#)
            #expect(disabled.status == .ok)
            #expect(try disabled.object()["disabled"] as? Bool == true)
            try Open311APITests.expectOpen311Error(try await Open311APITests.post(client, form), .forbidden)

            try expectError(
                try await client.send(.post, "/api/v1/admin/systems", as: "admin", body: #"{"id":"hotline-12345"}"#),
                .badRequest, "invalid", field: "id")
            try expectError(
                try await client.send(.post, "/api/v1/admin/systems", as: "admin", body: #"{"id":"bad id"}"#),
                .badRequest, "invalid", field: "id")
            try expectError(
                try await client.send(.post, "/api/v1/admin/systems", as: "admin", body: #"{"id":"x","key":"mine"}"#),
                .badRequest, "invalid", field: "key")
            try expectError(
                try await client.send(.get, "/api/v1/admin/systems/nobody", as: "admin"), .notFound, "notFound", field: nil)
            #expect(try await client.send(.get, "/api/v1/admin/systems", as: "dc").status == .forbidden)
        }
    }
}
