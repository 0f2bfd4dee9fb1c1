import Foundation
import WangchaoCore
import WangchaoTesting

/// The fixture district in memory for routing, with what the store fixture lacks: a micro-grid,
/// the town's governance platform, the command centre and a second enforcement handler.
final class RoutingTestDirectory: RoutingDirectory {
    static let microGrid = Fixtures.grid + "001"
    static let governancePlatform = "platform-\(Fixtures.town)-governance"
    static let commandCenter = "district-\(Fixtures.district)"

    var areas: [Area] = Fixtures.areas.map { area in
        var bare = area
        bare.boundary = nil
        return bare
    } + [Area(code: microGrid, name: "第一微网格", level: .microGrid, parentCode: Fixtures.grid)]
    var allUnits: [WangchaoCore.Unit] = Fixtures.units + [
        .init(id: governancePlatform, name: "城厢街道综治工作平台", kind: .platform, areaCode: Fixtures.town, platform: .governance),
        .init(id: commandCenter, name: "萧山区社会治理中心", kind: .commandCenter, areaCode: Fixtures.district),
    ]
    var users: [User] = Fixtures.users + [
        User(username: "dh2", displayName: "夜执法", role: .departmentHandler, scope: .unit(Fixtures.enforcementPlatform), unitId: Fixtures.enforcementPlatform)
    ]
    var rosters: [String: DutyRoster] = [:]
    var load: [String: Int] = [:]

    func area(_ code: String) -> Area? { areas.first { $0.code == code } }
    func units(at areaCode: String, kind: WangchaoCore.Unit.Kind) -> [WangchaoCore.Unit] {
        allUnits.filter { $0.areaCode == areaCode && $0.kind == kind }.sorted { $0.id < $1.id }
    }
    func unit(_ id: String) -> WangchaoCore.Unit? { allUnits.first { $0.id == id } }
    func members(of unitId: String) -> [User] { users.filter { $0.unitId == unitId }.sorted { $0.username < $1.username } }
    func roster(of unitId: String) -> DutyRoster? { rosters[unitId] }
    func openAssignedCount(_ username: String) -> Int { load[username] ?? 0 }

    /// References for rule files: the fixture's categories, areas and units.
    var references: RoutingRuleFile.References {
        .init(categories: .bundled, areaExists: { [areas] code in areas.contains { $0.code == code } }, unit: { [allUnits] id in allUnits.first { $0.id == id } })
    }

    /// A case in `areaCode`, accepted.
    static func subject(
        category: String = "SR03", description: String = "人行道被流动摊贩占用", source: SourceChannel = .hotline12345,
        priority: Priority = .normal, areaCode: String = microGrid
    ) -> Case {
        var subject = Fixtures.intake(category: category, description: description, source: source, priority: priority, areaCode: areaCode)
            .makeCase(id: "c1", number: "XS-1", trackingCode: "ABCDEFGH", areaCode: areaCode, category: CategoryCatalog.bundled[category]!, at: Fixtures.now)
        subject.state = .accepted
        return subject
    }

    /// 2026-11-24 (a Tuesday) at `hour`:`minute` in China.
    static func china(_ hour: Int, _ minute: Int = 0, dayOffset: Int = 0) -> Date {
        Fixtures.now - 10 * 3600 + TimeInterval(hour * 3600 + minute * 60 + dayOffset * 86_400)
    }
}
