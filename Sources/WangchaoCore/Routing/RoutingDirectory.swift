/// What routing looks up while deciding, supplied by the caller (the services layer from the
/// store's reads, tests and the benchmark from memory), so the decision itself stays pure.
public protocol RoutingDirectory {
    /// The area with this code (its boundary is not needed).
    func area(_ code: String) async throws -> Area?
    /// The units of `kind` belonging to exactly this area, ordered by id.
    func units(at areaCode: String, kind: Unit.Kind) async throws -> [Unit]
    func unit(_ id: String) async throws -> Unit?
    /// The accounts acting for the unit (`User.unitId`), ordered by username.
    func members(of unitId: String) async throws -> [User]
    /// The unit's duty roster, if one was stored.
    func roster(of unitId: String) async throws -> DutyRoster?
    /// How many open cases are assigned to the person now: the load that assignment evens out.
    func openAssignedCount(_ username: String) async throws -> Int
}

extension RoutingDirectory {
    /// The area and its ancestors, lowest first; empty when the code is unknown.
    public func chain(from code: String) async throws -> [Area] {
        var chain: [Area] = []
        var next: String? = code
        while let code = next, chain.count < 10, let area = try await area(code) {
            chain.append(area)
            next = area.parentCode
        }
        return chain
    }
}
