import Foundation

/// An instant read on the wall clock of Asia/Shanghai (UTC+8 all year, no daylight saving):
/// the minute of the day, the ISO weekday and the calendar day, for time-of-day rules and
/// duty rosters. Computed arithmetically, so a routing decision costs no calendar lookups.
public struct ChinaTime: Sendable, Equatable {
    /// 0 (00:00) … 1439 (23:59).
    public let minuteOfDay: Int
    /// ISO weekday: 1 Monday … 7 Sunday.
    public let weekday: Int
    /// Days since 1970-01-01 in China.
    public let dayNumber: Int

    public init(_ date: Date) {
        let seconds = Int(floor(date.timeIntervalSince1970)) + 8 * 3600
        let day = Int(floor(Double(seconds) / 86_400))
        dayNumber = day
        minuteOfDay = (seconds - day * 86_400) / 60
        // 1970-01-01 was a Thursday (ISO 4).
        weekday = ((day % 7 + 7) % 7 + 3) % 7 + 1
    }

    /// The day as `yyyy-MM-dd`.
    public var dateText: String { ChinaDay(index: dayNumber).description }

    /// The day number of a `yyyy-MM-dd` text, `nil` when it is not a real date.
    public static func dayNumber(of text: String) -> Int? { ChinaDay(iso: text)?.index }

    /// `HH:mm` → minutes since midnight; `24:00` is allowed as an end.
    public static func minute(of text: String) -> Int? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2, let h = Int(parts[0]), let m = Int(parts[1]),
            (0...24).contains(h), (0...59).contains(m), h * 60 + m <= 1440
        else { return nil }
        return h * 60 + m
    }

    /// `HH:mm` of a minute of the day.
    public static func text(ofMinute minute: Int) -> String { twoDigits(minute / 60) + ":" + twoDigits(minute % 60) }

    /// Without `String(format:)`, which costs microseconds: texts are built for every decision.
    private static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
}
