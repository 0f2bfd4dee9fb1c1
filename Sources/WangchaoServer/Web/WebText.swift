import Foundation
import WangchaoCore

/// How the pages write times and durations: Asia/Shanghai wall time, durations in Chinese.
enum WebText {
    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = CaseNumber.chinaTimeZone
        return calendar
    }()

    /// `2026-11-24 16:05` in China time.
    static func time(_ date: Date) -> String {
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(
            format: "%04d-%02d-%02d %02d:%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0)
    }

    /// `2026-11-24T16:05:00+08:00`, for `<time datetime>`.
    /// Written from calendar fields as `ISO8601DateFormatter` would: making one per call cost
    /// the 工作台 about 10 ms for its 30 rows.
    static func machineTime(_ date: Date) -> String {
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let offset = calendar.timeZone.secondsFromGMT(for: date)
        let zone =
            offset == 0
            ? "Z" : (offset < 0 ? "-" : "+") + String(format: "%02d:%02d", abs(offset) / 3600, abs(offset) % 3600 / 60)
        return String(
            format: "%04d-%02d-%02dT%02d:%02d:%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0,
            c.second ?? 0) + zone
    }

    /// "剩 3 小时 12 分" before `due`, "已超时 2 小时" after it.
    static func remaining(until due: Date, now: Date) -> String {
        let seconds = due.timeIntervalSince(now)
        let span = duration(abs(seconds))
        return seconds >= 0 ? "剩 \(span)" : "已超时 \(span)"
    }

    /// "3 天 2 小时", "3 小时 12 分", "12 分", "不到 1 分".
    static func duration(_ seconds: TimeInterval) -> String {
        let minutes = Int(seconds / 60)
        let days = minutes / 1440, hours = (minutes % 1440) / 60, rest = minutes % 60
        if days > 0 { return hours > 0 ? "\(days) 天 \(hours) 小时" : "\(days) 天" }
        if hours > 0 { return rest > 0 ? "\(hours) 小时 \(rest) 分" : "\(hours) 小时" }
        return minutes > 0 ? "\(minutes) 分" : "不到 1 分"
    }
}

/// A case's light and time left as the pages show them: the light of its worst deadline, the
/// deadline due first, in words as well as colour.
struct CaseUrgency {
    let light: Light?
    /// The deadline due first among those running; nil when none runs.
    let next: Deadline?
    let now: Date

    init(_ subject: Case, now: Date, calendar: WorkCalendar) {
        self.init(
            light: subject.deadlines.isEmpty ? nil : Light.of(subject, at: now, calendar: calendar), deadlines: subject.deadlines,
            now: now)
    }

    /// A row's: its light as the store ranked it (``Light/listed(earliestDue:earliestYellow:at:)``)
    /// and its deadlines for the time left.
    init(light: Light?, deadlines: [Deadline], now: Date) {
        self.now = now
        next = deadlines.min { $0.dueAt < $1.dueAt }
        self.light = light
    }

    var lightClass: String { light.map { "light-\($0.rawValue)" } ?? "light-none" }
    var lightText: String { light?.chineseName ?? "无时限" }
    var timeLeft: String {
        guard let next else { return "—" }
        return "\(next.kind.chineseName)\(WebText.remaining(until: next.dueAt, now: now))"
    }
}
