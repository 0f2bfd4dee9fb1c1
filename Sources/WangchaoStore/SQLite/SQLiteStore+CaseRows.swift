import Foundation
import GRDB
import WangchaoCore

extension SQLiteStore {
    /// The list's query (same visibility, filters and order) selecting only the row's fields:
    /// kept columns where the store updates them with the body, the rest pulled out of the body
    /// by SQLite. Only the deadlines are decoded here (as ``CaseRow/Limit``s), all rows' in one
    /// call: the stored JSON arrays joined into one array, so their numbers are parsed as stored.
    public func caseRows(_ query: CaseQuery, viewer: Viewer, limit: Int) async throws -> CaseRowScan {
        guard (1...CaseRowScan.maxLimit).contains(limit) else {
            throw DomainError.invalid(field: "limit", "limit 须为 1 到 \(CaseRowScan.maxLimit) 的整数")
        }
        var query = query
        query.limit = limit
        let (sql, arguments) = try Self.listSQL(query, viewer: viewer, columns: Self.caseRowColumns)
        return try await reads.read { db in try Self.readCaseRows(db, sql: sql, arguments: arguments, limit: limit) }
    }

    /// Reads the rows of a statement selecting ``caseRowColumns``, at most `limit` (`more` tells
    /// whether the statement had another); `each` sees every row read, for extra columns.
    static func readCaseRows(
        _ db: Database, sql: String, arguments: StatementArguments, limit: Int, each: (Row) throws -> Void = { _ in }
    ) throws -> CaseRowScan {
        var rows: [CaseRow] = []
        var deadlines: [String] = []
        rows.reserveCapacity(limit)
        deadlines.reserveCapacity(limit)
        var more = false
        let cursor = try Row.fetchCursor(db, sql: sql, arguments: arguments)
        while let row = try cursor.next() {
            guard rows.count < limit else {
                more = true
                break
            }
            rows.append(try Self.caseRow(row))
            deadlines.append(row["deadlines"] ?? "[]")
            try each(row)
        }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .millisecondsSince1970
        let limits = try decoder.decode(
            [[CaseRow.Limit]].self, from: Data(("[" + deadlines.joined(separator: ",") + "]").utf8))
        for index in rows.indices { rows[index].deadlines = limits[index] }
        return CaseRowScan(rows: rows, more: more)
    }

    static let caseRowColumns = """
        id, number, state, area_code, assigned_unit_id, created_at,
        json_extract(body, '$.category') AS category, json_extract(body, '$.priority') AS priority,
        json_extract(body, '$.description') AS description, json_extract(body, '$.location.address') AS address,
        json_extract(body, '$.location.lat') AS lat, json_extract(body, '$.location.lng') AS lng,
        json_extract(body, '$.deadlines') AS deadlines
        """

    /// A row without its deadlines (decoded together afterwards).
    private static func caseRow(_ row: Row) throws -> CaseRow {
        func value<T: RawRepresentable>(_ type: T.Type, _ column: String) throws -> T where T.RawValue == String {
            let text: String = row[column]
            guard let value = T(rawValue: text) else {
                throw DatabaseError(message: "cases.\(column): unknown value \(text)")
            }
            return value
        }
        return CaseRow(
            id: row["id"], number: row["number"], state: try value(CaseState.self, "state"), category: row["category"],
            priority: try value(Priority.self, "priority"), areaCode: row["area_code"],
            assignedUnitId: row["assigned_unit_id"], description: row["description"], address: row["address"],
            lat: row["lat"], lng: row["lng"], createdAt: Date(storedMillis: row["created_at"]), deadlines: [])
    }
}
