import WangchaoCore
import WangchaoStore

/// Repeat candidates as one viewer may see them.
///
/// A candidate is shown (with its current state) only when the viewer may see that case
/// (``Access/canSee(_:user:)``). Others are only counted in `hiddenRepeatCandidates`, and not
/// even counted when the caller is their only link: the count would tell whether a phone number
/// reported something outside the viewer's sight.
struct VisibleRepeatCandidates: Sendable, Equatable {
    var shown: [RepeatCandidate]
    var hidden: Int

    static let none = VisibleRepeatCandidates(shown: [], hidden: 0)
}

/// Filters candidates for one viewer, fetching each candidate case once per request.
struct RepeatVisibility {
    let store: any CaseStore
    let viewer: User
    private var fetched: [String: Case?] = [:]

    init(store: any CaseStore, viewer: User) {
        self.store = store
        self.viewer = viewer
    }

    mutating func filter(_ candidates: [RepeatCandidate]) async throws -> VisibleRepeatCandidates {
        var result = VisibleRepeatCandidates.none
        for var candidate in candidates {
            let current: Case?
            if let known = fetched[candidate.caseId] {
                current = known
            } else {
                current = try await store.getCase(id: candidate.caseId)
                fetched[candidate.caseId] = current
            }
            if let current, Access.canSee(current, user: viewer) {
                candidate.state = current.state
                result.shown.append(candidate)
            } else if candidate.reasons.contains(where: { $0 != .sameCaller }) {
                result.hidden += 1
            }
        }
        return result
    }
}
