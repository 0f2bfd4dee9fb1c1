import Foundation

/// The routing rules as data (分流规则): rules in precedence order, the first that matches a case
/// decides its target; when none matches, the default policy does (see ``RoutingEngine``).
///
/// Kept as versions: each accepted file becomes the next ``version`` and the newest is active.
public struct RoutingRuleSet: Sendable, Equatable, Codable {
    /// Given by the store when the set is saved; `0` for a file not stored yet.
    public var version: Int
    /// A title for people, e.g. `萧山区分流规则`.
    public var name: String?
    /// Words in a description that mark a matter spanning towns (跨镇街), which the default
    /// policy sends to the district.
    public var spanningKeywords: [String]
    /// In precedence order: the first matching rule wins.
    public var rules: [RoutingRule]

    public static let defaultSpanningKeywords = ["跨镇街", "多个镇街", "跨街道", "多个街道"]

    public init(version: Int = 0, name: String? = nil, spanningKeywords: [String] = defaultSpanningKeywords, rules: [RoutingRule]) {
        self.version = version
        self.name = name
        self.spanningKeywords = spanningKeywords
        self.rules = rules
    }

    private enum CodingKeys: String, CodingKey { case version, name, spanningKeywords, rules }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        version = try c.decodeIfPresent(Int.self, forKey: .version) ?? 0
        name = try c.decodeIfPresent(String.self, forKey: .name)
        spanningKeywords = try c.decodeIfPresent([String].self, forKey: .spanningKeywords) ?? Self.defaultSpanningKeywords
        rules = try c.decode([RoutingRule].self, forKey: .rules)
    }

    /// The rule set shipped with Wangchao (`routing-rules.json`), not yet validated against a
    /// district's areas and units.
    public static func bundledData() -> Data {
        guard let url = Bundle.module.url(forResource: "routing-rules", withExtension: "json"),
            let data = try? Data(contentsOf: url)
        else { fatalError("routing-rules.json is missing from the WangchaoCore bundle") }
        return data
    }
}

/// One rule: when every given condition holds, the case goes to the target.
public struct RoutingRule: Sendable, Equatable, Codable {
    /// Stable and unique in the set; named in every decision it makes. `default` and `manual`
    /// are reserved.
    public var id: String
    /// What the rule is for, in Chinese.
    public var name: String?
    public var conditions: RoutingConditions
    public var target: RoutingTarget

    public init(id: String, name: String? = nil, conditions: RoutingConditions = .init(), target: RoutingTarget) {
        self.id = id
        self.name = name
        self.conditions = conditions
        self.target = target
    }

    private enum CodingKeys: String, CodingKey { case id, name, conditions, target }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        name = try c.decodeIfPresent(String.self, forKey: .name)
        conditions = try c.decodeIfPresent(RoutingConditions.self, forKey: .conditions) ?? .init()
        target = try c.decode(RoutingTarget.self, forKey: .target)
    }
}

/// What a rule asks of a case. Each present list must have a member that fits (any of them);
/// all present lists must fit (all of them). An absent list asks nothing.
public struct RoutingConditions: Sendable, Equatable, Codable {
    /// Category codes, e.g. `AQ01`.
    public var categories: [String]?
    /// Area codes: the case's area lies in one of their subtrees.
    public var areas: [String]?
    public var sources: [SourceChannel]?
    public var priorities: [Priority]?
    /// Words, one of which the description contains.
    public var keywords: [String]?
    /// Wall-clock ranges in Asia/Shanghai.
    public var timeOfDay: [TimeOfDayRange]?

    public init(
        categories: [String]? = nil, areas: [String]? = nil, sources: [SourceChannel]? = nil, priorities: [Priority]? = nil,
        keywords: [String]? = nil, timeOfDay: [TimeOfDayRange]? = nil
    ) {
        self.categories = categories
        self.areas = areas
        self.sources = sources
        self.priorities = priorities
        self.keywords = keywords
        self.timeOfDay = timeOfDay
    }
}

/// Where a rule sends a case: a tier, and optionally one unit or the platform to pick at that tier.
public struct RoutingTarget: Sendable, Equatable, Codable {
    public var tier: Tier
    /// A fixed unit; it must work at ``tier``.
    public var unitId: String?
    /// The platform (or district department's platform) to use instead of the category's.
    public var platform: Platform?

    public init(tier: Tier, unitId: String? = nil, platform: Platform? = nil) {
        self.tier = tier
        self.unitId = unitId
        self.platform = platform
    }
}

extension Unit.Kind {
    /// The tier a unit of this kind works at.
    public var tier: Tier {
        switch self {
        case .gridTeam: .grid
        case .community: .community
        case .townOffice, .platform: .town
        case .department, .commandCenter: .district
        }
    }
}
