import Foundation
import WangchaoCore
import WangchaoStore

extension StoreConformance {
    static let routingChecks: [Check] = [
        Check("routingRulesAreVersionedAndChecked") { try await $0.routingRulesAreVersionedAndChecked() },
        Check("rostersRoundTripAndAreChecked") { try await $0.rostersRoundTripAndAreChecked() },
        Check("acceptDispatchesByTheActiveRules") { try await $0.acceptDispatchesByTheActiveRules() },
        Check("manualDispatchIsExplainedAndAssigned") { try await $0.manualDispatchIsExplainedAndAssigned() },
        Check("assignmentFollowsRosterAndLoad") { try await $0.assignmentFollowsRosterAndLoad() },
    ]

    /// A rule file for the fixture district: urgent street trading goes to the town's
    /// enforcement platform; everything else by the default policy.
    public static let fixtureRules = """
        {
          "name": "测试规则",
          "rules": [
            {
              "id": "urgent-street-trading",
              "conditions": { "categories": ["SR03"], "priorities": ["urgent"] },
              "target": { "tier": "town", "platform": "enforcement" }
            }
          ]
        }
        """

    /// The same file with an unknown tier on line 7.
    static let badTierRules = """
        {
          "rules": [
            {
              "id": "urgent-street-trading",
              "conditions": { "categories": ["SR03"] },
              "target": {
                "tier": "street"
              }
            }
          ]
        }
        """

    /// Versions count up from 1 and are all kept; the newest is active; a refused file (field
    /// and line named) stores nothing.
    public func routingRulesAreVersionedAndChecked() async throws {
        let store = try await makeStore()
        try expectEqual(try await store.activeRoutingRules(), nil, "active rules before any were saved")
        do {
            _ = try await store.saveRoutingRules(Data(Self.badTierRules.utf8), by: "admin", at: Fixtures.now)
            throw ConformanceFailure("a rule file with an unknown tier must be refused")
        } catch let error as RoutingRuleFileError {
            try expectEqual(error.field, "rules[0].target.tier", "field of the refused tier")
            try expectEqual(error.line, 7, "line of the refused tier")
        }
        try expectEqual(try await store.routingRuleVersions(), [], "versions after a refused file")

        let first = try await store.saveRoutingRules(Data(Self.fixtureRules.utf8), by: "admin", at: Fixtures.now)
        try expectEqual(first.version, 1, "the first version")
        try expectEqual(first.ruleSet.version, 1, "the rule set carries its version")
        try expectEqual(first.source, Self.fixtureRules, "the file is kept as written")
        let secondFile = Self.fixtureRules.replacingOccurrences(of: "测试规则", with: "测试规则（二）")
        let second = try await store.saveRoutingRules(Data(secondFile.utf8), by: "admin2", at: Fixtures.now + 60)
        try expectEqual(second.version, 2, "the second version")
        try expectEqual(try await store.activeRoutingRules(), second, "the newest version is active")
        try expectEqual(try await store.routingRules(version: 1), first, "version 1 is kept")
        try expectEqual(try await store.routingRules(version: 3), nil, "an unknown version")
        try expectEqual(try await store.routingRuleVersions().map(\.version), [2, 1], "versions, newest first")
        try expectEqual(try await store.routingRuleVersions().first?.savedBy, "admin2", "who saved version 2")
    }

    /// A roster comes back as saved; it must name the unit's handlers; unknown units have none.
    public func rostersRoundTripAndAreChecked() async throws {
        let store = try await makeStore()
        try expectEqual(try await store.roster(unitId: "dept-nope"), nil, "roster of an unknown unit")
        try expectEqual(
            try await store.roster(unitId: Fixtures.enforcementPlatform),
            DutyRoster(unitId: Fixtures.enforcementPlatform, shifts: []), "roster before one is saved")
        let roster = DutyRoster(
            unitId: Fixtures.enforcementPlatform,
            shifts: [DutyShift(username: Fixtures.handler.username, weekdays: [1, 2, 3, 4, 5], startMinute: 510, endMinute: 1050)])
        try await store.saveRoster(roster)
        try expectEqual(try await store.roster(unitId: Fixtures.enforcementPlatform), roster, "a saved roster")
        let stranger = DutyRoster(
            unitId: Fixtures.enforcementPlatform,
            shifts: roster.shifts + [DutyShift(username: Fixtures.gridWorker.username, weekdays: [6], startMinute: 0, endMinute: 1440)])
        _ = try await expectError(.invalid, field: "shifts[1].username", "a roster naming someone of another unit") {
            try await store.saveRoster(stranger)
        }
        try expectEqual(try await store.roster(unitId: Fixtures.enforcementPlatform), roster, "roster after a refused one")
        _ = try await expectError(.notFound, "a roster for an unknown unit") {
            try await store.saveRoster(DutyRoster(unitId: "dept-nope", shifts: []))
        }
    }

