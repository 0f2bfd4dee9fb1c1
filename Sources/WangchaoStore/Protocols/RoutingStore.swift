import Foundation
import WangchaoCore

/// Versioned routing rule files and duty rosters.
///
/// One of the store's concerns; ``CaseStore`` is all of them. Every write is durable before
/// it returns: callers answer success only after the call.
public protocol RoutingStore: Sendable {
    /// Checks a routing rule file (syntax, fields, categories, areas, units) and stores it as the
    /// next version, which becomes active at once; earlier versions are kept.
    /// - Throws: ``RoutingRuleFileError`` naming the field and line; nothing is stored then.
    func saveRoutingRules(_ file: Data, by actor: String, at now: Date) async throws -> RoutingRuleSetRecord
    /// The newest stored version; `nil` before any (then acceptance does not dispatch by itself).
    func activeRoutingRules() async throws -> RoutingRuleSetRecord?
    func routingRules(version: Int) async throws -> RoutingRuleSetRecord?
    /// Every stored version, newest first.
    func routingRuleVersions() async throws -> [RoutingRuleSetSummary]
    /// Replaces a unit's duty roster; its shifts must name the unit's active handlers.
    /// - Throws: ``DomainError`` `notFound` for an unknown unit, `invalid` naming the shift field.
    func saveRoster(_ roster: DutyRoster) async throws
    /// The unit's roster (no shifts when none was stored); `nil` for an unknown unit.
    func roster(unitId: String) async throws -> DutyRoster?
}
