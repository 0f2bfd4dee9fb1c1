/// Why a case went where it went: the rule (or the default policy, or a person), what matched,
/// the tier and unit, and who in the unit got it. Stored on the dispatch transition and as the
/// case's last decision, and shown by the API.
public struct RoutingDecision: Sendable, Equatable, Codable {
    /// The active rule set's version when decided; `nil` when no set was stored (manual dispatch).
    public var ruleSetVersion: Int?
    /// The matching rule's id, ``defaultRuleId`` or ``manualRuleId``.
    public var ruleId: String
    /// The conditions that held, in the order they were checked.
    public var matched: [MatchedCondition]
    public var tier: Tier
    /// `nil` when no unit could be found (the case waits for a dispatcher).
    public var unitId: String?
    /// The person in the unit the case is assigned to; `nil`: the unit picks it up.
    public var assignee: String?
    /// How the assignee was chosen, in Chinese.
    public var assignment: String
    /// The whole explanation in one Chinese sentence.
    public var summary: String
    /// For a manual dispatch: who chose the unit.
    public var manualBy: String?

    public static let defaultRuleId = "default"
    public static let manualRuleId = "manual"

    public init(
        ruleSetVersion: Int?, ruleId: String, matched: [MatchedCondition], tier: Tier, unitId: String?, assignee: String?,
        assignment: String, summary: String, manualBy: String? = nil
    ) {
        self.ruleSetVersion = ruleSetVersion
        self.ruleId = ruleId
        self.matched = matched
        self.tier = tier
        self.unitId = unitId
        self.assignee = assignee
        self.assignment = assignment
        self.summary = summary
        self.manualBy = manualBy
    }
}

/// One condition that held (or one default that applied), structured and in words.
public struct MatchedCondition: Sendable, Equatable, Codable {
    /// What was checked.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case category, area, source, priority, keyword, timeOfDay
        /// Default policy: the category's lowest tier (小事不出网格).
        case categoryTier
        /// Default policy: a major category goes to the town at least (大事不出镇街).
        case major
        /// Default policy: a matter spanning towns goes to the district.
        case spanning
        /// The unit could not be found at the tier asked for; the next tier up was used.
        case tierRaised
    }

    public var kind: Kind
    /// The values that matched, e.g. the category code or the keyword found.
    public var values: [String]
    public var text: String

    public init(kind: Kind, values: [String], text: String) {
        self.kind = kind
        self.values = values
        self.text = text
    }
}
