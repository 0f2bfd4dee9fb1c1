import Foundation
import Testing
import WangchaoCore
import WangchaoDemo

/// The demo's rosters leave no hour of the week without someone on duty in any platform or
/// department, so auto-dispatch always finds a person there.
@Suite struct DutyRosterTests {
    @Test func everyHourOfTheWeekIsCovered() throws {
        let district = try DemoDistrict.build(seed: 20_261_124)
        let rosters = DutyRosterBuilder.rosters(units: district.units, users: district.users)
        let staffed = district.units.filter { $0.kind == .platform || $0.kind == .department }
        #expect(rosters.count == staffed.count)
        // Monday 2026-11-23 00:00 China, then every 30 minutes for a week, plus the shift edges.
        let monday = Date(timeIntervalSince1970: 1_795_363_200)
        #expect(ChinaTime(monday).weekday == 1 && ChinaTime(monday).minuteOfDay == 0)
        var minutes: [Int] = Array(stride(from: 0, to: 7 * 1440, by: 30))
        for day in 0..<7 {
            let base = day * 1440
            let start = DutyRosterBuilder.dayStart
            let end = DutyRosterBuilder.dayEnd
            minutes += [base + start - 1, base + start, base + end - 1, base + end]
        }
        for roster in rosters {
            for minute in minutes {
                let time = ChinaTime(monday + TimeInterval(minute * 60))
                let onDuty: [String] = roster.onDuty(at: time)
                #expect(!onDuty.isEmpty, "\(roster.unitId): nobody at weekday \(time.weekday), minute \(time.minuteOfDay)")
            }
        }
        let handlers = Set(district.users.filter { $0.role == .departmentHandler }.map(\.username))
        for roster in rosters {
            let members = Set(district.users.filter { $0.unitId == roster.unitId }.map(\.username))
            try roster.validate(members: members.intersection(handlers))
        }
    }
}
