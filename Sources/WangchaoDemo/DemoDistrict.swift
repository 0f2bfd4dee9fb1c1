import WangchaoCore

/// `Unit` also names Foundation's unit of measure; in this module it is always WangchaoCore's.
typealias Unit = WangchaoCore.Unit

/// The demo district: 萧山区 with its 22 real towns and streets, 城厢街道 at full size,
/// boundaries that tile each parent exactly, the units that handle cases and the staff of each.
///
/// Everything is decided by the seed: building twice with one seed gives identical values.
///
/// ```swift
/// let district = try DemoDistrict.build(seed: DemoOptions.defaultSeed)
/// for area in district.areas { … }   // parents before children
/// ```
public struct DemoDistrict: Sendable {
    /// Every area, parents before children (breadth first), each with a polygon boundary.
    public let areas: [Area]
    /// Every unit: the command centre and departments, then per town its office and platforms,
    /// then communities and grid teams.
    public let units: [WangchaoCore.Unit]
    /// Every account, the fixed demo accounts among them.
    public let users: [User]
    /// The fixed demo accounts, in README order.
    public let demoUsers: [DemoUser]

    /// Builds the district for `seed`.
    ///
    /// - Throws: ``DemoError`` when the bundled area list is missing or malformed.
    public static func build(seed: UInt64) throws -> DemoDistrict {
        let list = try XiaoshanAreaList.bundled()
        var structure = SeededGenerator(seed: seed, stream: "areas")
        let plan = DistrictBuilder.plan(list, using: &structure)
        var shapes = SeededGenerator(seed: seed, stream: "boundaries")
        let boundaries = PolygonTiler.boundaries(for: plan, layout: .xiaoshan, using: &shapes)
        let areas = plan.levelOrder.map { area in
            Area(
                code: area.code, name: area.name, level: area.level,
                parentCode: area.level == .district ? nil : String(area.code.dropLast(3)),
                boundary: boundaries[area.code])
        }
        let units = UnitBuilder.units(for: areas)
        var people = SeededGenerator(seed: seed, stream: "staff")
        let users = StaffBuilder.users(for: units, using: &people)
        return DemoDistrict(areas: areas, units: units, users: users, demoUsers: demoUsers(users, areas: areas, units: units))
    }

    private static func demoUsers(_ users: [User], areas: [Area], units: [Unit]) -> [DemoUser] {
        let byName = Dictionary(uniqueKeysWithValues: users.map { ($0.username, $0) })
        let areasByCode = Dictionary(uniqueKeysWithValues: areas.map { ($0.code, $0) })
        let unitsById = Dictionary(uniqueKeysWithValues: units.map { ($0.id, $0) })
        return DemoUsers.usernames.map { username in
            let user = byName[username]!
            return DemoUser(
                username: username, role: user.role, scope: user.scope, displayName: user.displayName,
                scopeDescription: describe(user.scope, areas: areasByCode, units: unitsById))
        }
    }

    /// `萧山区（全区）` for the district, the town's name before a lower area's, a unit's name.
    private static func describe(_ scope: Scope, areas: [String: Area], units: [String: Unit]) -> String {
        switch scope {
        case .unit(let id):
            return units[id]?.name ?? id
        case .area(let code):
            guard let area = areas[code] else { return code }
            switch area.level {
            case .district: return "\(area.name)（全区）"
            case .town: return area.name
            default: return (areas[String(code.prefix(9))]?.name ?? "") + area.name
            }
        }
    }
}
