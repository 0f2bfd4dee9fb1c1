/// What a user (or the system) does to a case. Open: the lifecycle of kind `case` names its
/// actions below, with their roles and state changes in ``Lifecycle``; a kind defined as data
/// (``CaseKindDefinition``) adds its own.
public struct CaseAction: Identifier {
    public let rawValue: String

    public init(unchecked rawValue: String) { self.rawValue = rawValue }

    /// 受理
    public static let accept: CaseAction = "accept"
    /// 不予受理
    public static let reject: CaseAction = "reject"
    /// 合并
    public static let merge: CaseAction = "merge"
    /// 派遣
    public static let dispatch: CaseAction = "dispatch"
    /// 签收
    public static let sign: CaseAction = "sign"
    /// 到场
    public static let arrive: CaseAction = "arrive"
    /// 处置
    public static let handle: CaseAction = "handle"
    /// 核查
    public static let verify: CaseAction = "verify"
    /// 重新打开
    public static let reopen: CaseAction = "reopen"
    /// 结案
    public static let close: CaseAction = "close"
    /// 评价
    public static let rate: CaseAction = "rate"
    /// 退回
    public static let `return`: CaseAction = "return"
    /// 上报上级
    public static let escalate: CaseAction = "escalate"
    /// 增加协办
    public static let addCooperator: CaseAction = "addCooperator"
    /// 申请延期
    public static let requestExtension: CaseAction = "requestExtension"
    /// 申请挂账
    public static let requestPark: CaseAction = "requestPark"
    /// 申请作废
    public static let requestVoid: CaseAction = "requestVoid"
    /// 审批
    public static let decide: CaseAction = "decide"
    /// 督办
    public static let supervise: CaseAction = "supervise"
    /// 督办反馈
    public static let answerSupervision: CaseAction = "answerSupervision"
    /// System only: a deadline's light changed (recorded by the SLA scheduler).
    public static let markLight: CaseAction = "markLight"
    /// System only: the people responsible were told a limit is near or over.
    public static let notify: CaseAction = "notify"
    /// System only: a reinforcement unit was added because nobody arrived in time.
    public static let reinforce: CaseAction = "reinforce"

    /// The actions of the lifecycle of kind `case`, in its order.
    public static let lifecycle: [CaseAction] = [
        .accept, .reject, .merge, .dispatch, .sign, .arrive, .handle, .verify, .reopen, .close, .rate, .return,
        .escalate, .addCooperator, .requestExtension, .requestPark, .requestVoid, .decide, .supervise,
        .answerSupervision, .markLight, .notify, .reinforce,
    ]

    private static let names: [CaseAction: String] = [
        .accept: "受理", .reject: "不予受理", .merge: "合并", .dispatch: "派遣", .sign: "签收",
        .arrive: "到场", .handle: "处置", .verify: "核查", .reopen: "重新打开", .close: "结案",
        .rate: "评价", .return: "退回", .escalate: "上报上级", .addCooperator: "增加协办", .requestExtension: "申请延期",
        .requestPark: "申请挂账", .requestVoid: "申请作废", .decide: "审批", .supervise: "督办", .answerSupervision: "督办反馈",
        .markLight: "亮灯", .notify: "超时提醒", .reinforce: "增派力量",
    ]

    /// The lifecycle's name of the action; another kind's action is named by its definition
    /// (``CaseKindCatalog/name(of:in:)``), here by its id.
    public var chineseName: String { Self.names[self] ?? rawValue }
}
