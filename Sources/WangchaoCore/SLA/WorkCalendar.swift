import Foundation

/// Which days in China are working days: Monday to Friday, except public holidays, plus the
/// weekend days the State Council names as make-up working days (调休上班).
///
/// The arrangement changes every year and is announced in the winter before, so it is data
/// (``WorkCalendar/bundled`` from `work-calendar.json`, or a file given to `wangchao serve
/// --calendar`), never code. Years the calendar does not cover fall back to plain weekends.
public struct WorkCalendar: Sendable, Equatable {
    /// Public holidays, by day, with the holiday's name.
    public let holidays: [ChinaDay: String]
    /// Make-up working days (weekend days that are worked), with the reason.
    public let workdays: [ChinaDay: String]
    /// The years whose arrangement the calendar holds.
    public let years: [Int]

    /// A calendar with no holidays: Monday to Friday.
    public static let weekdaysOnly = WorkCalendar(uncheckedHolidays: [:], workdays: [:], years: [])

    init(uncheckedHolidays holidays: [ChinaDay: String], workdays: [ChinaDay: String], years: [Int]) {
        self.holidays = holidays
        self.workdays = workdays
        self.years = years
    }

    /// Whether `day` counts on a working-day clock.
    public func isWorkingDay(_ day: ChinaDay) -> Bool {
        if workdays[day] != nil { return true }
        if holidays[day] != nil { return false }
        return !day.isWeekend
    }

    /// Seconds of working days between `from` and `to` (0 when `to` is not after `from`).
    public func workingSeconds(from: Date, to: Date) -> TimeInterval {
        guard to > from else { return 0 }
        var total: TimeInterval = 0
        var day = ChinaDay(from)
        let last = ChinaDay(to)
        while day <= last {
            if isWorkingDay(day) {
                let start = max(from, day.start)
                let end = min(to, day.next.start)
                if end > start { total += end.timeIntervalSince(start) }
            }
            day = day.next
        }
        return total
    }

    /// Working minutes between two instants; see ``workingSeconds(from:to:)``.
    public func workingMinutes(from: Date, to: Date) -> Double { workingSeconds(from: from, to: to) / 60 }

    /// The instant when `seconds` of working time have passed since `start`: time on holidays
    /// and ordinary weekends does not count, time on make-up working days does.
    public func due(from start: Date, workingSeconds seconds: TimeInterval) -> Date {
        var remaining = seconds
        var cursor = start
        var day = ChinaDay(start)
        // Ten years of days is far beyond any limit; the bound only guards against a bad input.
        for _ in 0..<3660 {
            if isWorkingDay(day) {
                let available = day.next.start.timeIntervalSince(cursor)
                if remaining <= available { return cursor + remaining }
                remaining -= available
            }
            day = day.next
            cursor = day.start
        }
        return cursor + remaining
    }

    /// The instant `minutes` working minutes after `start`.
    public func due(from start: Date, workingMinutes minutes: Int) -> Date {
        due(from: start, workingSeconds: TimeInterval(minutes * 60))
    }
}
