import Foundation
import GRDB
import WangchaoCore

extension SQLiteStore {
    public func listCases(_ query: CaseQuery, viewer: Viewer) async throws -> CasePage {
        guard (1...CaseQuery.maxLimit).contains(query.limit) else {
            throw DomainError.invalid(field: "limit", "limit 须为 1 到 \(CaseQuery.maxLimit) 的整数")
        }
        let (sql, arguments) = try Self.listSQL(query, viewer: viewer)
        let limit = query.limit
        return try await reads.read { db in
            let rows = try Row.fetchAll(db, sql: sql, arguments: arguments)
            let page = rows.prefix(limit)
            let items = try page.map { try StoredJSON.decodeCase($0["body"]) }
            let next = rows.count > limit ? page.last.map { PageCursor.encode($0["seq"]) } : nil
            return CasePage(items: items, nextCursor: next)
        }
    }

    /// Builds the page query: visibility first, then each filter, newest first, one extra row to
    /// tell whether another page follows.
    static func listSQL(_ query: CaseQuery, viewer: Viewer, columns: String = "seq, body") throws
        -> (String, StatementArguments)
    {
        let (whereClause, arguments) = try filterSQL(query, viewer: viewer)
        return ("SELECT \(columns) FROM cases WHERE \(whereClause) ORDER BY seq DESC LIMIT \(query.limit + 1)", arguments)
    }

    /// The `WHERE` condition (over unqualified `cases` columns) of what `viewer` may see of
    /// `query`: visibility first, then each filter and the cursor.
    static func filterSQL(_ query: CaseQuery, viewer: Viewer) throws -> (String, StatementArguments) {
        var clauses: [String] = []
        var arguments: StatementArguments = []
        func subtree(_ column: String, _ code: String) {
            clauses.append("(\(column) >= ? AND \(column) < ?)")
            arguments += [code, AreaCode.subtreeEnd(code)]
        }

        switch viewer.reach {
        case .nothing: clauses.append("0")
        case .everything: break
        case .limited(let area, let units):
            var visible: [String] = []
            if let area {
                visible.append("(area_code >= ? AND area_code < ?)")
                arguments += [area, AreaCode.subtreeEnd(area)]
            }
            for unitId in units {
                visible.append("id IN (SELECT case_id FROM case_units WHERE unit_id = ?)")
                arguments += [unitId]
            }
            clauses.append(visible.isEmpty ? "0" : "(" + visible.joined(separator: " OR ") + ")")
        }
        if !query.states.isEmpty {
            clauses.append("state IN (" + query.states.map { _ in "?" }.joined(separator: ",") + ")")
            arguments += StatementArguments(query.states.map(\.rawValue))
        }
        if let areaCode = query.areaCode { subtree("area_code", areaCode) }
        if let unitId = query.unitId {
            clauses.append("id IN (SELECT case_id FROM case_units WHERE unit_id = ?)")
            arguments += [unitId]
        }
        if let kind = query.kind {
            clauses.append("kind = ?")
            arguments += [kind.rawValue]
        }
        if let category = query.category {
            clauses.append("category = ?")
            arguments += [category]
        }
        if let source = query.source {
            clauses.append("source = ?")
            arguments += [source.rawValue]
        }
        if let from = query.createdFrom {
            clauses.append("created_at >= ?")
            arguments += [from.storedMillis]
        }
        if let to = query.createdTo {
            clauses.append("created_at < ?")
            arguments += [to.storedMillis]
        }
        if let phone = query.reporterPhone {
            clauses.append("reporter_phone_digest = ?")
            arguments += [PhoneDigest.of(phone) ?? "-"]
        }
        if let text = query.text?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            if CaseNumber.looksLikeNumber(text) {
                clauses.append("number = ?")
                arguments += [text]
            } else {
                for word in text.split(whereSeparator: \.isWhitespace) {
                    clauses.append("search_text LIKE ? ESCAPE '\\'")
                    arguments += ["%" + escapeLike(String(word)) + "%"]
                }
            }
        }
        if let cursor = query.cursor {
            guard let sequence = PageCursor.decode(cursor) else { throw DomainError.invalid(field: "cursor", "分页游标无效") }
            clauses.append("seq < ?")
            arguments += [sequence]
        }
        return (clauses.isEmpty ? "1" : clauses.joined(separator: " AND "), arguments)
    }

    private static func escapeLike(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_")
    }
}
