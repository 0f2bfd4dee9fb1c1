/// Where a registry record came from: the department that keeps the source table, the table's
/// name, and the record's row in the imported file (header = row 1), so that every person,
/// enterprise and facility can be traced back to the line a department gave us.
public struct Lineage: Sendable, Equatable, Codable, Hashable {
    public var department: String
    public var table: String
    public var row: Int

    public init(department: String, table: String, row: Int) {
        self.department = department
        self.table = table
        self.row = row
    }

    /// A stable record id for a source key (id number, credit code, a facility's own code):
    /// the same key from the same department's table is the same record however often the table
    /// is imported, so a rerun counts duplicates instead of doubling them.
    public static func recordId(prefix: String, department: String, table: String, key: String) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in "\(department)\u{1F}\(table)\u{1F}\(key)".utf8 { h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        let hex = String(h, radix: 16)
        return prefix + String(repeating: "0", count: 16 - hex.count) + hex
    }
}
