import Foundation
import WangchaoCore

/// What ``CaseStore/indicatorCounts(_:)`` computes: the `terms` over the cases created in
/// `[from, to)` in the subtree of `areaCode`, at the instant `now` (for `overdue` and `today`).
public struct IndicatorQuery: Sendable, Equatable {
    /// How the counts are split.
    public enum Grouping: String, Sendable, CaseIterable {
        /// One row, key "".
        case total
        /// One row per child area of `areaCode` that has cases (key: the child's code); cases
        /// placed on `areaCode` itself get the key `areaCode`.
        case area
        /// Per assigned unit (key: unit id; "" for cases not dispatched).
        case unit
        /// Per assignee (key: username; "" for none).
        case person
        /// Per ``SourceChannel`` raw value.
        case source
        /// Per category code.
        case category
        /// Per ``Tier`` raw value.
        case tier
        /// Per China day of creation (key: `YYYY-MM-DD`).
        case day
    }

    public var areaCode: String
    public var from: Date?
    public var to: Date?
    public var grouping: Grouping
    public var terms: [CountTerm]
    public var now: Date
    /// Which states are open and carry which marks: the catalog's, over every kind.
    public var states: StateVocabulary

    public init(
        areaCode: String, from: Date? = nil, to: Date? = nil, grouping: Grouping = .total, terms: [CountTerm], now: Date,
        states: StateVocabulary = .lifecycle
    ) {
        self.areaCode = areaCode
        self.from = from
        self.to = to
        self.grouping = grouping
        self.terms = terms
        self.now = now
        self.states = states
    }
}
