import Foundation
import HTTPTypes
import WangchaoCore
import WangchaoServices
import WangchaoStore

/// The credential of an integrating system: a random secret shown once, stored as its SHA-256
/// (like session tokens), presented as Open311's `api_key` parameter or an `X-API-Key` header.
public enum APIKey {
    /// A fresh key, `wck_` and 43 URL-safe characters.
    public static func generate() -> String { "wck_" + SessionToken.generate() }

    /// The stored form of `key`.
    public static func hash(_ key: String) -> String { SessionToken.hash(key) }

    /// The demo's Open311 client, with a fixed key printed in the README's Open311 tour.
    public static let demoSystemId = "demo-open311"
    public static let demoKey = "wangchao-demo-open311"

    /// The enabled system holding `key`, or `nil` (unknown, disabled, absent or absurdly long).
    public static func system(presenting key: String?, in store: any CaseStore) async throws -> IntegrationSystem? {
        guard let key, !key.isEmpty, key.count <= SessionToken.maxLength else { return nil }
        guard let system = try await store.system(apiKeyHash: hash(key)), !system.disabled else { return nil }
        return system
    }
}

extension HTTPField.Name {
    /// Where connectors present their system's api_key.
    static let apiKey = HTTPField.Name("X-API-Key")!
}
