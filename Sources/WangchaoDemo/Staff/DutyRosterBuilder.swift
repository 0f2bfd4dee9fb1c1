import WangchaoCore

/// Duty rosters (值班表) for the demo's platform and department units, so that assignment finds
/// someone at any hour: every handler works weekday day shifts (08:30–17:30), and the handlers
/// take turns, day by day, for the night (17:30–08:30 next morning) and weekend days.
public enum DutyRosterBuilder {
    public static let dayStart = 8 * 60 + 30
    public static let dayEnd = 17 * 60 + 30

    public static func rosters(units: [WangchaoCore.Unit], users: [User]) -> [DutyRoster] {
        let handlers = Dictionary(grouping: users.filter { $0.role == .departmentHandler && $0.unitId != nil }) { $0.unitId! }
        return units.filter { $0.kind == .platform || $0.kind == .department }.compactMap { unit in
            guard let people = handlers[unit.id]?.sorted(by: { $0.username < $1.username }), !people.isEmpty else { return nil }
            var shifts: [DutyShift] = []
            for (index, person) in people.enumerated() {
                shifts.append(DutyShift(username: person.username, weekdays: [1, 2, 3, 4, 5], startMinute: dayStart, endMinute: dayEnd))
                let nights = (1...7).filter { ($0 - 1) % people.count == index }
                shifts.append(DutyShift(username: person.username, weekdays: nights, startMinute: dayEnd, endMinute: dayStart))
                let weekend = [6, 7].filter { ($0 - 1) % people.count == index }
                if !weekend.isEmpty {
                    shifts.append(DutyShift(username: person.username, weekdays: weekend, startMinute: dayStart, endMinute: dayEnd))
                }
            }
            return DutyRoster(unitId: unit.id, shifts: shifts)
        }
    }
}
