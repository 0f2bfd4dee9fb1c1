import Foundation

/// The quality report of one table import: what was read, linked, fixed, rejected and found
/// twice. Printed by `wangchao import table` and stored with the import.
public struct ImportReport: Sendable, Equatable, Codable, Identifiable {
    public var id: String
    public var file: String
    public var department: String
    public var table: String
    public var target: RegistryTarget
    public var importedAt: Date
    /// Data rows in the file (the header not counted).
    public var rowsRead: Int
    /// Records written (new ones; duplicates not counted).
    public var imported: Int
    /// Records imported whose address matched a standard address with a certain score.
    public var linked: Int
    /// Rows that needed at least one fix.
    public var fixedRows: Int
    /// How rows were fixed, with how many rows each, most frequent first.
    public var fixes: [ImportFixCount]
    public var rejected: [ImportRejection]
    /// Rows whose key appeared earlier in the same file.
    public var duplicatesInFile: Int
    /// Rows already stored from the same department's table (a rerun).
    public var duplicatesStored: Int

    public init(
        id: String, file: String, department: String, table: String, target: RegistryTarget, importedAt: Date,
        rowsRead: Int = 0, imported: Int = 0, linked: Int = 0, fixedRows: Int = 0, fixes: [ImportFixCount] = [],
        rejected: [ImportRejection] = [], duplicatesInFile: Int = 0, duplicatesStored: Int = 0
    ) {
        self.id = id
        self.file = file
        self.department = department
        self.table = table
        self.target = target
        self.importedAt = importedAt
        self.rowsRead = rowsRead
        self.imported = imported
        self.linked = linked
        self.fixedRows = fixedRows
        self.fixes = fixes
        self.rejected = rejected
        self.duplicatesInFile = duplicatesInFile
        self.duplicatesStored = duplicatesStored
    }

    public var duplicates: Int { duplicatesInFile + duplicatesStored }

    /// The report as printed: one line per figure, then the fixes and the first rejections.
    public func lines(maxRejections: Int = 20) -> [String] {
        var lines = [
            "导入报告 \(id)：\(department)《\(table)》→ \(target.chineseName)（\(file)）",
            "  读取 \(rowsRead) 行，导入 \(imported) 条，关联标准地址 \(linked) 条，修正 \(fixedRows) 行，拒绝 \(rejected.count) 行，重复 \(duplicates) 行（文件内 \(duplicatesInFile)，已导入 \(duplicatesStored)）",
        ]
        for fix in fixes { lines.append("  修正：\(fix.how) \(fix.rows) 行") }
        for rejection in rejected.prefix(maxRejections) {
            let column = rejection.column.isEmpty ? "" : "列「\(rejection.column)」（\(rejection.field)）："
            lines.append("  拒绝：第 \(rejection.row) 行 \(column)\(rejection.reason)")
        }
        if rejected.count > maxRejections { lines.append("  …另有 \(rejected.count - maxRejections) 行被拒绝（完整清单见存储的报告）") }
        return lines
    }
}

public struct ImportFixCount: Sendable, Equatable, Codable {
    public var how: String
    public var rows: Int

    public init(how: String, rows: Int) {
        self.how = how
        self.rows = rows
    }
}

/// A rejected row: its record number in the file (header = 1), the column and field that
/// failed, and why.
public struct ImportRejection: Sendable, Equatable, Codable {
    public var row: Int
    public var column: String
    public var field: String
    public var reason: String

    public init(row: Int, column: String, field: String, reason: String) {
        self.row = row
        self.column = column
        self.field = field
        self.reason = reason
    }

    /// A rejection before its row number is known.
    public struct Cause: Error, Sendable, Equatable {
        public var column: String
        public var field: String
        public var reason: String

        public init(column: String, field: String, reason: String) {
            self.column = column
            self.field = field
            self.reason = reason
        }
    }
}
