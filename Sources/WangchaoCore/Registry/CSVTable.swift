import Foundation

/// A CSV file as departments export it (RFC 4180): comma-separated, fields in double quotes
/// may hold commas, quotes (doubled) and line breaks; CRLF or LF line ends; UTF-8 with or
/// without a byte-order mark. GBK (what Excel writes on Chinese Windows) is refused with a
/// message that says what to do, never read as garbage.
public struct CSVTable: Sendable, Equatable {
    public var header: [String]
    /// The data records; `rows[i]` is record `i + 2` of the file (the header is record 1).
    public var rows: [[String]]

    public init(header: [String], rows: [[String]]) {
        self.header = header
        self.rows = rows
    }

    /// The record number a department sees for `rows[index]` (header = 1).
    public static func recordNumber(ofRowAt index: Int) -> Int { index + 2 }

    public static func parse(_ data: Data) throws(ImportFileError) -> CSVTable {
        var bytes = data[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            throw ImportFileError("文件是 UTF-16 编码；请另存为 UTF-8（CSV UTF-8）后再导入")
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw ImportFileError("文件不是 UTF-8 编码（可能是 GBK）；请在 Excel 中另存为「CSV UTF-8」或用 iconv -f GBK -t UTF-8 转换后再导入")
        }
        var records = try parseRecords(text)
        guard !records.isEmpty else { throw ImportFileError("文件为空：没有表头") }
        let header = records.removeFirst().map { $0.trimmingCharacters(in: .whitespaces) }
        guard header.contains(where: { !$0.isEmpty }) else { throw ImportFileError("表头为空") }
        return CSVTable(header: header, rows: records)
    }

    /// Splits into records of fields. A blank line is skipped; a quote left open is an error.
    static func parseRecords(_ text: String) throws(ImportFileError) -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = String.UnicodeScalarView()
        var inQuotes = false
        var quotedField = false
        var scalars = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        func endRecord() {
            record.append(String(field))
            field = String.UnicodeScalarView()
            if !(record.count == 1 && record[0].isEmpty && !quotedField) { records.append(record) }
            record = []
            quotedField = false
        }
        while let scalar = pending ?? scalars.next() {
            pending = nil
            if inQuotes {
                if scalar == "\"" {
                    if let next = scalars.next() {
                        if next == "\"" { field.append("\"") } else { inQuotes = false; pending = next }
                    } else {
                        inQuotes = false
                    }
                } else {
                    field.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where field.isEmpty:
                inQuotes = true
                quotedField = true
            case ",":
                record.append(String(field))
                field = String.UnicodeScalarView()
            case "\r":
                if let next = scalars.next(), next != "\n" { pending = next }
                endRecord()
            case "\n":
                endRecord()
            default:
                field.append(scalar)
            }
        }
        if inQuotes { throw ImportFileError("第 \(records.count + 1) 条记录的引号没有闭合") }
        if !field.isEmpty || !record.isEmpty || quotedField { endRecord() }
        return records
    }
}

/// Why a whole file was refused (unreadable, not UTF-8, mapping unfit): nothing was imported.
public struct ImportFileError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
