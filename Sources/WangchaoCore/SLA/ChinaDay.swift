import Foundation

/// One calendar day in China (Asia/Shanghai, UTC+8 all year: China has kept no daylight saving
/// time since 1991), counted in days since 1970-01-01.
///
/// Working-day clocks count whole days in China, so day arithmetic is done on this plain
/// number rather than through `Calendar`, which is slow and depends on the host's settings.
public struct ChinaDay: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Days since 1970-01-01 (China).
    public let index: Int

    /// China's offset from UTC, in seconds.
    public static let utcOffset = 8 * 3600

    public init(index: Int) { self.index = index }

    /// The China day containing `date`.
    public init(_ date: Date) {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down)) + Self.utcOffset
        index = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
    }

    /// The day `year-month-day`, or `nil` when no such date exists (2025-02-30).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), (1...31).contains(day) else { return nil }
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        let candidate = ChinaDay(index: era * 146_097 + doe - 719_468)
        guard candidate.components == (year, month, day) else { return nil }
        self = candidate
    }

    /// Parses `YYYY-MM-DD`; `nil` for anything else or a date that does not exist.
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// (year, month, day).
    public var components: (year: Int, month: Int, day: Int) {
        let z = index + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// 0 = Monday … 6 = Sunday.
    public var weekday: Int { ((index + 3) % 7 + 7) % 7 }

    public var isWeekend: Bool { weekday >= 5 }

    /// Midnight at the start of this day in China.
    public var start: Date { Date(timeIntervalSince1970: TimeInterval(index * 86_400 - Self.utcOffset)) }

    public var next: ChinaDay { ChinaDay(index: index + 1) }

    public var description: String {
        let (y, m, d) = components
        return String(format: "%04d-%02d-%02d", y, m, d)
    }

    public static func < (lhs: ChinaDay, rhs: ChinaDay) -> Bool { lhs.index < rhs.index }
}
