import Foundation
import WangchaoCore

/// The governance hierarchy, its units and their people: what routing, visibility and notices look up.
///
/// One of the store's concerns; ``CaseStore`` is all of them. Every write is durable before
/// it returns: callers answer success only after the call.
public protocol ReferenceStore: Sendable {
    /// Inserts or replaces areas; parents must come before (or with) their children.
    func saveAreas(_ areas: [Area]) async throws
    func area(code: String) async throws -> Area?
    /// The direct children of an area, ordered by code.
    func childAreas(of code: String) async throws -> [Area]
    /// Areas filtered by level and/or parent, ordered by code.
    func areas(level: AreaLevel?, parentCode: String?) async throws -> [Area]
    /// The root of the hierarchy (the district), if any area exists.
    func rootArea() async throws -> Area?

    func saveUnits(_ units: [WangchaoCore.Unit]) async throws
    func unit(id: String) async throws -> WangchaoCore.Unit?
    /// Units whose area lies in the subtree of `areaCode` (all units when `nil`), ordered by id.
    func units(within areaCode: String?) async throws -> [WangchaoCore.Unit]

    /// Inserts or updates users' details (name, role, scope, unit, disabled); passwords are untouched.
    func saveUsers(_ users: [User]) async throws
    func user(username: String) async throws -> User?

    // Look-ups the services layer needs to route, notify and reinforce.

    /// The area with this code without its boundary: what intake and routing look up on every
    /// request, where decoding a polygon would be waste.
    func areaWithoutBoundary(code: String) async throws -> Area?

    /// The units of `kind` belonging to exactly this area, ordered by id.
    func units(at areaCode: String, kind: WangchaoCore.Unit.Kind) async throws -> [WangchaoCore.Unit]
    /// The accounts acting for the unit (``User/unitId``), disabled ones included, ordered by username.
    func members(ofUnit unitId: String) async throws -> [User]
    /// The enabled accounts with one of `roles` whose area scope contains `areaCode` (a scope
    /// is an area code, and an area's ancestors are its code's prefixes), ordered by username.
    func users(roles: [Role], coveringArea areaCode: String) async throws -> [User]
    /// How many open cases are assigned to the person now.
    func openAssignedCount(username: String) async throws -> Int
}
