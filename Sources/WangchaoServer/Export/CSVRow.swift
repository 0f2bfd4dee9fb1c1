import Foundation

/// One line of RFC 4180 CSV: fields quoted when they hold a comma, a quote or a line break,
/// and text that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR at the
/// start) prefixed with `'`, so an exported description cannot execute anything.
enum CSVRow {
    static func line(_ fields: [String]) -> String {
        fields.map(cell).joined(separator: ",") + "\r\n"
    }

    static func cell(_ value: String) -> String {
        var text = value
        if let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { text = "'" + text }
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
