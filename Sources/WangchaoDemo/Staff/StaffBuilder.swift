import WangchaoCore

/// The people of the demo district, one set per unit: a grid worker per grid, one or two staff
/// per community, two dispatchers per town, one or two handlers per department and platform,
/// and at the district two commanders, an administrator and an observer.
///
/// Usernames are derived from what the user works for (`gw<grid code>`, `cs<community code>-1`,
/// `td<town code>-2`, `dh-<unit id>-1`, `dc-2`), so they are stable across seeds; the slots of the
/// fixed demo accounts get their documented names instead (see ``DemoUsers``).
enum StaffBuilder {
    static func users(for units: [Unit], using rng: inout SeededGenerator) -> [User] {
        var users: [User] = []
        func add(_ username: String, _ role: Role, _ scope: Scope, unitId: String?) {
            let name = DemoUsers.username(forSlot: username) ?? username
            users.append(User(username: name, displayName: ChineseNames.random(using: &rng), role: role, scope: scope, unitId: unitId))
        }
        for unit in units {
            switch unit.kind {
            case .commandCenter:
                for number in 1...2 { add("dc-\(number)", .districtCommander, .area(unit.areaCode), unitId: unit.id) }
                add("admin-1", .admin, .area(unit.areaCode), unitId: nil)
                add("observer-1", .observer, .area(unit.areaCode), unitId: nil)
            case .department, .platform:
                for number in 1...rng.int(in: 1...2) { add("dh-\(unit.id)-\(number)", .departmentHandler, .unit(unit.id), unitId: unit.id) }
            case .townOffice:
                for number in 1...2 { add("td\(unit.areaCode)-\(number)", .townDispatcher, .area(unit.areaCode), unitId: unit.id) }
            case .community:
                for number in 1...rng.int(in: 1...2) { add("cs\(unit.areaCode)-\(number)", .communityStaff, .area(unit.areaCode), unitId: unit.id) }
            case .gridTeam:
                add("gw\(unit.areaCode)", .gridWorker, .area(unit.areaCode), unitId: unit.id)
            }
        }
        return users
    }
}
