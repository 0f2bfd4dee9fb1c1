import Foundation

/// Reads and checks a routing rule file: JSON syntax, the shape of every field, then what the
/// names refer to — categories, areas, units, tiers — so a set is refused before it can route
/// a single case. Every refusal names the field and its line.
public enum RoutingRuleFile {
    /// What the file's names must refer to, looked up by the caller (the store, in its transaction).
    public struct References {
        public var categories: CategoryCatalog
        public var areaExists: (String) -> Bool
        public var unit: (String) -> Unit?

        public init(categories: CategoryCatalog, areaExists: @escaping (String) -> Bool, unit: @escaping (String) -> Unit?) {
            self.categories = categories
            self.areaExists = areaExists
            self.unit = unit
        }
    }

    /// The rule set in `data`, checked against `references`.
    /// - Throws: ``RoutingRuleFileError`` naming the first fault (field path and line).
    public static func parse(_ data: Data, references: References) throws(RoutingRuleFileError) -> RoutingRuleSet {
        let lines = try JSONLineMap(data)
        func fail(_ field: String, _ message: String) -> RoutingRuleFileError {
            RoutingRuleFileError(field: field, line: lines.line(of: field), message)
        }
        try checkKnownFields(lines)
        let set: RoutingRuleSet
        do {
            set = try JSONDecoder().decode(RoutingRuleSet.self, from: data)
        } catch let error as DecodingError {
            throw decodingFailure(error, lines: lines)
        } catch {
            throw RoutingRuleFileError(field: nil, line: nil, "规则文件无法读取")
        }
        guard !set.rules.isEmpty else { throw fail("rules", "规则列表不能为空") }
        for (index, word) in set.spanningKeywords.enumerated() where word.trimmingCharacters(in: .whitespaces).isEmpty {
            throw fail("spanningKeywords[\(index)]", "跨镇街关键词不能为空")
        }
        var ids: [String: Int] = [:]
        for (index, rule) in set.rules.enumerated() {
            let path = "rules[\(index)]"
            let id = rule.id.trimmingCharacters(in: .whitespaces)
            guard !id.isEmpty, id.count <= 64 else { throw fail("\(path).id", "规则编号须为 1 到 64 个字符") }
            guard id != RoutingDecision.defaultRuleId, id != RoutingDecision.manualRuleId else {
                throw fail("\(path).id", "规则编号 \(id) 为保留字")
            }
            if let first = ids[id] { throw fail("\(path).id", "规则编号 \(id) 重复（与 rules[\(first)] 相同）") }
            ids[id] = index
            try check(rule.conditions, at: "\(path).conditions", references: references, fail: fail)
            let target = "\(path).target"
            if let unitId = rule.target.unitId {
                guard let unit = references.unit(unitId) else { throw fail("\(target).unitId", "处置单位 \(unitId) 不存在") }
                guard unit.kind.tier == rule.target.tier else {
                    throw fail("\(target).unitId", "处置单位 \(unit.name) 属\(unit.kind.tier.chineseName)层级，与 tier（\(rule.target.tier.chineseName)）不符")
                }
            }
            if rule.target.platform != nil, rule.target.tier < .town {
                throw fail("\(target).platform", "平台只适用于镇街或区级目标")
            }
        }
        return set
    }

    /// The fields a rule file may hold, with array indices left out.
    static let knownFields: Set<String> = [
        "", "version", "name", "spanningKeywords", "rules", "rules.id", "rules.name", "rules.conditions", "rules.target",
        "rules.conditions.categories", "rules.conditions.areas", "rules.conditions.sources", "rules.conditions.priorities",
        "rules.conditions.keywords", "rules.conditions.timeOfDay", "rules.conditions.timeOfDay.from",
        "rules.conditions.timeOfDay.to", "rules.target.tier", "rules.target.unitId", "rules.target.platform",
    ]

