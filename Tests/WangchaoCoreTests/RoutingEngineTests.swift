import Foundation
import Testing
import WangchaoCore
import WangchaoTesting

@Suite("Routing: rules, defaults, units")
struct RoutingEngineTests {
    let directory = RoutingTestDirectory()
    let sr03 = CategoryCatalog.bundled["SR03"]!

    func decide(_ rules: [RoutingRule], _ subject: Case = RoutingTestDirectory.subject(), category: Category? = nil, at: Date = Fixtures.now,
                spanning: [String] = RoutingRuleSet.defaultSpanningKeywords) async throws -> RoutingDecision {
        try await RoutingEngine(ruleSet: RoutingRuleSet(version: 4, spanningKeywords: spanning, rules: rules)).decide(
            for: subject, category: category ?? CategoryCatalog.bundled[subject.category]!, at: at, directory: directory)
    }

    static let toGovernance = RoutingTarget(tier: .town, platform: .governance)
    static let toEnforcement = RoutingTarget(tier: .town, platform: .enforcement)

    @Test("the first matching rule wins; a later one only when the earlier does not match")
    func precedence() async throws {
        let a = RoutingRule(id: "a", conditions: .init(categories: ["SR03"]), target: Self.toGovernance)
        let b = RoutingRule(id: "b", conditions: .init(sources: [.hotline12345]), target: Self.toEnforcement)
        let first = try await decide([a, b])
        #expect(first.ruleId == "a")
        #expect(first.unitId == RoutingTestDirectory.governancePlatform)
        #expect(first.ruleSetVersion == 4)
        #expect(first.matched.map(\.kind) == [.category])
        #expect(try await decide([b, a]).ruleId == "b")
        #expect(try await decide([b, a]).unitId == Fixtures.enforcementPlatform)
        let narrower = RoutingRule(id: "c", conditions: .init(categories: ["SR03"], priorities: [.urgent]), target: Self.toEnforcement)
        #expect(try await decide([narrower, a]).ruleId == "a", "an urgent-only rule does not take a normal case")
    }

    @Test("default: the category's lowest tier — a grid matter goes to the grid team and its grid worker")
    func defaultGrid() async throws {
        let decision = try await decide([])
        #expect(decision.ruleId == "default")
        #expect(decision.tier == .grid)
        #expect(decision.unitId == Fixtures.gridTeam)
        #expect(decision.assignee == Fixtures.gridWorker.username)
        #expect(decision.matched.map(\.kind) == [.categoryTier])
        #expect(decision.summary.contains("小事不出网格"))
        let community = try await decide([], RoutingTestDirectory.subject(category: "SR04"))
        #expect(community.unitId == Fixtures.communityUnit)
        #expect(community.assignee == Fixtures.communityStaff.username)
    }

    @Test("default: a major category goes to the town at least")
    func majorGoesToTown() async throws {
        var major = sr03
        major.major = true
        let decision = try await decide([], category: major)
        #expect(decision.tier == .town)
        #expect(decision.matched.map(\.kind) == [.categoryTier, .major])
        #expect(decision.unitId == Fixtures.enforcementPlatform, "the town's platform of the category's platform")
        let dispute = try await decide([], RoutingTestDirectory.subject(category: "JF05"))
        #expect(dispute.unitId == RoutingTestDirectory.governancePlatform)
    }

    @Test("default: matters spanning towns go to the district — by area or by keyword")
    func spanningGoesToDistrict() async throws {
        let unplaced = try await decide([], RoutingTestDirectory.subject(areaCode: Fixtures.district))
        #expect(unplaced.tier == .district)
        #expect(unplaced.matched.map(\.kind) == [.spanning])
        #expect(unplaced.unitId == RoutingTestDirectory.commandCenter, "no enforcement department: the command centre")
        let market = try await decide([], RoutingTestDirectory.subject(category: "SC01", description: "跨镇街连锁店食品安全问题"))
        #expect(market.tier == .district)
        #expect(market.matched.first?.values == ["跨镇街"])
        #expect(market.unitId == Fixtures.marketDepartment, "the district department of the platform")
        let configured = try await decide([], RoutingTestDirectory.subject(description: "涉及三镇的河道"), spanning: ["三镇"])
        #expect(configured.tier == .district)
        #expect(try await decide([], RoutingTestDirectory.subject(description: "涉及三镇的河道")).tier == .grid)
    }

