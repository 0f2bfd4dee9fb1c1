import Foundation
import WangchaoCore
import WangchaoServices
import WangchaoStore

extension StoreConformance {
    /// The checks on indicator counts.
    static let indicatorChecks: [Check] = [
        Check("indicatorCountsMatchTheCases") { try await $0.indicatorCountsMatchTheCases() },
        Check("indicatorStatesFollowTheKinds") { try await $0.indicatorStatesFollowTheKinds() },
    ]

    // MARK: - Indicators

    /// The flags open, closed, registered, handled and checked count the states the query's
    /// vocabulary names — every kind's, not only the lifecycle's — as ``CaseFacts`` does with it.
    public func indicatorStatesFollowTheKinds() async throws {
        let store = try await makeStore()
        let cases = CaseService(store: store, settings: Fixtures.settingsWithErrand)
        let t0 = Fixtures.now
        var errand = Fixtures.intake(description: "代缴水费")
        errand.kind = Fixtures.errand
        _ = try await store.fileCase(Fixtures.intake(), at: t0)
        _ = try await cases.file(errand, by: Fixtures.gridWorker, idempotencyKey: nil, at: t0 + 10)
        var done = try await cases.file(errand, by: Fixtures.gridWorker, idempotencyKey: nil, at: t0 + 20).case
        for action: CaseAction in ["take", "complete"] {
            done = try await cases.apply(
                caseId: done.id, TransitionInput(command: .step(action: action), expectedVersion: done.version),
                by: Fixtures.gridWorker, at: t0 + 30)
        }
        let vocabulary = Fixtures.kindsWithErrand.stateVocabulary
        let flags: [CaseFlag] = [.open, .closed, .registered, .handled, .checked]
        let terms = flags.map { CountTerm.count(.flag($0)) }
        let rows = try await store.indicatorCounts(
            IndicatorQuery(areaCode: Fixtures.district, terms: terms, now: t0 + 60, states: vocabulary))
        try expectEqual(rows.first?.values, [2, 1, 1, 1, 1], "open, closed, registered, handled, checked over both kinds")
        var facts: [CaseFacts] = []
        for id in try await allCaseIds(store) {
            let subject = try unwrap(try await store.getCase(id: id), "case \(id)")
            facts.append(CaseFacts(subject, history: try await store.history(caseId: id), at: t0 + 60, states: vocabulary))
        }
        try expectEqual(rows, [IndicatorCounts(key: "", terms: terms, facts: facts)], "the store's counts are the facts'")
    }

