import Foundation

/// Dates as departments write them → ISO `yyyy-MM-dd`: `2023-05-01`, `2023/5/1`, `2023.05.01`,
/// `20230501`, `2023年5月1日`, with an optional time after a space (dropped).
public enum RegistryDate {
    public static func normalise(_ raw: String) -> Result<String, RegistryCheckFailure> {
        var text = TextCleaning.halfWidth(raw).trimmingCharacters(in: .whitespaces)
        if let space = text.firstIndex(where: { $0 == " " || $0 == "T" }) { text = String(text[..<space]) }
        guard !text.isEmpty else { return .failure(.init("日期为空")) }
        var parts: [String]
        if text.count == 8, text.allSatisfy({ $0.isASCII && $0.isNumber }) {
            parts = [String(text.prefix(4)), String(text.dropFirst(4).prefix(2)), String(text.suffix(2))]
        } else {
            let unified = text.replacingOccurrences(of: "年", with: "-").replacingOccurrences(of: "月", with: "-")
                .replacingOccurrences(of: "日", with: "").replacingOccurrences(of: "/", with: "-")
                .replacingOccurrences(of: ".", with: "-")
            parts = unified.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        }
        guard parts.count == 3, parts[0].count == 4, (1...2).contains(parts[1].count), (1...2).contains(parts[2].count),
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } })
        else { return .failure(.init("无法识别的日期「\(raw)」")) }
        guard (1900...2099).contains(year), CalendarDate.isValid(year: year, month: month, day: day) else {
            return .failure(.init("日期不存在「\(raw)」"))
        }
        return .success(CalendarDate.iso(year: year, month: month, day: day))
    }
}