    @Test("a case known only to its town goes up from the grid to where a unit exists, and says so")
    func tierRaised() async throws {
        let decision = try await decide([], RoutingTestDirectory.subject(areaCode: Fixtures.town))
        #expect(decision.tier == .town)
        #expect(decision.unitId == Fixtures.enforcementPlatform)
        #expect(decision.matched.map(\.kind) == [.categoryTier, .tierRaised, .tierRaised])
    }

    @Test("keywords in the description")
    func keywords() async throws {
        let rule = RoutingRule(id: "gas", conditions: .init(keywords: ["燃气味", "泄漏"]), target: Self.toGovernance)
        let hit = try await decide([rule], RoutingTestDirectory.subject(description: "楼道里有很重的燃气味"))
        #expect(hit.ruleId == "gas")
        #expect(hit.matched.first?.values == ["燃气味"])
        #expect(try await decide([rule], RoutingTestDirectory.subject(description: "楼道堆物")).ruleId == "default")
        #expect(try await decide([rule], RoutingTestDirectory.subject(description: "管道泄漏")).matched.first?.values == ["泄漏"], "at the end")
        #expect(try await decide([rule], RoutingTestDirectory.subject(description: "泄")).ruleId == "default", "a prefix is not the word")
        #expect(try await decide([rule], RoutingTestDirectory.subject(description: "燃气")).ruleId == "default")
    }

    @Test("time of day in Asia/Shanghai, start inclusive, end exclusive, across midnight")
    func timeOfDay() async throws {
        let night = RoutingRule(
            id: "night", conditions: .init(timeOfDay: [TimeOfDayRange(fromMinute: 22 * 60, toMinute: 6 * 60)]), target: Self.toGovernance)
        func china(_ hour: Int, _ minute: Int) -> Date { RoutingTestDirectory.china(hour, minute) }
        #expect(try await decide([night], at: china(21, 59)).ruleId == "default")
        #expect(try await decide([night], at: china(22, 0)).ruleId == "night")
        #expect(try await decide([night], at: china(23, 59)).ruleId == "night")
        #expect(try await decide([night], at: china(0, 0)).ruleId == "night")
        #expect(try await decide([night], at: china(5, 59)).ruleId == "night")
        #expect(try await decide([night], at: china(6, 0)).ruleId == "default")
        #expect(try await decide([night], at: Fixtures.now).ruleId == "default", "10:00 China is 02:00 UTC: not night")
        let evening = RoutingRule(
            id: "evening", conditions: .init(timeOfDay: [TimeOfDayRange(fromMinute: 18 * 60, toMinute: 1440)]), target: Self.toGovernance)
        #expect(try await decide([evening], at: china(23, 59)).ruleId == "evening")
        #expect(try await decide([evening], at: china(0, 0)).ruleId == "default")
        #expect(try await decide([evening], at: china(17, 59)).ruleId == "default")
    }

    @Test("a rule may name its unit, and all its conditions must hold")
    func fixedUnitAndAllConditions() async throws {
        let rule = RoutingRule(
            id: "market",
            conditions: .init(categories: ["SR03"], areas: [Fixtures.town], sources: [.hotline12345], priorities: [.urgent]),
            target: RoutingTarget(tier: .district, unitId: Fixtures.marketDepartment))
        let hit = try await decide([rule], RoutingTestDirectory.subject(priority: .urgent))
        #expect(hit.unitId == Fixtures.marketDepartment)
        #expect(hit.matched.map(\.kind) == [.category, .area, .source, .priority])
        #expect(try await decide([rule], RoutingTestDirectory.subject(source: .gridPatrol, priority: .urgent)).ruleId == "default")
        #expect(try await decide([rule], RoutingTestDirectory.subject(priority: .urgent, areaCode: Fixtures.otherGrid)).ruleId == "default")
    }

    @Test("Asia/Shanghai wall clock: weekday, minute and date")
    func chinaTime() {
        let time = ChinaTime(Fixtures.now)
        #expect(time.weekday == 2)
        #expect(time.minuteOfDay == 600)
        #expect(time.dateText == "2026-11-24")
        #expect(ChinaTime(RoutingTestDirectory.china(23, 59)).dateText == "2026-11-24")
        #expect(ChinaTime(RoutingTestDirectory.china(0, 0, dayOffset: 1)).dateText == "2026-11-25")
        #expect(ChinaTime(RoutingTestDirectory.china(0, 0, dayOffset: 5)).weekday == 7)
        #expect(ChinaTime.dayNumber(of: "2026-02-30") == nil)
        #expect(ChinaTime.dayNumber(of: "2026-11-24") == time.dayNumber)
    }
}