    /// Without rules acceptance only accepts; with rules it is followed, in the same commit, by
    /// the dispatch they decide, made by `system` and explained.
    public func acceptDispatchesByTheActiveRules() async throws {
        let store = try await makeStore()
        let before = try await store.fileCase()
        let accepted = try await store.act(.accept, on: before.id, by: Fixtures.dispatcher)
        try expectEqual(accepted.state, .accepted, "acceptance without rules")
        try expectEqual(try await store.history(caseId: before.id).count, 2, "history without rules")

        let rules = try await store.saveRoutingRules(Data(Self.fixtureRules.utf8), by: "admin", at: Fixtures.now)
        let small = try await store.fileCase()
        let routed = try await store.act(.accept, on: small.id, by: Fixtures.dispatcher, at: Fixtures.now + 60)
        try expectEqual(routed.state, .dispatched, "state after acceptance with rules")
        try expectEqual(routed.version, 3, "acceptance and dispatch are two versions")
        try expectEqual(routed.assignedUnitId, Fixtures.gridTeam, "a small matter stays in the grid")
        try expectEqual(routed.tier, .grid, "tier of the decision")
        try expectEqual(routed.assignee, Fixtures.gridWorker.username, "the grid's worker is assigned")
        try expectEqual(try await store.getCase(id: small.id), routed, "the stored case")
        let history = try await store.history(caseId: small.id)
        try expectEqual(history.map(\.action), ["intake", "accept", "dispatch"], "history actions")
        let row = try unwrap(history.last, "the dispatch row")
        try expectEqual(row.actor, "system", "the automatic dispatch's actor")
        try expectEqual(row.actorRole, nil, "the automatic dispatch has no role")
        try expectEqual(row.payload, .dispatch(unitId: Fixtures.gridTeam), "the dispatch's payload")
        let explanation = try unwrap(row.explanation, "the dispatch's explanation")
        try expectEqual(explanation.ruleId, RoutingDecision.defaultRuleId, "no rule matched")
        try expectEqual(explanation.ruleSetVersion, rules.version, "the rule set version")
        try expectEqual(explanation.matched.map(\.kind), [.categoryTier], "the default's reason")
        try expect(explanation.summary.contains("小事不出网格"), "the summary says why: \(explanation.summary)")
        try expectEqual(routed.routing, explanation, "the case keeps the last decision")
        try expectEqual(history[1].explanation, nil, "the acceptance row has no explanation")

        let urgent = try await store.fileCase(Fixtures.intake(priority: .urgent))
        let byRule = try await store.act(.accept, on: urgent.id, by: Fixtures.dispatcher, at: Fixtures.now + 120)
        try expectEqual(byRule.assignedUnitId, Fixtures.enforcementPlatform, "the rule's target")
        try expectEqual(byRule.tier, .town, "the rule's tier")
        try expectEqual(byRule.assignee, Fixtures.handler.username, "the platform's only handler")
        try expectEqual(byRule.routing?.ruleId, "urgent-street-trading", "the rule named")
        try expectEqual(byRule.routing?.matched.map(\.kind), [.category, .priority], "the matched conditions")
    }

