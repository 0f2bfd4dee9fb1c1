import Foundation
import WangchaoCore
import WangchaoDemo

/// Routing decisions per second on the demo district: generated intakes through the whole
/// ``RoutingEngine`` (bundled rules, default policy, unit resolution, assignment by roster and
/// load), with every look-up served from memory as a cache in front of the store would.
enum RoutingBench {
    static func run(seed: UInt64, intakes: Int) async throws {
        let clock = ContinuousClock()
        let district = try DemoDistrict.build(seed: seed)
        let directory = MemoryDirectory(district)
        let catalog = CategoryCatalog.bundled
        let ruleSet = try RoutingRuleFile.parse(
            RoutingRuleSet.bundledData(),
            references: .init(
                categories: catalog, areaExists: { directory.areas[$0] != nil }, unit: { directory.unitsById[$0] }))
        let engine = RoutingEngine(ruleSet: ruleSet)
        let microGrids = district.areas.filter { $0.level == .microGrid }.map(\.code)
        let texts = ["路边有人占道摆摊", "楼道里电动车飞线充电", "闻到燃气味，疑似泄漏", "饭店聚餐后多人呕吐，怀疑食物中毒", "两个街道交界处的河道污染", "邻居装修噪音"]
        var rng = SplitMix(seed: seed)
        let start = Date(timeIntervalSince1970: 1_795_485_600)
        let cases: [(Case, Category)] = (0..<intakes).map { index in
            let category = catalog.categories[rng.next(catalog.categories.count)]
            let at = start + TimeInterval(rng.next(7 * 86_400))
            let subject = Case(
                id: "bench-\(index)", number: "XS-\(index)", trackingCode: "", source: SourceChannel.allCases[rng.next(SourceChannel.allCases.count)],
                category: category.code, description: texts[rng.next(texts.count)], location: Location(lat: 30.16, lng: 120.26, address: ""),
                reporter: Reporter(name: "", phone: nil), attachments: [], priority: rng.next(5) == 0 ? .urgent : .normal, state: .accepted,
                areaCode: rng.next(50) == 0 ? district.areas[0].code : microGrids[rng.next(microGrids.count)], tier: category.tier, version: 2,
                createdAt: at, updatedAt: at)
            return (subject, category)
        }
        var byRule: [String: Int] = [:]
        var assigned = 0
        let started = clock.now
        do {
            for (subject, category) in cases {
                let decision = try await engine.decide(for: subject, category: category, at: subject.createdAt, directory: directory)
                byRule[decision.ruleId, default: 0] += 1
                if let assignee = decision.assignee {
                    assigned += 1
                    directory.load[assignee, default: 0] += 1
                }
            }
        }
        let elapsed = clock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        let perSecond = Double(intakes) / seconds
        Console.line(
            "路由决策（演示区 \(microGrids.count) 个微网格，\(ruleSet.rules.count) 条规则，含单位解析与值班/负载分派）："
                + "\(Int(perSecond)) 次/秒（\(String(format: "%.2f", 1e6 / perSecond)) µs/次，\(intakes) 件，已分派到人 \(assigned) 件）")
        Console.line("  命中：" + byRule.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: "，"))
    }

    private struct SplitMix {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
    }

    /// The district in dictionaries; the load moves as the benchmark assigns.
    private final class MemoryDirectory: RoutingDirectory {
        let areas: [String: Area]
        let unitsById: [String: WangchaoCore.Unit]
        let unitsByPlace: [String: [WangchaoCore.Unit]]
        let members: [String: [User]]
        let rosters: [String: DutyRoster]
        var load: [String: Int] = [:]

        init(_ district: DemoDistrict) {
            areas = Dictionary(uniqueKeysWithValues: district.areas.map { area in
                var bare = area
                bare.boundary = nil
                return (area.code, bare)
            })
            unitsById = Dictionary(uniqueKeysWithValues: district.units.map { ($0.id, $0) })
            unitsByPlace = Dictionary(grouping: district.units.sorted { $0.id < $1.id }) { "\($0.areaCode)/\($0.kind.rawValue)" }
            members = Dictionary(grouping: district.users.filter { $0.unitId != nil }.sorted { $0.username < $1.username }) { $0.unitId! }
            rosters = Dictionary(uniqueKeysWithValues: DutyRosterBuilder.rosters(units: district.units, users: district.users).map { ($0.unitId, $0) })
        }

        func area(_ code: String) -> Area? { areas[code] }
        func units(at areaCode: String, kind: WangchaoCore.Unit.Kind) -> [WangchaoCore.Unit] { unitsByPlace["\(areaCode)/\(kind.rawValue)"] ?? [] }
        func unit(_ id: String) -> WangchaoCore.Unit? { unitsById[id] }
        func members(of unitId: String) -> [User] { members[unitId] ?? [] }
        func roster(of unitId: String) -> DutyRoster? { rosters[unitId] }
        func openAssignedCount(_ username: String) -> Int { load[username] ?? 0 }
    }
}
