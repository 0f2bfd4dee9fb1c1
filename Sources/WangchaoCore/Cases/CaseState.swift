/// Where a case stands in its kind's workflow. Open: the lifecycle of kind `case` names its
/// states below; a kind defined as data (``CaseKindDefinition``) adds its own.
public struct CaseState: Identifier {
    public let rawValue: String

    public init(unchecked rawValue: String) { self.rawValue = rawValue }

    /// 已上报: in, not yet accepted.
    public static let reported: CaseState = "reported"
    /// 已受理: accepted, waiting for dispatch.
    public static let accepted: CaseState = "accepted"
    /// 不予受理: refused at intake (terminal unless reopened).
    public static let rejected: CaseState = "rejected"
    /// 已合并: a repeat report folded into another case (terminal).
    public static let merged: CaseState = "merged"
    /// 已派遣: assigned to a unit, not yet signed for.
    public static let dispatched: CaseState = "dispatched"
    /// 已签收: the unit has taken it.
    public static let signed: CaseState = "signed"
    /// 已到场: someone is on site.
    public static let onSite: CaseState = "onSite"
    /// 已处置: the unit reports it handled.
    public static let handled: CaseState = "handled"
    /// 已核查: the result was checked and found good.
    public static let verified: CaseState = "verified"
    /// 已结案
    public static let closed: CaseState = "closed"
    /// 已评价: closed and rated (terminal unless reopened).
    public static let rated: CaseState = "rated"
    /// 已挂账: approved to wait; clocks stop.
    public static let parked: CaseState = "parked"
    /// 已作废: approved void (terminal).
    public static let voided: CaseState = "voided"

    /// The states of the lifecycle of kind `case`, in its order.
    public static let lifecycle: [CaseState] = [
        .reported, .accepted, .rejected, .merged, .dispatched, .signed, .onSite, .handled, .verified, .closed, .rated,
        .parked, .voided,
    ]

    private static let names: [CaseState: String] = [
        .reported: "已上报", .accepted: "已受理", .rejected: "不予受理", .merged: "已合并", .dispatched: "已派遣",
        .signed: "已签收", .onSite: "已到场", .handled: "已处置", .verified: "已核查", .closed: "已结案",
        .rated: "已评价", .parked: "已挂账", .voided: "已作废",
    ]

    /// The lifecycle's name of the state; a state of another kind is named by its definition
    /// (``CaseKindCatalog/name(of:in:)``), here by its id.
    public var chineseName: String { Self.names[self] ?? rawValue }

    private static let open: Set<CaseState> = [.reported, .accepted, .dispatched, .signed, .onSite, .handled, .verified]

    /// Whether the lifecycle still owes a case in this state something (it is on someone's
    /// list). Only for the lifecycle's states: another kind's definition says whether its
    /// state is open (``CaseKindCatalog/isOpen(_:in:)``, ``CaseKindCatalog/openStates``).
    public var isOpen: Bool { Self.open.contains(self) }

    /// States in which a unit is working on the case.
    public var isWithUnit: Bool { self == .dispatched || self == .signed || self == .onSite }
}
