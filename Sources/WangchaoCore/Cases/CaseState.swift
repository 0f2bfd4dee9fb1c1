/// Where a case stands in the closed loop.
public enum CaseState: String, Codable, Sendable, CaseIterable {
    /// 已上报: in, not yet accepted.
    case reported
    /// 已受理: accepted, waiting for dispatch.
    case accepted
    /// 不予受理: refused at intake (terminal unless reopened).
    case rejected
    /// 已合并: a repeat report folded into another case (terminal).
    case merged
    /// 已派遣: assigned to a unit, not yet signed for.
    case dispatched
    /// 已签收: the unit has taken it.
    case signed
    /// 已到场: someone is on site.
    case onSite
    /// 已处置: the unit reports it handled.
    case handled
    /// 已核查: the result was checked and found good.
    case verified
    /// 已结案
    case closed
    /// 已评价: closed and rated (terminal unless reopened).
    case rated
    /// 已挂账: approved to wait; clocks stop.
    case parked
    /// 已作废: approved void (terminal).
    case voided

    public var chineseName: String {
        switch self {
        case .reported: "已上报"
        case .accepted: "已受理"
        case .rejected: "不予受理"
        case .merged: "已合并"
        case .dispatched: "已派遣"
        case .signed: "已签收"
        case .onSite: "已到场"
        case .handled: "已处置"
        case .verified: "已核查"
        case .closed: "已结案"
        case .rated: "已评价"
        case .parked: "已挂账"
        case .voided: "已作废"
        }
    }

    /// Whether the loop still owes this case something (it is on someone's list).
    public var isOpen: Bool {
        switch self {
        case .reported, .accepted, .dispatched, .signed, .onSite, .handled, .verified: true
        case .rejected, .merged, .closed, .rated, .parked, .voided: false
        }
    }

    /// States in which a unit is working on the case.
    public var isWithUnit: Bool {
        switch self {
        case .dispatched, .signed, .onSite: true
        default: false
        }
    }
}
