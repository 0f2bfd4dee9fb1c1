import Foundation

/// A calendar month in China (Asia/Shanghai), the period repeat rates are reported by.
public struct ReportMonth: Sendable, Hashable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int

    public init?(year: Int, month: Int) {
        guard (2000...2999).contains(year), (1...12).contains(month) else { return nil }
        self.year = year
        self.month = month
    }

    /// Reads `YYYY-MM`; the error names `field`.
    public static func parse(_ text: String, field: String = "month") throws(DomainError) -> ReportMonth {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let month = ReportMonth(year: Int(parts[0])!, month: Int(parts[1])!)
        else { throw .invalid(field: field, "月份须为 YYYY-MM 格式，例如 2026-11") }
        return month
    }

    /// The month in China that contains `date`.
    public init(containing date: Date) {
        let parts = Self.calendar.dateComponents([.year, .month], from: date)
        year = parts.year!
        month = parts.month!
    }

    /// Midnight in China on the first day.
    public var start: Date { Self.calendar.date(from: DateComponents(year: year, month: month, day: 1))! }
    /// Midnight in China on the first day of the next month (exclusive end).
    public var end: Date { Self.calendar.date(byAdding: .month, value: 1, to: start)! }

    public var description: String { String(format: "%04d-%02d", year, month) }

    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = CaseNumber.chinaTimeZone
        return calendar
    }()

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do { self = try Self.parse(text) } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.message))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
