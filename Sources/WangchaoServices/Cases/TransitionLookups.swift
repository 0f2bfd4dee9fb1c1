import WangchaoCore
import WangchaoStore

/// What the lifecycle may look up while deciding a person's transition, read before it decides:
/// the unit the command names, the merge target (if the actor sees it), and which named
/// attachments the actor may see. A store error surfaces as itself, never as "does not exist".
struct TransitionLookups: Sendable {
    var units: [String: Unit] = [:]
    var cases: [String: Case] = [:]
    var attachments: Set<String> = []

    static func read(for input: TransitionInput, on subject: Case, by actor: User, from store: any CaseStore) async throws
        -> TransitionLookups
    {
        var lookups = TransitionLookups()
        switch input.command {
        case .dispatch(let unitId), .addCooperator(let unitId), .reinforce(let unitId):
            if let unit = try await store.unit(id: unitId) { lookups.units[unitId] = unit }
        case .merge(let targetId):
            if let target = try await store.getCase(id: targetId), Access.canSee(target, user: actor) {
                lookups.cases[targetId] = target
            }
        default: break
        }
        for id in Set(input.attachments) where try await store.visibleAttachment(id: id, to: actor.viewer) != nil {
            lookups.attachments.insert(id)
        }
        return lookups
    }

    func context(category: Category, sla: SLASettings, reinforcementUnit: String? = nil) -> TransitionContext {
        TransitionContext(
            unit: { units[$0] }, visibleCase: { cases[$0] }, visibleAttachment: { attachments.contains($0) },
            category: category, sla: sla, reinforcementUnit: { _ in reinforcementUnit })
    }
}
