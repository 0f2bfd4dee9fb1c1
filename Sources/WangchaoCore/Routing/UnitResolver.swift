/// Finds the unit for a tier from the case's area chain: the grid team of the grid holding the
/// area; the community's unit; the town's platform for the matter's platform, else the town
/// office; the district department of that platform, else the command centre. When the chain
/// has no unit at the tier asked for (a case known only to its town has no grid), the next tier
/// up is tried, and the decision says so.
public enum UnitResolver {
    public struct Resolution: Sendable, Equatable {
        public var unit: Unit?
        public var tier: Tier
        /// One entry per tier skipped.
        public var raised: [MatchedCondition]
    }

    public static func resolve(tier: Tier, chain: [Area], platform: Platform, directory: some RoutingDirectory) async throws
        -> Resolution
    {
        var tier = tier
        var raised: [MatchedCondition] = []
        while true {
            if let unit = try await unit(at: tier, chain: chain, platform: platform, directory: directory) {
                return Resolution(unit: unit, tier: tier, raised: raised)
            }
            guard let parent = tier.parent else { return Resolution(unit: nil, tier: tier, raised: raised) }
            raised.append(
                MatchedCondition(
                    kind: .tierRaised, values: [tier.rawValue, parent.rawValue],
                    text: "案件区域在\(tier.chineseName)层级无可派单位，上移至\(parent.chineseName)"))
            tier = parent
        }
    }

    static func unit(at tier: Tier, chain: [Area], platform: Platform, directory: some RoutingDirectory) async throws -> Unit? {
        func area(_ level: AreaLevel) -> Area? { chain.first { $0.level == level } }
        switch tier {
        case .grid:
            guard let grid = area(.grid) else { return nil }
            return try await directory.units(at: grid.code, kind: .gridTeam).first
        case .community:
            guard let community = area(.community) else { return nil }
            return try await directory.units(at: community.code, kind: .community).first
        case .town:
            guard let town = area(.town) else { return nil }
            if let unit = try await directory.units(at: town.code, kind: .platform).first(where: { $0.platform == platform }) {
                return unit
            }
            return try await directory.units(at: town.code, kind: .townOffice).first
        case .district:
            guard let district = area(.district) else { return nil }
            if let unit = try await directory.units(at: district.code, kind: .department).first(where: { $0.platform == platform }) {
                return unit
            }
            return try await directory.units(at: district.code, kind: .commandCenter).first
        }
    }
}
