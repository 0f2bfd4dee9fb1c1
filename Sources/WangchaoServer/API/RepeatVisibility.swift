import WangchaoCore
import WangchaoStore

/// Repeat candidates as one viewer may see them.
///
/// On a case's detail (`GET /cases/{id}`) each candidate is read: it is shown, with its current
/// state, when the viewer may see that case (``Access/canSee(_:user:)``). Elsewhere (lists,
/// intake and transition answers, the repeat check) no case is read: a candidate is shown, with
/// its state when the check ran, when the viewer sees the whole district or the candidate's
/// area lies in the viewer's area scope; one seen only through a unit stays hidden there.
/// Hidden candidates are only counted in `hiddenRepeatCandidates`, and not even counted when the
/// caller is their only link: the count would tell whether a phone number reported something
/// outside the viewer's sight.
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

    /// The candidates `viewer` may see; `current` reads each candidate case (detail view).
    mutating func filter(_ candidates: [RepeatCandidate], current: Bool = false) async throws -> VisibleRepeatCandidates {
        var result = VisibleRepeatCandidates.none
        for var candidate in candidates {
            var visible: Bool
            if current {
                let subject: Case?
                if let known = fetched[candidate.caseId] {
                    subject = known
                } else {
                    subject = try await store.getCase(id: candidate.caseId)
                    fetched[candidate.caseId] = subject
                }
                visible = subject.map { Access.canSee($0, user: viewer) } ?? false
                if let subject { candidate.state = subject.state }
            } else {
                visible = Self.seesArea(candidate.areaCode, viewer)
            }
            if visible {
                result.shown.append(candidate)
            } else if candidate.reasons.contains(where: { $0 != .sameCaller }) {
                result.hidden += 1
            }
        }
        return result
    }

    /// The area part of ``Access/canSee(_:user:)``.
    static func seesArea(_ areaCode: String?, _ viewer: User) -> Bool {
        viewer.viewer.seesArea(areaCode)
    }
}
