import Foundation
import WangchaoCore
import WangchaoStore

extension StoreConformance {
    static let systemChecks: [Check] = [
        Check("systemsRegistryByKeyHash") { try await $0.systemsRegistryByKeyHash() }
    ]

    /// Systems are found by the hash of their key and by id, listed by id; a taken or invalid
    /// id is refused and changes nothing; disabling is kept and reported.
    public func systemsRegistryByKeyHash() async throws {
        let store = try await makeStore()
        let hotline = IntegrationSystem(id: "hotline-12345", name: "12345 热线平台", createdAt: Fixtures.now)
        let app = IntegrationSystem(id: "app-citizen", name: "群众上报 App", createdAt: Fixtures.now + 60)
        try await store.addSystem(hotline, apiKeyHash: "hash-hotline")
        try await store.addSystem(app, apiKeyHash: "hash-app")
        try expectEqual(try await store.system(apiKeyHash: "hash-hotline"), hotline, "system by its key hash")
        try expectEqual(try await store.system(apiKeyHash: "hash-app"), app, "the other system by its key hash")
        try expectEqual(try await store.system(apiKeyHash: "hash-unknown"), nil, "an unknown key")
        try expectEqual(try await store.system(id: "app-citizen"), app, "system by id")
        try expectEqual(try await store.listSystems().map(\.id), ["app-citizen", "hotline-12345"], "systems by id")

        try await expectError(.invalid, field: "id", "a taken id") {
            try await store.addSystem(IntegrationSystem(id: "hotline-12345", name: "另一个", createdAt: Fixtures.now), apiKeyHash: "hash-3")
        }
        try await expectError(.invalid, field: "id", "an id with spaces") {
            try await store.addSystem(IntegrationSystem(id: "bad id", name: "坏", createdAt: Fixtures.now), apiKeyHash: "hash-4")
        }
        try await expectError(.invalid, field: "name", "an empty name") {
            try await store.addSystem(IntegrationSystem(id: "noname", name: " ", createdAt: Fixtures.now), apiKeyHash: "hash-5")
        }
        try expectEqual(try await store.listSystems().count, 2, "refused systems are not stored")

        let disabled = try await store.setSystemDisabled(id: "hotline-12345", true)
        try expect(disabled.disabled, "the answer shows the system disabled")
        try expectEqual(try await store.system(apiKeyHash: "hash-hotline")?.disabled, true, "disabled is kept")
        try await expectError(.notFound, "disabling an unknown system") {
            _ = try await store.setSystemDisabled(id: "nobody", true)
        }
    }
}