    /// For every grouping, the store's counts of every shipped indicator term equal the counts
    /// computed in memory from the cases and their histories (``CaseFacts``); the period, the
    /// area subtree and the instant are honoured; a few counts are also checked by hand.
    public func indicatorCountsMatchTheCases() async throws {
        let store = try await makeStore()
        let t0 = Fixtures.now
        let emptyStamp = try await store.changeStamp()
        // A: the whole loop, rated 5.
        let a = try await store.fileCase(Fixtures.intake(), at: t0)
        let filedStamp = try await store.changeStamp()
        try expect(filedStamp > emptyStamp, "the change stamp grows with an intake: \(emptyStamp) → \(filedStamp)")
        try await store.act(.accept, on: a.id, by: Fixtures.dispatcher, at: t0 + 30)
        let acceptedStamp = try await store.changeStamp()
        try expect(acceptedStamp > filedStamp, "the change stamp grows with a transition")
        try expectEqual(try await store.changeStamp(), acceptedStamp, "the change stamp stays while nothing changes")
        for (step, (command, user)) in [
            (CaseCommand.dispatch(unitId: Fixtures.gridTeam), Fixtures.dispatcher),
            (.sign, Fixtures.gridWorker), (.arrive, Fixtures.gridWorker), (.handle(result: "已处置"), Fixtures.gridWorker),
            (.verify(pass: true), Fixtures.communityStaff), (.close, Fixtures.dispatcher),
            (.rate(satisfaction: 5, via: .callback), Fixtures.dispatcher),
        ].enumerated() {
            try await store.act(command, on: a.id, by: user, at: t0 + TimeInterval(60 * (step + 1)))
        }
        // B: returned once, re-dispatched, handled, failed verification (返工).
        let b = try await store.fileCase(Fixtures.intake(category: "AQ01", source: .gridPatrol), at: t0 + 30)
        try await store.act(.accept, on: b.id, by: Fixtures.dispatcher, at: t0 + 60)
        try await store.act(.dispatch(unitId: Fixtures.gridTeam), on: b.id, by: Fixtures.dispatcher, at: t0 + 120)
        try await store.act(.return(reason: "不属于本网格"), on: b.id, by: Fixtures.gridWorker, at: t0 + 180)
        try await store.act(.dispatch(unitId: Fixtures.gridTeam), on: b.id, by: Fixtures.dispatcher, at: t0 + 240)
        try await store.act(.sign, on: b.id, by: Fixtures.gridWorker, at: t0 + 300)
        try await store.act(.arrive, on: b.id, by: Fixtures.gridWorker, at: t0 + 360)
        try await store.act(.handle(result: "已处置"), on: b.id, by: Fixtures.gridWorker, at: t0 + 420)
        try await store.act(.verify(pass: false), on: b.id, by: Fixtures.communityStaff, at: t0 + 480)
        // C: dispatched and signed, its limits go red, then handled late.
        let c = try await store.fileCase(Fixtures.intake(source: .citizenApp), at: t0 + 40)
        try await store.act(.accept, on: c.id, by: Fixtures.dispatcher, at: t0 + 60)
        try await store.act(.dispatch(unitId: Fixtures.gridTeam), on: c.id, by: Fixtures.dispatcher, at: t0 + 120)
        try await store.act(.sign, on: c.id, by: Fixtures.gridWorker, at: t0 + 180)
        // D: refused.
        let d = try await store.fileCase(Fixtures.intake(), at: t0 + 50)
        try await store.act(.reject(reason: "非本平台受理范围"), on: d.id, by: Fixtures.dispatcher, at: t0 + 90)
        // E: another town, the day before, never accepted.
        _ = try await store.fileCase(
            Fixtures.intake(areaCode: Fixtures.otherGrid), by: Fixtures.otherGridWorker, at: t0 - 86_400)

        let day: TimeInterval = 86_400
        var fired = 0
        while true {
            let batch = try await store.fireDueTimers(at: t0 + 10 * day, limit: 100)
            fired += batch.count
            if batch.isEmpty || fired > 1_000 { break }
        }
        let caseC = try unwrap(try await store.getCase(id: c.id), "case C")
        if caseC.state.isOpen, caseC.state.isWithUnit {
            try await store.act(.arrive, on: c.id, by: Fixtures.gridWorker, at: t0 + 10 * day + 60)
            try await store.act(.handle(result: "迟到的处置"), on: c.id, by: Fixtures.gridWorker, at: t0 + 10 * day + 120)
        }
        let now = t0 + 10 * day + 3_600

        var facts: [String: (Case, CaseFacts)] = [:]
        for id in try await allCaseIds(store) {
            let subject = try unwrap(try await store.getCase(id: id), "case \(id)")
            facts[id] = (subject, CaseFacts(subject, history: try await store.history(caseId: id), at: now))
        }
        try expectEqual(facts.count, 5, "cases filed")
        let towns = try await store.childAreas(of: Fixtures.district).map(\.code)
        func key(_ subject: Case, _ grouping: IndicatorQuery.Grouping) -> String {
            switch grouping {
            case .total: ""
            case .area: towns.first { subject.areaCode.hasPrefix($0) } ?? Fixtures.district
            case .unit: subject.assignedUnitId ?? ""
            case .person: subject.assignee ?? ""
            case .source: subject.source.rawValue
            case .category: subject.category
            case .tier: subject.tier.rawValue
            case .day: ChinaDay(subject.createdAt).description
            }
        }
        let terms = IndicatorCatalog.bundled.terms + [.count(.flag(.returned)), .count(.flag(.lateVerify))]
        for from in [nil, t0 - 3_600] {
            for grouping in IndicatorQuery.Grouping.allCases {
                let rows = try await store.indicatorCounts(
                    IndicatorQuery(areaCode: Fixtures.district, from: from, grouping: grouping, terms: terms, now: now))
                let members = facts.values.filter { from == nil || $0.0.createdAt >= from! }
                let expected = Dictionary(grouping: members, by: { key($0.0, grouping) })
                    .map { IndicatorCounts(key: $0.key, terms: terms, facts: $0.value.map(\.1)) }
                    .sorted { $0.key < $1.key }
                try expectEqual(
                    rows.sorted { $0.key < $1.key }, expected,
                    "counts by \(grouping.rawValue)\(from == nil ? "" : " from t0 - 1 h")")
            }
        }

        func total(_ term: CountTerm, area: String = Fixtures.district, from: Date? = nil) async throws -> Double {
            let rows = try await store.indicatorCounts(IndicatorQuery(areaCode: area, from: from, terms: [term], now: now))
            return rows.first?.values.first ?? -1
        }
        try expectEqual(try await total(.count(.all)), 5, "all cases")
        try expectEqual(try await total(.count(.all), from: t0 - 3_600), 4, "cases from an hour before t0")
        try expectEqual(try await total(.count(.all), area: Fixtures.otherTown), 1, "cases in the other town")
        try expectEqual(try await total(.count(.flag(.returned))), 1, "returned cases")
        try expectEqual(try await total(.count(.flag(.reworked))), 1, "reworked cases")
        try expectEqual(try await total(.count(.flag(.rated))), 1, "rated cases")
        try expectEqual(try await total(.sumSatisfaction(.flag(.rated))), 5, "sum of ratings")
        try expectEqual(try await total(.count(.field(.state, ["rejected"]))), 1, "rejected cases")
        try expectEqual(try await total(.count(.flag(.today))), 0, "cases today, ten days later")
        try expect(try await total(.count(.flag(.overdue))) >= 1, "some case is overdue ten days later")
        // C (and B, back with its unit after the failed check) saw their handling limit go red.
        let late = try await total(.count(.flag(.lateHandle)))
        try expect(late >= 1 && late <= 2, "cases whose handling limit went red: \(late)")
        try await expectError(.notFound, "an unknown area") {
            try await store.indicatorCounts(IndicatorQuery(areaCode: "999999", terms: terms, now: now))
        }
    }
}