@Suite("Routing: assignment inside a unit")
struct UnitAssignmentTests {
    let platform = Fixtures.units.first { $0.id == Fixtures.enforcementPlatform }!
    let gridTeam = Fixtures.units.first { $0.id == Fixtures.gridTeam }!

    func assign(_ directory: RoutingTestDirectory, _ unit: WangchaoCore.Unit, at date: Date = Fixtures.now, area: String = RoutingTestDirectory.microGrid) async throws
        -> UnitAssigner.Assignment
    {
        try await UnitAssigner.assign(in: unit, areaCode: area, at: ChinaTime(date), directory: directory)
    }

    @Test("a grid team's case goes to the grid worker whose area holds the micro-grid, whatever the load")
    func gridWorker() async throws {
        let directory = RoutingTestDirectory()
        directory.load["gw"] = 40
        let assignment = try await assign(directory, gridTeam)
        #expect(assignment.username == "gw")
        #expect(assignment.text.contains("网格员"))
        directory.users.removeAll { $0.username == "gw" }
        #expect(try await assign(directory, gridTeam).username == nil, "no worker: the team picks it up")
    }

    @Test("without a roster: the least-loaded member; ties by name")
    func leastLoaded() async throws {
        let directory = RoutingTestDirectory()
        #expect(try await assign(directory, platform).username == "dh")
        directory.load["dh"] = 3
        directory.load["dh2"] = 2
        #expect(try await assign(directory, platform).username == "dh2")
        directory.users = directory.users.map { user in
            var user = user
            if user.username == "dh2" { user.disabled = true }
            return user
        }
        #expect(try await assign(directory, platform).username == "dh", "a disabled account is never assigned")
    }

    @Test("with a roster: only those on duty, night shifts past midnight; nobody on duty → unassigned")
    func roster() async throws {
        let directory = RoutingTestDirectory()
        directory.rosters[Fixtures.enforcementPlatform] = DutyRoster(
            unitId: Fixtures.enforcementPlatform,
            shifts: [
                DutyShift(username: "dh", weekdays: [1, 2, 3, 4, 5], startMinute: 510, endMinute: 1050),
                DutyShift(username: "dh2", weekdays: [2], startMinute: 1050, endMinute: 510),
            ])
        directory.load["dh"] = 10
        #expect(try await assign(directory, platform).username == "dh", "10:00 Tuesday: only dh, however loaded")
        #expect(try await assign(directory, platform, at: RoutingTestDirectory.china(8, 29)).username == nil, "08:29 Tuesday: Monday night had nobody")
        #expect(try await assign(directory, platform, at: RoutingTestDirectory.china(8, 30)).username == "dh")
        #expect(try await assign(directory, platform, at: RoutingTestDirectory.china(17, 30)).username == "dh2")
        #expect(try await assign(directory, platform, at: RoutingTestDirectory.china(8, 29, dayOffset: 1)).username == "dh2", "Wednesday 08:29: Tuesday's night")
        let nobody = try await assign(directory, platform, at: RoutingTestDirectory.china(12, 0, dayOffset: 4))
        #expect(nobody.username == nil, "Saturday noon")
        #expect(nobody.text.contains("无人值班"))
    }

    @Test("roster validation names the shift field")
    func rosterValidation() {
        let members: Set<String> = ["dh", "dh2"]
        func field(_ shift: DutyShift) -> String? {
            do {
                try DutyRoster(unitId: "u", shifts: [DutyShift(username: "dh", weekdays: [1], startMinute: 0, endMinute: 60), shift]).validate(members: members)
                return nil
            } catch { return error.field }
        }
        #expect(field(DutyShift(username: "gw", weekdays: [1], startMinute: 0, endMinute: 60)) == "shifts[1].username")
        #expect(field(DutyShift(username: "dh", weekdays: [8], startMinute: 0, endMinute: 60)) == "shifts[1].weekdays[0]")
        #expect(field(DutyShift(username: "dh", startMinute: 0, endMinute: 60)) == "shifts[1].weekdays")
        #expect(field(DutyShift(username: "dh", dates: ["2026-13-01"], startMinute: 0, endMinute: 60)) == "shifts[1].dates[0]")
        #expect(field(DutyShift(username: "dh", weekdays: [1], startMinute: 1440, endMinute: 60)) == "shifts[1].startMinute")
        #expect(field(DutyShift(username: "dh", weekdays: [1], startMinute: 60, endMinute: 60)) == "shifts[1].endMinute")
        #expect(field(DutyShift(username: "dh2", dates: ["2026-12-01"], startMinute: 1320, endMinute: 360)) == nil)
    }
}
