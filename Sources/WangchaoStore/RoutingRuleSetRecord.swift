import Foundation
import WangchaoCore

/// A stored version of the routing rules: the file as written and the set it holds.
public struct RoutingRuleSetRecord: Sendable, Equatable, Codable {
    public var version: Int
    public var savedBy: String
    public var savedAt: Date
    /// The file as the administrator wrote it (comments of layout kept, line numbers meaningful).
    public var source: String
    public var ruleSet: RoutingRuleSet

    public init(version: Int, savedBy: String, savedAt: Date, source: String, ruleSet: RoutingRuleSet) {
        self.version = version
        self.savedBy = savedBy
        self.savedAt = savedAt
        self.source = source
        self.ruleSet = ruleSet
    }

    public var summary: RoutingRuleSetSummary {
        RoutingRuleSetSummary(version: version, savedBy: savedBy, savedAt: savedAt, name: ruleSet.name, ruleCount: ruleSet.rules.count)
    }
}

/// One line of the version list.
public struct RoutingRuleSetSummary: Sendable, Equatable, Codable {
    public var version: Int
    public var savedBy: String
    public var savedAt: Date
    public var name: String?
    public var ruleCount: Int

    public init(version: Int, savedBy: String, savedAt: Date, name: String?, ruleCount: Int) {
        self.version = version
        self.savedBy = savedBy
        self.savedAt = savedAt
        self.name = name
        self.ruleCount = ruleCount
    }
}

extension RoutingRuleSetRecord: AuditTarget {
    public var auditTarget: String { "routing-rules/v\(version)" }
}
