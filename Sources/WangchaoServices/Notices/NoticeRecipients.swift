import WangchaoCore
import WangchaoStore

/// Turns the audiences ``NoticePlanner`` names into enabled accounts: a unit's people, one
/// person, the dispatchers answering for an area at a tier, the author of an earlier step.
/// The actor is never told of their own action.
struct NoticeRecipients {
    let store: any CaseStore
    let categories: CategoryCatalog

    /// The notices a step sends.
    func deliveries(for transition: Transition, producing subject: Case) async throws -> [NoticeDelivery] {
        let categoryName = categories[subject.category]?.name ?? subject.category
        var deliveries: [NoticeDelivery] = []
        for draft in NoticePlanner.drafts(for: transition, producing: subject, categoryName: categoryName) {
            for username in try await usernames(of: draft.audience, caseId: subject.id) where username != transition.actor {
                deliveries.append(NoticeDelivery(username: username, kind: draft.kind, text: draft.text))
            }
        }
        return deliveries
    }

    /// The enabled users an audience stands for, ordered by name.
    func usernames(of audience: NoticePlanner.Audience, caseId: String) async throws -> [String] {
        switch audience {
        case .unit(let unitId):
            return try await store.members(ofUnit: unitId).filter { !$0.disabled }.map(\.username)
        case .user(let username):
            guard let user = try await store.user(username: username), !user.disabled else { return [] }
            return [user.username]
        case .authorOfVersion(let version):
            guard let author = try await store.history(caseId: caseId).first(where: { $0.version == version })?.actor,
                let user = try await store.user(username: author), !user.disabled
            else { return [] }
            return [user.username]
        case .dispatchers(let areaCode, let tier):
            return try await store.users(roles: NoticePlanner.Audience.dispatcherRoles(at: tier), coveringArea: areaCode)
                .map(\.username)
        }
    }

    /// Each decided step with the notices it sends.
    func steps(_ decided: [(case: Case, transition: Transition)]) async throws -> [CaseStep] {
        var steps: [CaseStep] = []
        for (subject, transition) in decided {
            steps.append(CaseStep(case: subject, transition: transition, notices: try await deliveries(for: transition, producing: subject)))
        }
        return steps
    }
}
