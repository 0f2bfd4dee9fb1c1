extension Lifecycle {
    /// The actions `user` may take on `subject` now: the role allows them, the state allows them,
    /// and what they act on exists (a pending request to decide, a supervision to answer).
    ///
    /// The web UI shows exactly these as forms; the API returns them as `allowedActions`.
    public static func availableActions(on subject: Case, for user: User) -> [CaseAction] {
        guard !user.disabled else { return [] }
        return CaseAction.lifecycle.filter { action in
            guard allowedRoles(for: action).contains(user.role), nextState(from: subject.state, action: action) != nil
            else { return false }
            switch action {
            case .decide:
                let mayDecide = subject.tier != .district || user.role == .districtCommander
                return mayDecide && subject.pendingRequests.contains { $0.requestedBy != user.username }
            case .answerSupervision: return !subject.openSupervisions.isEmpty
            case .escalate: return subject.tier.parent != nil
            case .requestExtension: return !subject.pendingRequests.contains { $0.kind == .extension_ }
            case .requestPark: return !subject.pendingRequests.contains { $0.kind == .park }
            case .requestVoid: return !subject.pendingRequests.contains { $0.kind == .void }
            default: return true
            }
        }
    }
}
