/// An indicator's formula: arithmetic over counts of cases (and sums of ratings), e.g.
/// `count(closed) / count(handled or (open and overdue))`.
public indirect enum IndicatorFormula: Sendable, Hashable, CustomStringConvertible {
    case number(Double)
    case term(CountTerm)
    case add(IndicatorFormula, IndicatorFormula)
    case subtract(IndicatorFormula, IndicatorFormula)
    case multiply(IndicatorFormula, IndicatorFormula)
    case divide(IndicatorFormula, IndicatorFormula)

    /// The counts the formula needs, in first-use order, without repeats.
    public var terms: [CountTerm] {
        var seen: Set<CountTerm> = []
        var ordered: [CountTerm] = []
        func walk(_ f: IndicatorFormula) {
            switch f {
            case .number: break
            case .term(let t): if seen.insert(t).inserted { ordered.append(t) }
            case .add(let l, let r), .subtract(let l, let r), .multiply(let l, let r), .divide(let l, let r):
                walk(l)
                walk(r)
            }
        }
        walk(self)
        return ordered
    }

    /// The value given the counts; `nil` when a denominator is 0 (shown as "—", not 0 %).
    public func evaluate(_ value: (CountTerm) -> Double) -> Double? {
        switch self {
        case .number(let n): return n
        case .term(let t): return value(t)
        case .add(let l, let r):
            guard let a = l.evaluate(value), let b = r.evaluate(value) else { return nil }
            return a + b
        case .subtract(let l, let r):
            guard let a = l.evaluate(value), let b = r.evaluate(value) else { return nil }
            return a - b
        case .multiply(let l, let r):
            guard let a = l.evaluate(value), let b = r.evaluate(value) else { return nil }
            return a * b
        case .divide(let l, let r):
            guard let a = l.evaluate(value), let b = r.evaluate(value), b != 0 else { return nil }
            return a / b
        }
    }

    public var description: String {
        switch self {
        case .number(let n): n == n.rounded() && abs(n) < 1e15 ? String(Int(n)) : String(n)
        case .term(let t): t.description
        case .add(let l, let r): "\(l) + \(r)"
        case .subtract(let l, let r): "\(l) - \(r.operand(tight: true))"
        case .multiply(let l, let r): "\(l.operand(tight: false)) * \(r.operand(tight: true))"
        case .divide(let l, let r): "\(l.operand(tight: false)) / \(r.operand(tight: true))"
        }
    }

    private func operand(tight: Bool) -> String {
        switch self {
        case .add, .subtract: "(\(description))"
        case .multiply, .divide: tight ? "(\(description))" : description
        default: description
        }
    }
}

/// One aggregate over the cases that pass a filter: the numbers a store computes (one SQL
/// aggregate each) and formulas combine.
public enum CountTerm: Sendable, Hashable, CustomStringConvertible {
    /// How many cases pass the filter.
    case count(CaseFilter)
    /// The sum of the satisfaction ratings (1–5) of the cases that pass the filter (unrated: 0).
    case sumSatisfaction(CaseFilter)

    public var filter: CaseFilter {
        switch self {
        case .count(let f), .sumSatisfaction(let f): f
        }
    }

    public var description: String {
        switch self {
        case .count(let f): "count(\(f))"
        case .sumSatisfaction(let f): f == .all ? "sum(satisfaction)" : "sum(satisfaction, \(f))"
        }
    }
}
