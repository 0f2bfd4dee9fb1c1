import Foundation
import GRDB
import WangchaoCore

extension SQLiteStore {
    /// The list's query (same visibility, filters and order) selecting only the row's fields:
    /// kept columns where the store updates them with the body, the rest pulled out of the body
    /// by SQLite; only the deadlines are decoded here (as ``CaseRow/Limit``s), with one decoder
    /// for all rows.
    public func caseRows(_ query: CaseQuery, viewer: User, limit: Int) async throws -> CaseRowScan {
        guard (1...CaseRowScan.maxLimit).contains(limit) else {
            throw DomainError.invalid(field: "limit", "limit 须为 1 到 \(CaseRowScan.maxLimit) 的整数")
        }
        var query = query
        query.limit = limit
        let (sql, arguments) = try Self.listSQL(query, viewer: viewer, columns: Self.caseRowColumns)
        return try await reads.read { db in
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .millisecondsSince1970
            var rows: [CaseRow] = []
            rows.reserveCapacity(limit)
            let cursor = try Row.fetchCursor(db, sql: sql, arguments: arguments)
            while let row = try cursor.next() {
                guard rows.count < limit else { return CaseRowScan(rows: rows, more: true) }
                rows.append(try Self.caseRow(row, decoder: decoder))
            }
            return CaseRowScan(rows: rows, more: false)
        }
    }

    static let caseRowColumns = """
        id, number, state, area_code, assigned_unit_id, created_at,
        json_extract(body, '$.category') AS category, json_extract(body, '$.priority') AS priority,
        json_extract(body, '$.description') AS description, json_extract(body, '$.location.address') AS address,
        json_extract(body, '$.deadlines') AS deadlines
        """

    private static func caseRow(_ row: Row, decoder: JSONDecoder) throws -> CaseRow {
        func value<T: RawRepresentable>(_ type: T.Type, _ column: String) throws -> T where T.RawValue == String {
            let text: String = row[column]
            guard let value = T(rawValue: text) else {
                throw DatabaseError(message: "cases.\(column): unknown value \(text)")
            }
            return value
        }
        let deadlines: String? = row["deadlines"]
        return CaseRow(
            id: row["id"], number: row["number"], state: try value(CaseState.self, "state"), category: row["category"],
            priority: try value(Priority.self, "priority"), areaCode: row["area_code"],
            assignedUnitId: row["assigned_unit_id"], description: row["description"], address: row["address"],
            createdAt: Date(storedMillis: row["created_at"]),
            deadlines: try deadlines.map { try decoder.decode([CaseRow.Limit].self, from: Data($0.utf8)) } ?? [])
    }
}
