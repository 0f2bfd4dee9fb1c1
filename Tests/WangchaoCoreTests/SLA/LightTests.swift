import Foundation
import Testing
import WangchaoCore
import WangchaoTesting

@Suite struct LightTests {
    let t0 = China.at(2026, 11, 24, 10)

    @Test func continuousLimitTurnsYellowAtEightyPercentAndRedWhenOver() {
        let deadline = Deadline(kind: .arrive, dueAt: t0 + 600, startedAt: t0, clock: .continuous)
        #expect(Light.of(deadline, at: t0, calendar: .bundled) == .green)
        #expect(Light.of(deadline, at: t0 + 479, calendar: .bundled) == .green)
        #expect(Light.of(deadline, at: t0 + 480, calendar: .bundled) == .yellow)  // 80 %
        #expect(Light.of(deadline, at: t0 + 599, calendar: .bundled) == .yellow)
        #expect(Light.of(deadline, at: t0 + 600, calendar: .bundled) == .red)  // 100 %
        #expect(Light.of(deadline, at: t0 + 86_400, calendar: .bundled) == .red)
    }

    @Test func workingDayLimitDoesNotAgeOverTheWeekend() throws {
        // One working day from Friday noon: 12 h on Friday, 12 h on Monday.
        let start = China.at(2026, 11, 27, 12)
        let limit = StepLimit(minutes: 1440, clock: .workingDays)
        let policies = SLAPolicySet(classes: [.standard: [.all: [.handle: limit]]])
        let deadline = try #require(
            DeadlinePlanner(
                category: CategoryCatalog.bundled["SR03"]!, priority: .normal,
                sla: SLASettings(policies: policies, calendar: .bundled)
            ).deadline(.handle, from: start))
        #expect(deadline.dueAt == China.at(2026, 11, 30, 12))
        #expect(deadline.warnAt == China.at(2026, 11, 30, 7, 12))  // 19.2 working hours in
        #expect(Light.of(deadline, at: China.at(2026, 11, 29, 23), calendar: .bundled) == .green)  // only 50 % on Sunday night
        #expect(Light.of(deadline, at: China.at(2026, 11, 30, 7, 11), calendar: .bundled) == .green)
        #expect(Light.of(deadline, at: China.at(2026, 11, 30, 7, 12), calendar: .bundled) == .yellow)
        #expect(Light.of(deadline, at: China.at(2026, 11, 30, 12), calendar: .bundled) == .red)
    }

    @Test func aCaseShowsItsWorstLightAndGreenWithoutDeadlines() {
        var subject = Fixtures.intake().makeCase(
            id: "c", number: "XS-20261124-000001", trackingCode: "ABCDEFGH", areaCode: Fixtures.grid,
            category: CategoryCatalog.bundled["SR03"]!, at: t0)
        subject.deadlines = [
            Deadline(kind: .sign, dueAt: t0 + 1000, startedAt: t0), Deadline(kind: .arrive, dueAt: t0 + 600, startedAt: t0),
        ]
        #expect(Light.of(subject, at: t0 + 100, calendar: .bundled) == .green)
        #expect(Light.of(subject, at: t0 + 500, calendar: .bundled) == .yellow)
        #expect(Light.of(subject, at: t0 + 700, calendar: .bundled) == .red)
        subject.deadlines = []
        #expect(Light.of(subject, at: t0 + 700, calendar: .bundled) == .green)
    }

    @Test func deadlinesStoredBeforePoliciesStillDecode() throws {
        let old = #"{"kind": "handle", "dueAt": 815000000}"#
        let decoded = try JSONDecoder().decode(Deadline.self, from: Data(old.utf8))
        #expect(decoded.startedAt == decoded.dueAt && decoded.clock == .continuous && decoded.fired.isEmpty)
        #expect(decoded.warnAt == nil && decoded.onDue == [.markLight, .notify])
        #expect(decoded.pendingTimers.map(\.step) == [.due])
        #expect(Light.of(decoded, at: decoded.dueAt - 1, calendar: .bundled) == .green)
        #expect(Light.of(decoded, at: decoded.dueAt, calendar: .bundled) == .red)
        let roundTrip = try JSONDecoder().decode(Deadline.self, from: JSONEncoder().encode(decoded))
        #expect(roundTrip == decoded)
    }

    @Test func theListedLightAgreesWithTheCalendarLightForPlannedLimits() throws {
        // A working-day limit over a weekend and a continuous one, as the planner makes them.
        let start = China.at(2026, 11, 27, 12)
        let policies = SLAPolicySet(classes: [
            .standard: [.all: [.handle: StepLimit(minutes: 1440, clock: .workingDays), .arrive: StepLimit(minutes: 30, clock: .continuous)]]
        ])
        let planner = DeadlinePlanner(
            category: CategoryCatalog.bundled["SR03"]!, priority: .normal, sla: SLASettings(policies: policies, calendar: .bundled))
        for kind in [DeadlineKind.handle, .arrive] {
            let deadline = try #require(planner.deadline(kind, from: start))
            var minute = start
            while minute <= deadline.dueAt + 3600 {
                let listed = Light.listed(earliestDue: deadline.dueAt, earliestYellow: deadline.yellowFrom, at: minute)
                #expect(listed == Light.of(deadline, at: minute, calendar: .bundled), "\(kind) at \(minute)")
                minute += kind == .arrive ? 60 : 600
            }
        }
    }

    @Test func theListedLightOfLimitsStoredWithoutAWarnInstant() {
        let continuous = Deadline(kind: .arrive, dueAt: t0 + 600, startedAt: t0, clock: .continuous)
        #expect(continuous.yellowFrom == t0 + 480)
        let legacy = Deadline(kind: .handle, dueAt: t0 + 600)  // stored before limits had a start
        #expect(legacy.yellowFrom == t0 + 600)
        var subject = Fixtures.intake().makeCase(
            id: "c", number: "XS-20261124-000001", trackingCode: "ABCDEFGH", areaCode: Fixtures.grid,
            category: CategoryCatalog.bundled["SR03"]!, at: t0)
        subject.deadlines = []
        #expect(Light.listed(subject, at: t0) == nil)  // no limit runs: no light at all
        subject.deadlines = [Deadline(kind: .sign, dueAt: t0 + 1000, startedAt: t0), continuous]
        #expect(subject.earliestDue == t0 + 600 && subject.earliestYellow == t0 + 480)
        #expect(Light.listed(subject, at: t0 + 479) == .green)
        #expect(Light.listed(subject, at: t0 + 480) == .yellow)
        #expect(Light.listed(subject, at: t0 + 600) == .red)
    }
}
