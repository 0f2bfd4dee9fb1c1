import Foundation
import Testing
import WangchaoCore

@Suite struct WorkCalendarTests {
    let calendar = WorkCalendar.bundled

    @Test func chinaDaysAndWeekdays() {
        #expect(ChinaDay(index: 0).description == "1970-01-01")
        #expect(ChinaDay(index: 0).weekday == 3)  // Thursday
        #expect(ChinaDay(iso: "2026-10-10")?.weekday == 5)  // Saturday
        #expect(ChinaDay(iso: "2026-02-29") == nil)
        #expect(ChinaDay(iso: "2028-02-29")?.description == "2028-02-29")
        #expect(ChinaDay(iso: "2026-1-04") == nil)
        // 16:00 UTC is midnight in China: the next day there.
        #expect(ChinaDay(Date(timeIntervalSince1970: 1_791_561_600)).description == "2026-10-10")  // 2026-10-09T16:00Z
        #expect(ChinaDay(Date(timeIntervalSince1970: 1_791_561_599)).description == "2026-10-09")
    }

    @Test(arguments: [
        ("2026-10-10", true),  // Saturday, 国庆 make-up day
        ("2026-09-20", true),  // Sunday, make-up day
        ("2026-01-04", true),  // Sunday, 元旦 make-up day
        ("2025-01-26", true), ("2025-02-08", true), ("2025-04-27", true), ("2025-09-28", true), ("2025-10-11", true),
        ("2026-02-14", true), ("2026-02-28", true), ("2026-05-09", true),
        ("2026-10-01", false), ("2026-10-07", false), ("2026-10-03", false), ("2026-02-23", false),  // holidays
        ("2025-10-08", false), ("2025-01-28", false), ("2025-02-04", false), ("2025-05-31", false), ("2026-06-19", false),
        ("2026-09-25", false), ("2026-01-02", false), ("2026-04-06", false),
        ("2026-10-08", true), ("2026-11-24", true),  // ordinary weekdays
        ("2026-10-11", false), ("2026-11-28", false),  // ordinary weekend days
        ("2027-10-01", true),  // a Friday of a year the calendar does not hold: only weekends are off
    ])
    func workingDays(_ date: String, _ working: Bool) {
        #expect(calendar.isWorkingDay(ChinaDay(iso: date)!) == working, "\(date)")
    }

    @Test func threeWorkingDaysAcrossNationalDayCountTheMakeUpSaturday() {
        let start = China.at(2026, 9, 30, 10)
        // 14 h on 9/30, 10/1–10/7 off, 24 h on 10/8 and on 10/9, the last 10 h on Saturday 10/10 (调休上班).
        #expect(calendar.due(from: start, workingMinutes: 3 * 1440) == China.at(2026, 10, 10, 10))
        // Without the make-up day the limit would run over the weekend to Monday.
        #expect(Self.withoutMakeUp.due(from: start, workingMinutes: 3 * 1440) == China.at(2026, 10, 12, 10))
        // With no holidays at all: Thursday and Friday count, due Monday.
        #expect(WorkCalendar.weekdaysOnly.due(from: start, workingMinutes: 3 * 1440) == China.at(2026, 10, 5, 10))
    }

    @Test func elapsedWorkingTimeSkipsHolidaysAndWeekends() {
        #expect(calendar.workingMinutes(from: China.at(2026, 9, 30, 10), to: China.at(2026, 10, 9, 10)) == 48 * 60)
        #expect(calendar.workingMinutes(from: China.at(2026, 10, 2), to: China.at(2026, 10, 8)) == 0)
        #expect(calendar.workingMinutes(from: China.at(2026, 10, 10, 8), to: China.at(2026, 10, 12, 9)) == (16 + 9) * 60)
        #expect(calendar.workingMinutes(from: China.at(2026, 10, 9), to: China.at(2026, 10, 8)) == 0)
    }

    @Test func aLimitStartedOnAHolidayStartsCountingOnTheNextWorkingDay() {
        #expect(calendar.due(from: China.at(2026, 10, 3, 15), workingMinutes: 60) == China.at(2026, 10, 8, 1))
        #expect(calendar.due(from: China.at(2026, 11, 27, 23), workingMinutes: 120) == China.at(2026, 11, 30, 1))
    }

    static let withoutMakeUp = try! WorkCalendar.from(
        #"{"years": [{"year": 2026, "holidays": [{"name": "国庆节", "from": "2026-10-01", "to": "2026-10-07"}]}]}"#)

    @Test(arguments: [
        (#"{"years": [{"year": 2026, "holidays": [{"name": "春节", "from": "2026-02-30"}]}]}"#, "years[0].holidays[0].from"),
        (
            #"{"years": [{"year": 2026, "holidays": [{"name": "国庆节", "from": "2026-10-01", "to": "2026-10-07"}], "workdays": [{"name": "错", "date": "2026-10-03"}]}]}"#,
            "years[0].workdays[0].date"
        ),
        (#"{"years": [{"year": 2026, "holidays": [{"name": "x", "from": "2026-10-07", "to": "2026-10-01"}]}]}"#, "years[0].holidays[0].to"),
        (#"{"years": [{"year": 2026, "holidays": []}, {"year": 2026, "holidays": []}]}"#, "years[1].year"),
        (#"{"years": [{"year": 2026, "holidays": [], "workdays": [{"name": "x", "date": "10/10"}]}]}"#, "years[0].workdays[0].date"),
        (#"{"timeZone": "UTC", "years": []}"#, "timeZone"),
        (#"{"years": [{"year": "2026", "holidays": []}]}"#, "years[0].year"),
        (#"{"years": [{"year": 2026}]}"#, "years[0].holidays"),
    ])
    func invalidFilesAreRefusedNamingTheEntry(_ json: String, _ field: String) {
        do {
            _ = try WorkCalendar.from(json)
            Issue.record("accepted \(json)")
        } catch {
            #expect(error.code == .invalid)
            #expect(error.field == field, "\(error)")
        }
    }
}
