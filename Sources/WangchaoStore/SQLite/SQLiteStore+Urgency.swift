import Foundation
import GRDB
import WangchaoCore

extension SQLiteStore {
    /// Two statements over the `cases_urgency` index: the counts per state and light, then the
    /// page's `seq`s ranked by light, earliest due and filing; only those rows are then read
    /// (their description and deadlines out of the body), so the cost of the page does not
    /// grow with what is shown of a row.
    public func casesByUrgency(_ query: UrgencyQuery, viewer: Viewer) async throws -> UrgencyPage {
        guard (1...UrgencyQuery.maxLimit).contains(query.limit) else {
            throw DomainError.invalid(field: "limit", "limit 须为 1 到 \(UrgencyQuery.maxLimit) 的整数")
        }
        guard (0...UrgencyQuery.maxOffset).contains(query.offset) else {
            throw DomainError.invalid(field: "offset", "offset 须为 0 到 \(UrgencyQuery.maxOffset) 的整数")
        }
        var cases = query.cases
        cases.cursor = nil
        let (filter, filterArguments) = try Self.filterSQL(cases, viewer: viewer)
        let now = query.now.storedMillis
        // 0 red, 1 yellow, 2 green, 3 no running limit (the order of ``UrgencyPage/order``).
        let rank = "CASE WHEN due_at IS NULL THEN 3 WHEN due_at <= \(now) THEN 0 WHEN warn_at <= \(now) THEN 1 ELSE 2 END"
        var pageFilter = filter
        var pageArguments = filterArguments
        if let state = query.state {
            pageFilter += " AND state = ?"
            pageArguments += [state.rawValue]
        }
        if let light = query.light {
            pageFilter += " AND \(rank) = \(Self.rank(of: light))"
        }
        pageArguments += [query.limit, query.offset]
        let (pageSQL, pageValues) = (pageFilter, pageArguments)
        return try await reads.read { db in
            var counts: [UrgencyCount] = []
            let grouped = try Row.fetchCursor(
                db, sql: "SELECT state, \(rank) AS r, count(*) FROM cases WHERE \(filter) GROUP BY 1, 2",
                arguments: filterArguments)
            while let row = try grouped.next() {
                let text: String = row[0]
                guard let state = CaseState(rawValue: text) else { throw DatabaseError(message: "cases.state: unknown value \(text)") }
                counts.append(UrgencyCount(state: state, light: Self.light(ofRank: row[1]), count: row[2]))
            }
            counts.sort {
                ($0.state.sortIndex, $0.state.rawValue, Self.rank(of: $0.light))
                    < ($1.state.sortIndex, $1.state.rawValue, Self.rank(of: $1.light))
            }
            let total = counts.filter { (query.state == nil || $0.state == query.state) && (query.light == nil || $0.light == query.light) }
                .reduce(0) { $0 + $1.count }
            let sql = """
                SELECT \(Self.caseRowColumns), p.r AS urgency FROM (
                    SELECT seq, \(rank) AS r FROM cases WHERE \(pageSQL)
                    ORDER BY r, due_at, created_at DESC, seq DESC LIMIT ? OFFSET ?
                ) p JOIN cases ON cases.seq = p.seq
                ORDER BY p.r, cases.due_at, cases.created_at DESC, cases.seq DESC
                """
            var ranks: [Int] = []
            let scanned = try Self.readCaseRows(db, sql: sql, arguments: pageValues, limit: query.limit) {
                ranks.append($0["urgency"])
            }
            let rows = zip(scanned.rows, ranks).map { UrgentRow(row: $0, light: Self.light(ofRank: $1)) }
            return UrgencyPage(rows: rows, total: total, counts: counts)
        }
    }

    private static func rank(of light: Light?) -> Int {
        switch light {
        case .red: 0
        case .yellow: 1
        case .green: 2
        case nil: 3
        }
    }

    private static func light(ofRank rank: Int) -> Light? {
        switch rank {
        case 0: .red
        case 1: .yellow
        case 2: .green
        default: nil
        }
    }
}

extension CaseState {
    /// Position in ``CaseState/lifecycle`` (the lifecycle's order); another kind's states after
    /// it, by name.
    fileprivate var sortIndex: Int { Self.lifecycle.firstIndex(of: self) ?? Self.lifecycle.count }
}
