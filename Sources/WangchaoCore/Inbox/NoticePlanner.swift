/// Who must hear of a committed transition, and why. Pure: it names audiences; the store turns
/// them into usernames inside the transition's own transaction.
public enum NoticePlanner {
    /// A group of people a notice goes to.
    public enum Audience: Sendable, Equatable {
        /// Everyone acting for the unit (its enabled users).
        case unit(String)
        /// One user by name.
        case user(String)
        /// The dispatchers answering for the area at the tier: town dispatchers of its town,
        /// district commanders at the district tier.
        case dispatchers(areaCode: String, tier: Tier)
        /// Whoever took the transition with this version of the case (the author of a request).
        case authorOfVersion(Int)
    }

    /// One notice to deliver.
    public struct Draft: Sendable, Equatable {
        public var kind: NoticeKind
        public var audience: Audience
        public var text: String
    }

    /// The notices `transition`, which produced `subject`, calls for. The actor is never told of
    /// their own action (the store drops them from every audience).
    public static func drafts(for transition: Transition, producing subject: Case, categoryName: String) -> [Draft] {
        guard let command = transition.payload else { return [] }
        let label = "\(subject.number) \(categoryName)"
        func draft(_ kind: NoticeKind, _ audience: Audience, _ detail: String? = nil) -> Draft {
            Draft(kind: kind, audience: audience, text: "\(kind.chineseName)：\(label)" + (detail.map { "（\($0)）" } ?? ""))
        }
        /// The responsible unit's people, or the one person the case was assigned to inside it.
        var responsible: Audience? { subject.assignedUnitId.map(Audience.unit) }
        var dispatchers: Audience { .dispatchers(areaCode: subject.areaCode, tier: subject.tier) }
        switch command {
        case .dispatch:
            // Assignment inside the unit names one person; otherwise the whole unit is told.
            if let assignee = subject.assignee { return [draft(.assigned, .user(assignee))] }
            return responsible.map { [draft(.assigned, $0)] } ?? []
        case .addCooperator(let unitId), .reinforce(let unitId):
            return [draft(.cooperation, .unit(unitId))]
        case .markLight(let kind, .yellow):
            // The first warning goes to whoever must act now; the red light comes with a reminder.
            return [draft(.lightYellow, responsible ?? dispatchers, "\(kind.chineseName)时限已过 80%")]
        case .markLight:
            return []
        case .notify(let kind, let light):
            let detail = "\(kind.chineseName)" + (light == .red ? "已超时" : "时限将到")
            let kind: NoticeKind = light == .red ? .lightRed : .lightYellow
            guard let responsible else { return [draft(kind, dispatchers, detail)] }
            return light == .red ? [draft(kind, responsible, detail), draft(kind, dispatchers, detail)] : [draft(kind, responsible, detail)]
        case .return(let reason):
            return [draft(.returned, .dispatchers(areaCode: subject.areaCode, tier: subject.tier), reason)]
        case .verify(pass: false):
            return responsible.map { [draft(.returned, $0, "核查未通过，返工")] } ?? []
        case .escalate(let reason):
            return [draft(.escalated, .dispatchers(areaCode: subject.areaCode, tier: subject.tier), reason)]
        case .supervise(let instruction):
            return responsible.map { [draft(.supervised, $0, instruction)] } ?? []
        case .requestExtension(_, let reason), .requestPark(let reason), .requestVoid(let reason):
            return [draft(.requested, .dispatchers(areaCode: subject.areaCode, tier: subject.tier), reason)]
        case .decide(let requestId, let grant):
            return [draft(.decided, .authorOfVersion(requestId), grant ? "已同意" : "未同意")]
        case .accept, .reject, .merge, .sign, .arrive, .handle, .verify(pass: true), .reopen, .close, .rate,
            .answerSupervision, .step:
            return []
        }
    }
}

extension NoticePlanner.Audience {
    /// Who answers for an area at a tier, and so hears of what waits there: community staff and
    /// the town's dispatchers for grid and community matters, the town's dispatchers for the
    /// town, the district command for the district. One of them must hold a scope that
    /// contains the area.
    public static func dispatcherRoles(at tier: Tier) -> [Role] {
        switch tier {
        case .grid, .community: [.communityStaff, .townDispatcher]
        case .town: [.townDispatcher]
        case .district: [.districtCommander]
        }
    }
}
