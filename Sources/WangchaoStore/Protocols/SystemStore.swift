import Foundation
import WangchaoCore

/// Systems connected by api_key (hotline, 110 linkage, city management …).
///
/// One of the store's concerns; ``CaseStore`` is all of them. Every write is durable before
/// it returns: callers answer success only after the call.
public protocol SystemStore: Sendable {
    /// Registers a system with the SHA-256 of its api_key.
    /// - Throws: ``DomainError`` `invalid` (field `id`) when the id is taken; nothing changes.
    func addSystem(_ system: IntegrationSystem, apiKeyHash: String) async throws
    /// The system whose api_key hashes to `apiKeyHash`, disabled or not; `nil` for an unknown key.
    func system(apiKeyHash: String) async throws -> IntegrationSystem?
    func system(id: String) async throws -> IntegrationSystem?
    /// Every system, ordered by id.
    func listSystems() async throws -> [IntegrationSystem]
    /// Enables or disables a system; returns it as it is now.
    /// - Throws: ``DomainError`` `notFound` for an unknown id.
    func setSystemDisabled(id: String, _ disabled: Bool) async throws -> IntegrationSystem
}
