import Foundation

/// The shipped list of indicators (`indicators.json`), checked at load: every formula parses
/// against the category catalog, codes are unique, domains and thresholds make sense.
public struct IndicatorCatalog: Sendable {
    public let indicators: [IndicatorDefinition]
    private let byCode: [String: IndicatorDefinition]

    public init(_ indicators: [IndicatorDefinition]) {
        self.indicators = indicators
        byCode = Dictionary(indicators.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public subscript(code: String) -> IndicatorDefinition? { byCode[code] }

    /// Every count the indicators need, in first-use order without repeats: what one store
    /// query computes.
    public var terms: [CountTerm] {
        var seen: Set<CountTerm> = []
        return indicators.flatMap(\.formula.terms).filter { seen.insert($0).inserted }
    }

    /// Reads a definition file.
    ///
    /// - Throws: ``DomainError/invalid(field:_:)`` naming the path, e.g. `indicators[3].formula`,
    ///   and the reason in Chinese.
    public init(json: Data, categories: CategoryCatalog = .bundled) throws(DomainError) {
        let file: IndicatorFile
        do {
            file = try JSONDecoder().decode(IndicatorFile.self, from: json)
        } catch {
            throw .invalid(field: "indicators", "指标定义文件不是有效的 JSON：\(error)")
        }
        let parser = IndicatorParser(categories: categories)
        var seen: Set<String> = []
        var result: [IndicatorDefinition] = []
        for (index, entry) in file.indicators.enumerated() {
            let path = "indicators[\(index)]"
            guard !entry.code.isEmpty, entry.code.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
                throw .invalid(field: "\(path).code", "指标代码须为非空的字母数字")
            }
            guard seen.insert(entry.code).inserted else { throw .invalid(field: "\(path).code", "指标代码 \(entry.code) 重复") }
            guard !entry.name.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw .invalid(field: "\(path).name", "指标名称不能为空")
            }
            guard IndicatorDomain(rawValue: entry.domain) != nil else {
                throw .invalid(
                    field: "\(path).domain",
                    "不认识的领域 \(entry.domain)，可用：\(IndicatorDomain.allCases.map(\.rawValue).joined(separator: "、"))")
            }
            guard let unit = IndicatorUnit(rawValue: entry.unit) else {
                throw .invalid(field: "\(path).unit", "单位须为 件、% 或 分")
            }
            let formula: IndicatorFormula
            do {
                formula = try parser.formula(entry.formula)
            } catch {
                throw .invalid(field: "\(path).formula", error.description)
            }
            if let thresholds = entry.thresholds, !thresholds.isOrdered {
                throw .invalid(field: "\(path).thresholds", "阈值顺序与方向不符：绿灯阈值应比黄灯阈值更好")
            }
            result.append(
                IndicatorDefinition(
                    code: entry.code, name: entry.name, domain: entry.domain, formulaText: entry.formula, formula: formula,
                    unit: unit, thresholds: entry.thresholds, note: entry.note))
        }
        guard !result.isEmpty else { throw .invalid(field: "indicators", "指标定义文件没有任何指标") }
        self.init(result)
    }

    /// The indicators shipped with Wangchao.
    public static let bundled: IndicatorCatalog = {
        guard let url = Bundle.module.url(forResource: "indicators", withExtension: "json"),
            let data = try? Data(contentsOf: url)
        else { fatalError("indicators.json is missing from the WangchaoCore bundle") }
        do {
            return try IndicatorCatalog(json: data)
        } catch {
            fatalError("indicators.json is invalid: \(error)")
        }
    }()
}

/// The file format of `indicators.json`.
private struct IndicatorFile: Decodable {
    struct Entry: Decodable {
        let code: String
        let name: String
        let domain: String
        let formula: String
        let unit: String
        let thresholds: IndicatorThresholds?
        let note: String?
    }

    let indicators: [Entry]
}
