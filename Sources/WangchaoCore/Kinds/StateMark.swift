import Foundation

/// A shared predicate on states, named once so the in-memory facts of indicators
/// (``CaseFacts``) and the stores' SQL read the same list of states.
public enum StateMark: String, Sendable, Codable, CaseIterable {
    /// 立案: taken into the loop (accepted, whatever happened after), not refused, merged or voided.
    case registered
    /// 已处置: the matter was dealt with (handled and every state after it).
    case handled
    /// 已核查: the result was checked.
    case checked
    /// 已结案: the loop is closed.
    case closed
}

extension CaseState {
    /// The marks this state of kind `case` carries; `case-kinds.json` must say the same (checked at load).
    public var marks: Set<StateMark> {
        switch self {
        case .reported, .rejected, .merged, .voided: []
        case .accepted, .dispatched, .signed, .onSite, .parked: [.registered]
        case .handled: [.registered, .handled]
        case .verified: [.registered, .handled, .checked]
        case .closed, .rated: [.registered, .handled, .checked, .closed]
        default: []
        }
    }

    /// The states of kind `case` that carry `mark`, in declaration order.
    public static func marked(_ mark: StateMark) -> [CaseState] {
        lifecycle.filter { $0.marks.contains(mark) }
    }
}
