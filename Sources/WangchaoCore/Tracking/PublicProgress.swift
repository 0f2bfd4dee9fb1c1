import Foundation

/// What a reporter sees of their case on the tracking page (办件查询), without signing in.
///
/// Built from the case and its history, it carries no personal data: no reporter, no
/// description, no exact place, no staff names and none of the staff's internal notes.
/// Each step is a fixed public phrase; the only staff-written words shown are a refusal's
/// reason and the handling result, which are written for the reporter to read.
/// Internal steps (requests for extension, parking or voiding, supervision, refused requests)
/// are left out.
public struct PublicProgress: Sendable, Equatable, Codable {
    /// One public step of the case's progress.
    public struct Step: Sendable, Equatable, Codable {
        public var at: Date
        public var state: CaseState
        public var stateName: String
        public var text: String
    }

    public var number: String
    public var category: String
    public var categoryName: String
    /// The town and community the case belongs to, e.g. "城厢街道 丁家庄社区".
    public var place: String
    public var state: CaseState
    public var stateName: String
    public var reportedAt: Date
    public var updatedAt: Date
    public var steps: [Step]
    public var satisfaction: Int?
    /// The reporter may rate now: the case is closed and not yet rated.
    public var canRate: Bool

    /// - Parameters:
    ///   - categoryName: the Chinese name of the case's category.
    ///   - place: the names of the case's town and community.
    ///   - unitName: the public name of a unit, for "dispatched to …" steps.
    public init(
        case subject: Case, history: [Transition], categoryName: String, place: String,
        unitName: (String) -> String?
    ) {
        number = subject.number
        category = subject.category
        self.categoryName = categoryName
        self.place = place
        state = subject.state
        stateName = subject.state.chineseName
        reportedAt = subject.createdAt
        updatedAt = subject.updatedAt
        satisfaction = subject.satisfaction
        canRate = subject.state == .closed
        steps = history.compactMap { transition in
            Self.phrase(for: transition, categoryName: categoryName, unitName: unitName).map {
                Step(at: transition.at, state: transition.toState, stateName: transition.toState.chineseName, text: $0)
            }
        }
    }

    /// The public phrase for one history row, or `nil` when the step is internal.
    public static func phrase(for transition: Transition, categoryName: String, unitName: (String) -> String?) -> String? {
        guard let command = transition.payload else {
            return transition.action == Transition.intakeAction ? "您反映的「\(categoryName)」问题已登记" : nil
        }
        func unit(_ id: String) -> String { unitName(id) ?? "相关单位" }
        switch command {
        case .accept: return "已受理，正在分派处置单位"
        case .reject(let reason): return "不予受理：\(reason)"
        case .merge: return "与反映同一问题的其他诉求合并办理"
        case .dispatch(let unitId): return "已派遣至\(unit(unitId))"
        case .sign: return "处置单位已签收"
        case .arrive: return "工作人员已到达现场"
        case .handle(let result): return "处置完成：\(result)"
        case .verify(let pass): return pass ? "处置结果经核查合格" : "处置结果核查未通过，重新处置"
        case .close: return "已办结，欢迎您评价"
        case .rate(let satisfaction, _): return "已评价：\(satisfaction) 分"
        case .reopen: return "已重新启动办理"
        case .return: return "重新分派处置单位"
        case .escalate: return "已提交上级协调处置"
        case .addCooperator(let unitId), .reinforce(let unitId): return "增派\(unit(unitId))协同处置"
        case .decide(_, let grant):
            guard grant else { return nil }
            switch transition.toState {
            case .parked: return "暂缓办理（挂账），条件具备后继续处置"
            case .voided: return "经审核予以作废"
            default: return "办理期限经审批延长"
            }
        case .requestExtension, .requestPark, .requestVoid, .supervise, .answerSupervision, .markLight, .notify, .step:
            return nil
        }
    }
}