    /// A dispatcher's own choice is recorded as manual, by whom, and still assigned inside the
    /// unit; taking the case from the unit clears the assignee.
    public func manualDispatchIsExplainedAndAssigned() async throws {
        let store = try await makeStore()
        let filed = try await store.fileCase()
        try await store.act(.accept, on: filed.id, by: Fixtures.dispatcher)
        let dispatched = try await store.act(
            .dispatch(unitId: Fixtures.enforcementPlatform), on: filed.id, by: Fixtures.dispatcher, at: Fixtures.now + 60)
        try expectEqual(dispatched.assignee, Fixtures.handler.username, "assignee after a manual dispatch")
        let explanation = try unwrap(try await store.history(caseId: filed.id).last?.explanation, "explanation")
        try expectEqual(explanation.ruleId, RoutingDecision.manualRuleId, "a manual dispatch")
        try expectEqual(explanation.manualBy, Fixtures.dispatcher.username, "who dispatched")
        try expectEqual(explanation.unitId, Fixtures.enforcementPlatform, "the chosen unit")
        try expectEqual(dispatched.routing, explanation, "the case keeps the decision")
        let returned = try await store.act(.return(reason: "不属本平台职责"), on: filed.id, by: Fixtures.handler, at: Fixtures.now + 120)
        try expectEqual(returned.assignee, nil, "assignee after a return")
    }

    /// On duty by the roster, fewest open cases first; nobody on duty leaves the case to the unit.
    public func assignmentFollowsRosterAndLoad() async throws {
        let store = try await makeStore()
        let night = User(
            username: "dh2", displayName: "夜执法", role: .departmentHandler, scope: .unit(Fixtures.enforcementPlatform),
            unitId: Fixtures.enforcementPlatform)
        try await store.saveUsers([night])
        // Fixtures.now is Tuesday 10:00 in China.
        try await store.saveRoster(
            DutyRoster(
                unitId: Fixtures.enforcementPlatform,
                shifts: [
                    DutyShift(username: Fixtures.handler.username, weekdays: [1, 2, 3, 4, 5], startMinute: 510, endMinute: 1050),
                    DutyShift(username: night.username, weekdays: [1, 2, 3, 4, 5, 6, 7], startMinute: 1050, endMinute: 510),
                ]))
        func dispatch(at time: Date) async throws -> Case {
            let filed = try await store.fileCase(at: time)
            try await store.act(.accept, on: filed.id, by: Fixtures.dispatcher, at: time)
            return try await store.act(.dispatch(unitId: Fixtures.enforcementPlatform), on: filed.id, by: Fixtures.dispatcher, at: time)
        }
        try expectEqual(try await dispatch(at: Fixtures.now).assignee, Fixtures.handler.username, "Tuesday 10:00: the day shift")
        try expectEqual(try await dispatch(at: Fixtures.now + 12 * 3600).assignee, night.username, "Tuesday 22:00: the night shift")
        try expectEqual(try await dispatch(at: Fixtures.now - 3 * 3600).assignee, night.username, "Tuesday 07:00: Monday's night shift")

        // Both on duty: the one with fewer open cases (dh has one from 10:00, dh2 two).
        try await store.saveRoster(
            DutyRoster(
                unitId: Fixtures.enforcementPlatform,
                shifts: [Fixtures.handler.username, night.username].map {
                    DutyShift(username: $0, weekdays: [2], startMinute: 0, endMinute: 1440)
                }))
        try expectEqual(try await dispatch(at: Fixtures.now + 60).assignee, Fixtures.handler.username, "the least-loaded on duty")
        try expectEqual(try await dispatch(at: Fixtures.now + 120).assignee, Fixtures.handler.username, "still fewer (2 against 2: by name)")
        try expectEqual(try await dispatch(at: Fixtures.now + 180).assignee, night.username, "now dh2 has fewer")

        try await store.saveRoster(
            DutyRoster(
                unitId: Fixtures.enforcementPlatform,
                shifts: [DutyShift(username: night.username, dates: ["2026-12-01"], startMinute: 0, endMinute: 1440)]))
        let unmanned = try await dispatch(at: Fixtures.now + 240)
        try expectEqual(unmanned.assignee, nil, "nobody on duty: the unit picks it up")
        try expect(unmanned.routing?.assignment.contains("无人值班") == true, "the decision says nobody was on duty")
    }
}
