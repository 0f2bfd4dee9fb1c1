import Foundation
import WangchaoCore
@testable import WangchaoDemo

/// Shared, built once: the documented demo district, a fixed "now", and the default run of
/// 40,000 cases (a few seconds in a debug build).
enum Fixtures {
    static let district = try! DemoDistrict.build(seed: DemoOptions.defaultSeed)
    /// 2026-11-24 05:20 UTC, 13:20 in China: mid-afternoon, so recent cases are in progress.
    static let now = Date(timeIntervalSince1970: 1_795_497_600)
    static let defaultOptions = DemoOptions(now: now)
    static let defaultRun = Array(CaseGenerator(district: district, options: defaultOptions))

    static let areasByCode = Dictionary(uniqueKeysWithValues: district.areas.map { ($0.code, $0) })
    static let usersByName = Dictionary(uniqueKeysWithValues: district.users.map { ($0.username, $0) })
    static let unitsById = Dictionary(uniqueKeysWithValues: district.units.map { ($0.id, $0) })

    static func children(of code: String) -> [Area] {
        childrenByParent[code] ?? []
    }

    private static let childrenByParent = Dictionary(grouping: district.areas.filter { $0.parentCode != nil }) { $0.parentCode! }

    /// The exterior ring of an area's polygon.
    static func ring(_ area: Area) -> [Boundary.Position] {
        guard case .polygon(let rings)? = area.boundary else { return [] }
        return rings.first ?? []
    }
}
