/// A condition on one case, the argument of `count(…)` in an indicator formula.
///
/// Filters are plain data so that a store can translate them into SQL (an aggregate per
/// filter) and ``CaseFacts`` can evaluate them in memory; both must agree.
public indirect enum CaseFilter: Sendable, Hashable, CustomStringConvertible {
    /// Every case in the population.
    case all
    /// A field is one of the values, e.g. `state in (closed, rated)`.
    case field(CaseField, [String])
    /// A yes/no fact about the case, e.g. `overdue`.
    case flag(CaseFlag)
    case not(CaseFilter)
    case and(CaseFilter, CaseFilter)
    case or(CaseFilter, CaseFilter)

    /// The canonical text: two filters with the same text count the same cases.
    public var description: String {
        switch self {
        case .all: ""
        case .field(let field, let values):
            values.count == 1 ? "\(field.rawValue) = \(values[0])" : "\(field.rawValue) in (\(values.joined(separator: ", ")))"
        case .flag(let flag): flag.rawValue
        case .not(let inner): "not \(inner.atom)"
        case .and(let l, let r): "\(l.atom) and \(r.atom)"
        case .or(let l, let r): "\(l.atom) or \(r.atom)"
        }
    }

    private var atom: String {
        switch self {
        case .and, .or: "(\(description))"
        default: description
        }
    }
}

/// A field a filter can compare with a list of values.
public enum CaseField: String, Sendable, Hashable, CaseIterable {
    /// ``CaseState`` raw value.
    case state
    /// ``SourceChannel`` raw value.
    case source
    /// ``Tier`` raw value.
    case tier
    /// ``Priority`` raw value.
    case priority
    /// A category code, e.g. `AQ01`.
    case category
    /// A category group (大类), e.g. `安全隐患`.
    case group

    /// The values the field accepts; `nil` for category and group (checked against the catalog).
    var allowedValues: Set<String>? {
        switch self {
        case .state: Set(CaseState.lifecycle.map(\.rawValue))
        case .source: Set(SourceChannel.allCases.map(\.rawValue))
        case .tier: Set(Tier.allCases.map(\.rawValue))
        case .priority: Set(Priority.allCases.map(\.rawValue))
        case .category, .group: nil
        }
    }
}

/// A yes/no fact about a case at the evaluation instant.
public enum CaseFlag: String, Sendable, Hashable, CaseIterable {
    /// Still owed something by the loop (``CaseState/isOpen``).
    case open
    /// 已结案 or 已评价.
    case closed
    /// 立案: accepted into the loop (not 已上报, 不予受理, 已合并 or 已作废).
    case registered
    /// Given to a unit (has an assigned unit): 应处置.
    case dispatched
    /// The unit has finished: 已处置, 已核查, 已结案 or 已评价.
    case handled
    /// Checked: 已核查, 已结案 or 已评价.
    case checked
    /// A running limit is past due now (red light).
    case overdue
    /// Created on the evaluation instant's China day.
    case today
    /// Flagged at intake as a likely repeat report.
    case `repeat`
    /// Sent back by verification at least once (返工).
    case reworked
    /// Sent back by a unit at least once (回退).
    case returned
    /// The handling limit went red at some time (not 按期处置).
    case lateHandle
    /// The verification limit went red at some time (not 按时核查).
    case lateVerify
    /// Rated by the reporter or a call-back.
    case rated
    /// Rated 4 or 5.
    case satisfied
}

