import Foundation
import Testing
import WangchaoCore
import WangchaoTesting

@Suite struct SLAPolicyTests {
    static let catalog = CategoryCatalog.bundled
    let t0 = China.at(2026, 11, 24, 10)  // a Tuesday

    /// Each limit of the bundled policies, through the planner: (category, priority, step, minutes after start, clock).
    static let limits: [(String, Priority, DeadlineKind, Int?, SLAClock)] = [
        ("AQ01", .normal, .accept, 10, .continuous),
        ("AQ01", .normal, .sign, 10, .continuous),
        ("AQ01", .normal, .arrive, 10, .continuous),  // 10 minutes on site for emergencies
        ("AQ01", .normal, .handle, 240, .continuous),
        ("AQ01", .urgent, .handle, 120, .continuous),
        ("AQ01", .normal, .verify, 120, .continuous),
        ("SR03", .normal, .accept, 60, .continuous),
        ("SR03", .normal, .arrive, nil, .continuous),  // no arrival limit for ordinary matters
        ("SR03", .urgent, .arrive, 10, .continuous),  // … unless urgent
        ("SR03", .urgent, .handle, 1440, .continuous),
        ("SR03", .normal, .handle, 3 * 1440, .workingDays),
        ("SR03", .normal, .verify, 1440, .workingDays),
        ("JF01", .normal, .mediationFollowUp, 1440, .continuous),  // 24 h mediation follow-up
        ("JF01", .normal, .handle, 5 * 1440, .workingDays),
        ("SR03", .normal, .mediationFollowUp, nil, .continuous),
        ("ZX01", .normal, .accept, 30, .continuous),
        ("ZX01", .normal, .handle, 1440, .workingDays),
    ]

    @Test(arguments: limits.indices)
    func eachLimit(_ index: Int) throws {
        let (code, priority, kind, minutes, clock) = Self.limits[index]
        let planner = DeadlinePlanner(category: Self.catalog[code]!, priority: priority)
        let deadline = planner.deadline(kind, from: t0)
        guard let minutes else {
            #expect(deadline == nil, "\(code) \(priority) \(kind)")
            return
        }
        let found = try #require(deadline, "\(code) \(priority) \(kind)")
        #expect(found.clock == clock)
        #expect(found.startedAt == t0)
        let expected = clock == .continuous ? t0 + TimeInterval(minutes * 60) : WorkCalendar.bundled.due(from: t0, workingMinutes: minutes)
        #expect(found.dueAt == expected, "\(code) \(priority) \(kind)")
        #expect(found.warnAt == clock.due(from: t0, seconds: Double(minutes * 60) * 0.8, calendar: .bundled))
    }

    @Test func reinforcementAtFifteenMinutesRidesOnTheArrivalLimit() throws {
        let arrive = try #require(DeadlinePlanner(category: Self.catalog["AQ01"]!, priority: .normal).deadline(.arrive, from: t0))
        #expect(arrive.reinforceAt == t0 + 15 * 60)
        #expect(arrive.onReinforce == [.reinforce, .notify])
        let handle = try #require(DeadlinePlanner(category: Self.catalog["AQ01"]!, priority: .normal).deadline(.handle, from: t0))
        #expect(handle.reinforceAt == nil && handle.onDue == [.markLight, .notify, .raiseTier])
    }

    @Test func threeWorkingDaysToHandleAcrossNationalDay() throws {
        let start = China.at(2026, 9, 30, 10)
        let handle = try #require(DeadlinePlanner(category: Self.catalog["SR03"]!, priority: .normal).deadline(.handle, from: start))
        #expect(handle.dueAt == China.at(2026, 10, 10, 10))
    }

    @Test func categoryOverridesComeBeforeClassDefaults() throws {
        let policies = try SLAPolicySet(json: Data(#"""
            {"classes": {"standard": {"all": {"handle": {"minutes": 600}}, "urgent": {"handle": {"minutes": 300}}}},
             "categories": {"SR03": {"all": {"handle": {"minutes": 90, "clock": "workingDays"}}, "urgent": {"handle": {"minutes": 60, "onDue": ["notify"]}}}}}
            """#.utf8))
        let sr03 = Self.catalog["SR03"]!, sr01 = Self.catalog["SR01"]!
        #expect(policies.limit(for: .handle, category: sr03, priority: .urgent) == StepLimit(minutes: 60, onDue: [.notify]))
        #expect(policies.limit(for: .handle, category: sr03, priority: .normal) == StepLimit(minutes: 90, clock: .workingDays))
        #expect(policies.limit(for: .handle, category: sr01, priority: .urgent)?.minutes == 300)
        #expect(policies.limit(for: .handle, category: sr01, priority: .normal)?.minutes == 600)
        #expect(policies.limit(for: .accept, category: sr01, priority: .normal) == nil)
        #expect(policies.limit(for: .handle, category: Self.catalog["AQ01"]!, priority: .normal) == nil)
    }

    @Test(arguments: [
        (#"{"classes": {"fast": {}}}"#, "classes.fast"),
        (#"{"classes": {"emergency": {"soon": {}}}}"#, "classes.emergency.soon"),
        (#"{"classes": {"emergency": {"all": {"arrival": {"minutes": 10}}}}}"#, "classes.emergency.all.arrival"),
        (#"{"classes": {"emergency": {"all": {"arrive": {"minutes": 0}}}}}"#, "classes.emergency.all.arrive.minutes"),
        (#"{"classes": {"emergency": {"all": {"arrive": {"minutes": "ten"}}}}}"#, "classes.emergency.all.arrive.minutes"),
        (#"{"classes": {"emergency": {"all": {"arrive": {"minutes": 10, "clock": "office"}}}}}"#, "classes.emergency.all.arrive.clock"),
        (#"{"classes": {"emergency": {"all": {"arrive": {"minutes": 10, "onDue": ["notify", "call"]}}}}}"#, "classes.emergency.all.arrive.onDue[1]"),
        (#"{"classes": {"emergency": {"all": {"arrive": {"minutes": 10, "onDue": []}}}}}"#, "classes.emergency.all.arrive.onDue"),
        (#"{"classes": {}, "categories": {"SR03": {"urgent": {"handle": {"minutes": 999999}}}}}"#, "categories.SR03.urgent.handle.minutes"),
        (#"{"categories": {}}"#, "classes"),
    ])
    func invalidPoliciesAreRefusedWithTheFieldPath(_ json: String, _ field: String) {
        do {
            _ = try SLAPolicySet(json: Data(json.utf8))
            Issue.record("accepted \(json)")
        } catch {
            #expect(error.code == .invalid)
            #expect(error.field == field, "\(error)")
        }
    }
}
