import Foundation

/// One cockpit figure (指标), defined as data: what it is called, which domain it belongs to,
/// its formula over the cases of an area and period, its unit and its traffic-light thresholds.
public struct IndicatorDefinition: Sendable, Equatable, Identifiable {
    /// Stable code, e.g. `closureRate`.
    public let code: String
    /// The Chinese name, e.g. 结案率.
    public let name: String
    /// The domain (领域) code, see ``IndicatorDomain``.
    public let domain: String
    /// The formula as written in the definition file.
    public let formulaText: String
    public let formula: IndicatorFormula
    /// `件`, `%` (a fraction shown ×100) or `分`.
    public let unit: IndicatorUnit
    /// The light of a value; `nil` for plain counts.
    public let thresholds: IndicatorThresholds?
    /// Where the definition comes from (a standard, a practice), shown as a note.
    public let note: String?

    public var id: String { code }

    public init(
        code: String, name: String, domain: String, formulaText: String, formula: IndicatorFormula, unit: IndicatorUnit,
        thresholds: IndicatorThresholds?, note: String? = nil
    ) {
        self.code = code
        self.name = name
        self.domain = domain
        self.formulaText = formulaText
        self.formula = formula
        self.unit = unit
        self.thresholds = thresholds
        self.note = note
    }

    /// The value shown to people: `92.5%`, `1,204 件`, `4.3 分`, or `—` when undefined.
    public func display(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "—" }
        switch unit {
        case .percent: return String(format: "%.1f%%", value * 100)
        case .count: return "\(Int(value.rounded())) 件"
        case .score: return String(format: "%.2f 分", value)
        }
    }
}

/// Encoded as written in `indicators.json` (the formula as text), so the API shows each
/// definition exactly as the file gives it.
extension IndicatorDefinition: Encodable {
    private enum CodingKeys: String, CodingKey {
        case code, name, domain, formula, unit, thresholds, note
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(code, forKey: .code)
        try container.encode(name, forKey: .name)
        try container.encode(domain, forKey: .domain)
        try container.encode(formulaText, forKey: .formula)
        try container.encode(unit, forKey: .unit)
        try container.encodeIfPresent(thresholds, forKey: .thresholds)
        try container.encodeIfPresent(note, forKey: .note)
    }
}

/// How an indicator's value reads.
public enum IndicatorUnit: String, Sendable, Codable, Equatable {
    /// 件: a number of cases.
    case count = "件"
    /// A fraction in 0…1, shown as a percentage.
    case percent = "%"
    /// 分: an average rating.
    case score = "分"
}

/// Traffic-light thresholds. With `higherIsBetter`, a value ≥ `green` is green, ≥ `yellow`
/// yellow, else red; otherwise a value ≤ `green` is green, ≤ `yellow` yellow, else red.
public struct IndicatorThresholds: Sendable, Equatable, Codable {
    public enum Direction: String, Sendable, Codable, Equatable {
        case higherIsBetter
        case lowerIsBetter
    }

    public let direction: Direction
    public let green: Double
    public let yellow: Double

    public init(direction: Direction, green: Double, yellow: Double) {
        self.direction = direction
        self.green = green
        self.yellow = yellow
    }

    /// The light of `value`; `nil` when the value is undefined.
    public func light(of value: Double?) -> Light? {
        guard let value, value.isFinite else { return nil }
        switch direction {
        case .higherIsBetter: return value >= green ? .green : value >= yellow ? .yellow : .red
        case .lowerIsBetter: return value <= green ? .green : value <= yellow ? .yellow : .red
        }
    }

    /// Whether the thresholds are ordered for their direction.
    var isOrdered: Bool { direction == .higherIsBetter ? green >= yellow : green <= yellow }
}

/// The six domains (领域) of the city-sign indicators.
public enum IndicatorDomain: String, Sendable, CaseIterable {
    /// 数字城管评价: the national evaluation family (GB/T 30428, CJ/T 292).
    case evaluation
    /// 事件总量: how much comes in and where it stands.
    case flow
    /// 城市安全
    case safety
    /// 城市环境
    case environment
    /// 公共服务
    case service
    /// 群众满意
    case satisfaction

    public var chineseName: String {
        switch self {
        case .evaluation: "数字城管评价"
        case .flow: "事件总量"
        case .safety: "城市安全"
        case .environment: "城市环境"
        case .service: "公共服务"
        case .satisfaction: "群众满意"
        }
    }
}
