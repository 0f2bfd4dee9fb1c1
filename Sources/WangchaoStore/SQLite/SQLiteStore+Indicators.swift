import Foundation
import GRDB
import WangchaoCore

extension SQLiteStore {
    public func indicatorCounts(_ query: IndicatorQuery) async throws -> [IndicatorCounts] {
        let sql = IndicatorSQL(now: query.now, categories: categories, vocabulary: query.states)
        let aggregates = query.terms.map(sql.aggregate).joined(separator: ", ")
        return try await reads.read { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM areas WHERE code = ?", arguments: [query.areaCode]) != nil else {
                throw DomainError.notFound("区域 \(query.areaCode) 不存在")
            }
            var conditions = ["c.area_code >= ?", "c.area_code < ?"]
            var arguments: [(any DatabaseValueConvertible)?] = [query.areaCode, AreaCode.subtreeEnd(query.areaCode)]
            if let from = query.from {
                conditions.append("c.created_at >= ?")
                arguments.append(from.storedMillis)
            }
            if let to = query.to {
                conditions.append("c.created_at < ?")
                arguments.append(to.storedMillis)
            }
            let key: String =
                switch query.grouping {
                case .total: "''"
                case .area: "c.area_code"
                case .unit: "coalesce(c.assigned_unit_id, '')"
                case .person: "coalesce(c.assignee, '')"
                case .source: "c.source"
                case .category: "c.category"
                case .tier: "c.tier"
                case .day: "(c.created_at + \(ChinaDay.utcOffset * 1000)) / 86400000"
                }
            let grouped = query.grouping == .total ? "" : " GROUP BY 1"
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT \(key) AS k\(aggregates.isEmpty ? "" : ", " + aggregates) FROM cases c INDEXED BY cases_indicators
                    \(sql.joins(for: query.terms))
                    WHERE \(conditions.joined(separator: " AND "))\(grouped)
                    """,
                arguments: StatementArguments(arguments))
            var result = rows.map { row in
                let key: String =
                    if query.grouping == .day { ChinaDay(index: row[0] as Int).description } else { row[0] as String }
                return IndicatorCounts(
                    key: key, values: query.terms.indices.map { (row[$0 + 1] as Double?) ?? 0 })
            }
            if query.grouping == .area {
                result = try Self.rollUp(result, to: query.areaCode, in: db)
            }
            if query.grouping == .total, result.isEmpty {
                result = [IndicatorCounts(key: "", values: Array(repeating: 0, count: query.terms.count))]
            }
            return result
        }
    }

    public func changeStamp() async throws -> Int64 {
        try await reads.read { db in try Int64.fetchOne(db, sql: "SELECT coalesce(max(seq), 0) FROM transitions") ?? 0 }
    }

    /// Sums per-leaf rows into rows per child area of `areaCode` (codes are hierarchical:
    /// a descendant's code starts with its ancestor's).
    private static func rollUp(_ leaves: [IndicatorCounts], to areaCode: String, in db: Database) throws -> [IndicatorCounts] {
        let children = try String.fetchAll(db, sql: "SELECT code FROM areas WHERE parent_code = ? ORDER BY code", arguments: [areaCode])
        let lengths = Set(children.map(\.count)).sorted()
        let childSet = Set(children)
        var sums: [String: IndicatorCounts] = [:]
        for leaf in leaves {
            var target = areaCode
            for length in lengths where length <= leaf.key.count {
                let prefix = String(leaf.key.prefix(length))
                if childSet.contains(prefix) {
                    target = prefix
                    break
                }
            }
            sums[target, default: IndicatorCounts(key: target, values: [])].add(leaf)
        }
        return sums.values.sorted { $0.key < $1.key }
    }
}

/// Translates indicator filters into SQL over `cases c`. Every value is checked by the parser
/// (enum raw values, catalog codes) and quoted besides; the instant is an integer.
struct IndicatorSQL {
    let now: Date
    let categories: CategoryCatalog
    /// Which states the flags `open`, `closed`, `registered`, `handled`, `checked` mean.
    let vocabulary: StateVocabulary

    func aggregate(_ term: CountTerm) -> String {
        switch term {
        case .count(let filter): "total(\(condition(filter)))"
        case .sumSatisfaction(let filter): "total(CASE WHEN \(condition(filter)) THEN coalesce(c.satisfaction, 0) END)"
        }
    }

    func condition(_ filter: CaseFilter) -> String {
        switch filter {
        case .all: return "1"
        case .not(let inner): return "NOT (\(condition(inner)))"
        case .and(let l, let r): return "(\(condition(l)) AND \(condition(r)))"
        case .or(let l, let r): return "(\(condition(l)) OR \(condition(r)))"
        case .field(let field, let values):
            switch field {
            case .state: return "c.state IN (\(list(values)))"
            case .source: return "c.source IN (\(list(values)))"
            case .tier: return "c.tier IN (\(list(values)))"
            case .priority: return "c.priority IN (\(list(values)))"
            case .category: return "c.category IN (\(list(values)))"
            case .group:
                let codes = categories.categories.filter { values.contains($0.group) }.map(\.code)
                return codes.isEmpty ? "0" : "c.category IN (\(list(codes)))"
            }
        case .flag(let flag):
            return flagCondition(flag)
        }
    }

    private func flagCondition(_ flag: CaseFlag) -> String {
        func states(_ s: [CaseState]) -> String { "c.state IN (\(list(s.map(\.rawValue))))" }
        switch flag {
        case .open: return states(vocabulary.open)
        case .closed: return states(vocabulary.states(.closed))
        case .registered: return states(vocabulary.states(.registered))
        case .dispatched: return "c.assigned_unit_id IS NOT NULL"
        case .handled: return states(vocabulary.states(.handled))
        case .checked: return states(vocabulary.states(.checked))
        case .overdue, .returned, .lateHandle, .lateVerify:
            return "\(flag.rawValue)_set.case_id IS NOT NULL"
        case .today:
            let day = ChinaDay(now)
            return "(c.created_at >= \(day.start.storedMillis) AND c.created_at < \(day.next.start.storedMillis))"
        case .repeat: return "c.likely_repeat <> 0"
        case .reworked: return "c.rework_count > 0"
        case .rated: return "c.satisfaction IS NOT NULL"
        case .satisfied: return "coalesce(c.satisfaction, 0) >= 4"
        }
    }

    /// Flags that need other tables: each becomes one `LEFT JOIN` on the set of case ids that
    /// have it, computed once per query (not once per aggregate that mentions it).
    func joins(for terms: [CountTerm]) -> String {
        var used: Set<CaseFlag> = []
        func walk(_ f: CaseFilter) {
            switch f {
            case .all, .field: break
            case .flag(let flag): used.insert(flag)
            case .not(let inner): walk(inner)
            case .and(let l, let r), .or(let l, let r):
                walk(l)
                walk(r)
            }
        }
        terms.forEach { walk($0.filter) }
        func late(_ kind: String) -> String {
            """
            SELECT DISTINCT case_id FROM transitions WHERE action = 'markLight'
                AND json_extract(payload, '$.kind') = '\(kind)' AND json_extract(payload, '$.light') = 'red'
            """
        }
        let sets: [(CaseFlag, String)] = [
            (.overdue, "SELECT DISTINCT case_id FROM case_deadlines WHERE due_at <= \(now.storedMillis)"),
            (.returned, "SELECT DISTINCT case_id FROM transitions WHERE action = 'return'"),
            (.lateHandle, late("handle")),
            (.lateVerify, late("verify")),
        ]
        return sets.filter { used.contains($0.0) }
            .map { "LEFT JOIN (\($0.1)) \($0.0.rawValue)_set ON \($0.0.rawValue)_set.case_id = c.id" }
            .joined(separator: "\n")
    }

    private func list(_ values: [String]) -> String {
        values.map { "'" + $0.replacingOccurrences(of: "'", with: "''") + "'" }.joined(separator: ", ")
    }
}
