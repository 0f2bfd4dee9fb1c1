import WangchaoCore
import WangchaoStore

/// Routing's look-ups answered by the store's reads: what ``RoutingEngine`` and the
/// reinforcement rule consult while the services layer decides, before anything is written.
struct StoreDirectory: RoutingDirectory {
    let store: any CaseStore

    func area(_ code: String) async throws -> Area? { try await store.areaWithoutBoundary(code: code) }
    func units(at areaCode: String, kind: Unit.Kind) async throws -> [Unit] { try await store.units(at: areaCode, kind: kind) }
    func unit(_ id: String) async throws -> Unit? { try await store.unit(id: id) }
    func members(of unitId: String) async throws -> [User] { try await store.members(ofUnit: unitId) }
    func roster(of unitId: String) async throws -> DutyRoster? { try await store.roster(unitId: unitId) }
    func openAssignedCount(_ username: String) async throws -> Int { try await store.openAssignedCount(username: username) }
}
