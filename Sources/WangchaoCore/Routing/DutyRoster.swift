/// Who of a unit is on duty when (值班表): shifts by weekday and/or date, wall-clock time in
/// Asia/Shanghai. A unit without shifts keeps no roster: all its members count as available.
public struct DutyRoster: Sendable, Equatable, Codable {
    /// Who may stand on a unit's roster: the roles that work its cases (those who may sign).
    public static let eligibleRoles = Lifecycle.allowedRoles(for: .sign)

    public var unitId: String
    public var shifts: [DutyShift]

    public init(unitId: String, shifts: [DutyShift]) {
        self.unitId = unitId
        self.shifts = shifts
    }

    /// The usernames on duty at `time`, in roster order without repeats.
    public func onDuty(at time: ChinaTime) -> [String] {
        var seen: Set<String> = []
        return shifts.filter { $0.covers(time) }.map(\.username).filter { seen.insert($0).inserted }
    }

    /// Checks every shift; `members` are the usernames that may be on the roster (the unit's
    /// active handlers). The field names the shift, e.g. `shifts[2].endMinute`.
    public func validate(members: Set<String>) throws(DomainError) {
        guard shifts.count <= 500 else { throw .invalid(field: "shifts", "值班表最多 500 个班次") }
        for (index, shift) in shifts.enumerated() {
            let path = "shifts[\(index)]"
            guard members.contains(shift.username) else {
                throw .invalid(field: "\(path).username", "\(shift.username) 不是本单位的在岗处置人员")
            }
            guard (0..<1440).contains(shift.startMinute) else {
                throw .invalid(field: "\(path).startMinute", "开始时间须为 0 到 1439 分钟")
            }
            guard (1...1440).contains(shift.endMinute), shift.endMinute != shift.startMinute else {
                throw .invalid(field: "\(path).endMinute", "结束时间须为 1 到 1440 分钟，且不同于开始时间")
            }
            guard !shift.weekdays.isEmpty || !shift.dates.isEmpty else {
                throw .invalid(field: "\(path).weekdays", "须给出星期（1–7）或日期")
            }
            for (w, day) in shift.weekdays.enumerated() where !(1...7).contains(day) {
                throw .invalid(field: "\(path).weekdays[\(w)]", "星期须为 1（周一）到 7（周日）")
            }
            for (d, date) in shift.dates.enumerated() where ChinaTime.dayNumber(of: date) == nil {
                throw .invalid(field: "\(path).dates[\(d)]", "日期须为 yyyy-MM-dd 格式的真实日期")
            }
        }
    }
}

/// One shift: the days it starts on and its wall-clock hours. A shift whose end is before its
/// start runs past midnight into the next day (a night shift belongs to the day it starts).
public struct DutyShift: Sendable, Equatable, Codable {
    public var username: String
    /// ISO weekdays, 1 Monday … 7 Sunday.
    public var weekdays: [Int]
    /// Single days, `yyyy-MM-dd` (China).
    public var dates: [String]
    /// Minutes since midnight, inclusive.
    public var startMinute: Int
    /// Minutes since midnight, exclusive; 1440 is midnight.
    public var endMinute: Int

    public init(username: String, weekdays: [Int] = [], dates: [String] = [], startMinute: Int, endMinute: Int) {
        self.username = username
        self.weekdays = weekdays
        self.dates = dates
        self.startMinute = startMinute
        self.endMinute = endMinute
    }

    private enum CodingKeys: String, CodingKey { case username, weekdays, dates, startMinute, endMinute }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        username = try c.decode(String.self, forKey: .username)
        weekdays = try c.decodeIfPresent([Int].self, forKey: .weekdays) ?? []
        dates = try c.decodeIfPresent([String].self, forKey: .dates) ?? []
        startMinute = try c.decode(Int.self, forKey: .startMinute)
        endMinute = try c.decode(Int.self, forKey: .endMinute)
    }

    /// Whether the shift is running at `time`.
    public func covers(_ time: ChinaTime) -> Bool {
        let minute = time.minuteOfDay
        if startMinute < endMinute {
            return minute >= startMinute && minute < endMinute && starts(onDay: time.dayNumber, weekday: time.weekday)
        }
        if minute >= startMinute { return starts(onDay: time.dayNumber, weekday: time.weekday) }
        if minute < endMinute {
            return starts(onDay: time.dayNumber - 1, weekday: time.weekday == 1 ? 7 : time.weekday - 1)
        }
        return false
    }

    private func starts(onDay day: Int, weekday: Int) -> Bool {
        weekdays.contains(weekday) || dates.contains { ChinaTime.dayNumber(of: $0) == day }
    }
}
