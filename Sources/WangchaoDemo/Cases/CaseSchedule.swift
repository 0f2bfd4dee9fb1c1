import Foundation

/// When the cases come in: moments spread over the China days up to `now`, busier in office
/// hours and on weekdays, in whole seconds, sorted.
enum CaseSchedule {
    /// China Standard Time is UTC+8 all year, so days are computed with plain arithmetic.
    static let chinaOffset: TimeInterval = 8 * 3600
    static let secondsPerDay: TimeInterval = 86_400

    /// Relative intake per hour of the day in China, peaking mid-morning and mid-afternoon.
    static let hourWeights: [Double] = [
        0.3, 0.2, 0.15, 0.1, 0.1, 0.2, 0.6, 1.5, 3.5, 5, 5.5, 4.5,
        2.5, 3, 5, 5, 4.5, 3, 2, 2, 2, 1.5, 0.8, 0.5,
    ]

    /// `count` moments in the last `days` China days (today included, never after `now`), sorted.
    static func times(count: Int, days: Int, now: Date, using rng: inout SeededGenerator) -> [Date] {
        let today = dayNumber(of: now)
        let dayWeights = (0..<days).map { back in isWeekend(today - back) ? 0.75 : 1.0 }
        var times: [Date] = []
        times.reserveCapacity(count)
        while times.count < count {
            let day = today - rng.index(weights: dayWeights)
            let seconds = rng.index(weights: hourWeights) * 3600 + rng.int(below: 3600)
            let moment = Date(timeIntervalSince1970: Double(day) * secondsPerDay - chinaOffset + Double(seconds))
            if moment <= now { times.append(moment) }
        }
        return times.sorted()
    }

    /// Days since 1970-01-01 in China.
    static func dayNumber(of date: Date) -> Int {
        Int(((date.timeIntervalSince1970 + chinaOffset) / secondsPerDay).rounded(.down))
    }

    /// 1970-01-01 was a Thursday.
    private static func isWeekend(_ dayNumber: Int) -> Bool {
        let weekday = ((dayNumber % 7) + 7 + 3) % 7  // 0 = Monday
        return weekday >= 5
    }
}
