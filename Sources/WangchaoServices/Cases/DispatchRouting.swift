import Foundation
import WangchaoCore
import WangchaoStore

/// What a decided transition becomes once routing has had its say, as steps to record in order:
/// - an acceptance, when a rule set is active, is followed by the dispatch the rules decide,
///   made by `system` and carrying the explanation;
/// - a dispatcher's dispatch is a manual override: it is explained as such, and the person
///   inside the chosen unit is still assigned;
/// - anything that takes the case from its unit (return, escalation) clears the assignee.
struct DispatchRouting {
    let store: any CaseStore

    var directory: StoreDirectory { StoreDirectory(store: store) }

    func route(
        _ decided: (case: Case, transition: Transition), from previous: Case, by actor: User, at now: Date,
        context: TransitionContext, lookups: TransitionLookups
    ) async throws -> [(case: Case, transition: Transition)] {
        var (updated, transition) = decided
        switch transition.payload {
        case .dispatch(let unitId)?:
            guard let unit = lookups.units[unitId] else { return [(updated, transition)] }
            let version = try await store.activeRoutingRules()?.version
            let decision = try await RoutingEngine.manual(
                unit: unit, for: updated, by: actor, ruleSetVersion: version, at: now, directory: directory)
            updated.assignee = decision.assignee
            updated.routing = decision
            transition.explanation = decision
            return [(updated, transition)]
        case .accept?:
            guard let rules = try await store.activeRoutingRules() else { return [(updated, transition)] }
            let decision = try await RoutingEngine(ruleSet: rules.ruleSet).decide(
                for: updated, category: context.category, at: now, directory: directory)
            updated.routing = decision
            guard let unitId = decision.unitId, let unit = try await store.unit(id: unitId) else { return [(updated, transition)] }
            var withUnit = lookups
            withUnit.units[unitId] = unit
            var (dispatched, row) = try Lifecycle.applySystem(
                .dispatch(unitId: unitId), to: updated, at: now, note: nil,
                context: withUnit.context(category: context.category, sla: context.sla))
            dispatched.tier = decision.tier
            dispatched.assignee = decision.assignee
            row.explanation = decision
            return [(updated, transition), (dispatched, row)]
        default:
            if updated.assignedUnitId != previous.assignedUnitId { updated.assignee = nil }
            return [(updated, transition)]
        }
    }
}
