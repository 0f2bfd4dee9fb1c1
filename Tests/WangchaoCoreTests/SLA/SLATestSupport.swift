import Foundation
import WangchaoCore

/// Instants given as wall-clock time in China, for SLA tests.
enum China {
    static func at(_ year: Int, _ month: Int, _ day: Int, _ hour: Int = 0, _ minute: Int = 0) -> Date {
        ChinaDay(year: year, month: month, day: day)!.start + TimeInterval(hour * 3600 + minute * 60)
    }
}

extension WorkCalendar {
    /// A calendar from inline JSON, for tests.
    static func from(_ text: String) throws(DomainError) -> WorkCalendar { try WorkCalendar(json: Data(text.utf8)) }
}