    /// Refuses a misspelt field (`categorys`), which would otherwise be ignored and widen the rule.
    private static func checkKnownFields(_ lines: JSONLineMap) throws(RoutingRuleFileError) {
        let unknown = lines.lines.filter { path, _ in
            var pattern = ""
            var skipping = false
            for character in path {
                if character == "[" { skipping = true } else if character == "]" { skipping = false } else if !skipping {
                    pattern.append(character)
                }
            }
            return !knownFields.contains(pattern)
        }
        if let (path, line) = unknown.min(by: { ($0.value, $0.key) < ($1.value, $1.key) }) {
            throw RoutingRuleFileError(field: path, line: line, "未知字段 \(path)")
        }
    }

    private static func check(
        _ conditions: RoutingConditions, at path: String, references: References,
        fail: (String, String) -> RoutingRuleFileError
    ) throws(RoutingRuleFileError) {
        func nonEmpty<T>(_ list: [T]?, _ name: String) throws(RoutingRuleFileError) {
            if let list, list.isEmpty { throw fail("\(path).\(name)", "条件列表不能为空（不限时请删去该字段）") }
        }
        try nonEmpty(conditions.categories, "categories")
        try nonEmpty(conditions.areas, "areas")
        try nonEmpty(conditions.sources, "sources")
        try nonEmpty(conditions.priorities, "priorities")
        try nonEmpty(conditions.keywords, "keywords")
        try nonEmpty(conditions.timeOfDay, "timeOfDay")
        for (index, code) in (conditions.categories ?? []).enumerated() where references.categories[code] == nil {
            throw fail("\(path).categories[\(index)]", "未知的事件分类 \(code)")
        }
        for (index, code) in (conditions.areas ?? []).enumerated() where !references.areaExists(code) {
            throw fail("\(path).areas[\(index)]", "区域 \(code) 不存在")
        }
        for (index, word) in (conditions.keywords ?? []).enumerated() where word.trimmingCharacters(in: .whitespaces).isEmpty {
            throw fail("\(path).keywords[\(index)]", "关键词不能为空")
        }
    }

    /// A decoding failure as a field and line; our own messages (time ranges) are kept.
    static func decodingFailure(_ error: DecodingError, lines: JSONLineMap) -> RoutingRuleFileError {
        func path(_ codingPath: [any CodingKey]) -> String {
            var result = ""
            for key in codingPath {
                if let index = key.intValue {
                    result += "[\(index)]"
                } else {
                    result += (result.isEmpty ? "" : ".") + key.stringValue
                }
            }
            return result
        }
        func failure(_ field: String, _ message: String) -> RoutingRuleFileError {
            RoutingRuleFileError(field: field.isEmpty ? nil : field, line: lines.line(of: field), message)
        }
        switch error {
        case .keyNotFound(let key, let context):
            let field = path(context.codingPath + [key])
            return RoutingRuleFileError(field: field, line: lines.line(of: path(context.codingPath)), "缺少必填字段 \(field)")
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            let field = path(context.codingPath)
            return failure(field, "字段 \(field) 的类型不正确")
        case .dataCorrupted(let context):
            let field = path(context.codingPath)
            let own = context.debugDescription.unicodeScalars.contains { $0.value >= 0x4E00 && $0.value <= 0x9FFF }
            let allowed = allowedValues(forField: field).map { "，可选：\($0)" } ?? ""
            return failure(field, own ? context.debugDescription : "字段 \(field) 的取值不正确\(allowed)")
        @unknown default:
            return RoutingRuleFileError(field: nil, line: nil, "规则文件无法读取")
        }
    }

    private static func allowedValues(forField field: String) -> String? {
        if field.hasSuffix(".tier") { return Tier.allCases.map(\.rawValue).joined(separator: "、") }
        if field.hasSuffix(".platform") { return Platform.allCases.map(\.rawValue).joined(separator: "、") }
        if field.contains(".sources[") { return SourceChannel.allCases.map(\.rawValue).joined(separator: "、") }
        if field.contains(".priorities[") { return Priority.allCases.map(\.rawValue).joined(separator: "、") }
        return nil
    }
}
