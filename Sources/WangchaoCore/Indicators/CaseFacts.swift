import Foundation

/// What a filter can ask about one case at one instant, computed in memory. Stores compute the
/// same counts with SQL aggregates; this is the reference they are checked against, and what
/// unit tests of indicators use.
public struct CaseFacts: Sendable, Equatable {
    public var fields: [CaseField: String]
    public var flags: Set<CaseFlag>
    public var satisfaction: Int?

    public init(fields: [CaseField: String], flags: Set<CaseFlag>, satisfaction: Int? = nil) {
        self.fields = fields
        self.flags = flags
        self.satisfaction = satisfaction
    }

    /// The facts of `subject` at `now`, given its history (for 回退 and late limits).
    /// `states` says which states are open and carry which marks (the catalog's, over every kind).
    public init(
        _ subject: Case, history: [Transition], at now: Date, categories: CategoryCatalog = .bundled,
        states: StateVocabulary = .lifecycle
    ) {
        fields = [
            .state: subject.state.rawValue, .source: subject.source.rawValue, .tier: subject.tier.rawValue,
            .priority: subject.priority.rawValue, .category: subject.category,
            .group: categories[subject.category]?.group ?? "",
        ]
        satisfaction = subject.satisfaction
        var flags: Set<CaseFlag> = []
        if states.isOpen(subject.state) { flags.insert(.open) }
        // The same marks the stores' SQL reads (``IndicatorQuery/states``).
        let marks = states.marks(of: subject.state)
        if marks.contains(.closed) { flags.insert(.closed) }
        if marks.contains(.registered) { flags.insert(.registered) }
        if subject.assignedUnitId != nil { flags.insert(.dispatched) }
        if marks.contains(.handled) { flags.insert(.handled) }
        if marks.contains(.checked) { flags.insert(.checked) }
        if subject.deadlines.contains(where: { $0.dueAt <= now }) { flags.insert(.overdue) }
        if ChinaDay(subject.createdAt) == ChinaDay(now) { flags.insert(.today) }
        if subject.likelyRepeat { flags.insert(.repeat) }
        if subject.reworkCount > 0 { flags.insert(.reworked) }
        if let rating = subject.satisfaction {
            flags.insert(.rated)
            if rating >= 4 { flags.insert(.satisfied) }
        }
        for transition in history {
            if transition.action == CaseAction.return.rawValue { flags.insert(.returned) }
            if case .markLight(let kind, .red)? = transition.payload {
                if kind == .handle { flags.insert(.lateHandle) }
                if kind == .verify { flags.insert(.lateVerify) }
            }
        }
        self.flags = flags
    }

    /// Whether the case passes `filter`.
    public func matches(_ filter: CaseFilter) -> Bool {
        switch filter {
        case .all: true
        case .field(let field, let values): fields[field].map(values.contains) ?? false
        case .flag(let flag): flags.contains(flag)
        case .not(let inner): !matches(inner)
        case .and(let l, let r): matches(l) && matches(r)
        case .or(let l, let r): matches(l) || matches(r)
        }
    }

    /// This case's contribution to `term`.
    public func contribution(to term: CountTerm) -> Double {
        guard matches(term.filter) else { return 0 }
        switch term {
        case .count: return 1
        case .sumSatisfaction: return Double(satisfaction ?? 0)
        }
    }
}

/// The counts of one group of cases (an area, a unit, a person, a day…), aligned with the terms
/// they were computed for.
public struct IndicatorCounts: Sendable, Equatable, Codable {
    /// The group: an area code, unit id, username, source, `YYYY-MM-DD`…; empty for the total.
    public var key: String
    public var values: [Double]

    public init(key: String, values: [Double]) {
        self.key = key
        self.values = values
    }

    /// Counts computed in memory from facts: the reference for stores.
    public init(key: String, terms: [CountTerm], facts: [CaseFacts]) {
        self.key = key
        values = terms.map { term in facts.reduce(0) { $0 + $1.contribution(to: term) } }
    }

    /// Adds another group's counts (counts are additive: totals are sums of groups).
    public mutating func add(_ other: IndicatorCounts) {
        if values.isEmpty { values = Array(repeating: 0, count: other.values.count) }
        for index in values.indices where index < other.values.count { values[index] += other.values[index] }
    }
}

/// Indicator values from counts.
public struct IndicatorEvaluation: Sendable {
    public let terms: [CountTerm]
    private let index: [CountTerm: Int]

    public init(terms: [CountTerm]) {
        self.terms = terms
        index = Dictionary(terms.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The value of `indicator` for `counts`; `nil` when undefined (a denominator of 0).
    public func value(of indicator: IndicatorDefinition, in counts: IndicatorCounts) -> Double? {
        indicator.formula.evaluate { term in
            guard let i = index[term], i < counts.values.count else { return 0 }
            return counts.values[i]
        }
    }
}
