/// What a user can do to a case. Each action's allowed roles and state changes are tables in
/// ``Lifecycle``.
public enum CaseAction: String, Codable, Sendable, CaseIterable {
    case accept
    case reject
    case merge
    case dispatch
    case sign
    case arrive
    case handle
    case verify
    case reopen
    case close
    case rate
    case `return`
    case escalate
    case addCooperator
    case requestExtension
    case requestPark
    case requestVoid
    case decide
    case supervise
    case answerSupervision
    /// System only: a deadline's light changed (recorded by the SLA scheduler).
    case markLight
    /// System only: the people responsible were told a limit is near or over.
    case notify
    /// System only: a reinforcement unit was added because nobody arrived in time.
    case reinforce

    public var chineseName: String {
        switch self {
        case .accept: "受理"
        case .reject: "不予受理"
        case .merge: "合并"
        case .dispatch: "派遣"
        case .sign: "签收"
        case .arrive: "到场"
        case .handle: "处置"
        case .verify: "核查"
        case .reopen: "重新打开"
        case .close: "结案"
        case .rate: "评价"
        case .return: "退回"
        case .escalate: "上报上级"
        case .addCooperator: "增加协办"
        case .requestExtension: "申请延期"
        case .requestPark: "申请挂账"
        case .requestVoid: "申请作废"
        case .decide: "审批"
        case .supervise: "督办"
        case .answerSupervision: "督办反馈"
        case .markLight: "亮灯"
        case .notify: "超时提醒"
        case .reinforce: "增派力量"
        }
    }
}
