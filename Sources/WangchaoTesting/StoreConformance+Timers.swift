import Foundation
import WangchaoCore
import WangchaoStore

extension StoreConformance {
    static let timerChecks: [Check] = [
        Check("timersFireOnceInOrder") { try await $0.timersFireOnceInOrder() }
    ]

    /// An emergency case (AQ01: on site in 10 minutes, reinforcement at 15, handled in 4 hours):
    /// its timers are stored with its deadlines, fire in order at their instants and only then,
    /// each exactly once, as `system` transitions; reinforcement comes from the neighbouring
    /// grid; the handling limit running out raises the tier and ends the running limits.
    public func timersFireOnceInOrder() async throws {
        let store = try await makeStore()
        let neighbour = "330109001001002"
        try await store.saveAreas([Area(code: neighbour, name: "湘湖社区第二网格", level: .grid, parentCode: Fixtures.community)])
        try await store.saveUnits([.init(id: "grid-\(neighbour)", name: "湘湖社区第二网格", kind: .gridTeam, areaCode: neighbour)])
        let t0 = Fixtures.now
        let filed = try await store.fileCase(Fixtures.intake(category: "AQ01"), at: t0)
        try expectEqual(
            try await store.timers(caseId: filed.id).map(\.step), [.warn, .due], "timers of a new case (accept: warn, due)")
        try await store.act(.accept, on: filed.id, by: Fixtures.dispatcher, at: t0 + 60)
        try await store.act(.dispatch(unitId: Fixtures.gridTeam), on: filed.id, by: Fixtures.dispatcher, at: t0 + 120)
        try await store.act(.sign, on: filed.id, by: Fixtures.gridWorker, at: t0 + 180)
        let waiting = try await store.timers(caseId: filed.id)
        try expectEqual(
            Set(waiting.map { "\($0.kind.rawValue).\($0.step.rawValue)" }),
            ["arrive.warn", "arrive.due", "arrive.reinforce", "handle.warn", "handle.due"], "timers after dispatch and sign")
        try expectEqual(
            waiting.first { $0.kind == .arrive && $0.step == .reinforce }?.fireAt, t0 + 120 + 15 * 60,
            "reinforcement 15 minutes after dispatch")

        let historyBefore = try await store.history(caseId: filed.id).count
        try expectEqual(try await store.fireDueTimers(at: t0 + 120 + 7 * 60, limit: 100), [], "nothing is due at 7 minutes")
        let fired = try await store.fireDueTimers(at: t0 + 120 + 16 * 60, limit: 100)
        try expectEqual(fired.map(\.step), [.warn, .due, .reinforce], "arrival timers fired at 16 minutes, in order")
        try expectEqual(
            try await store.fireDueTimers(at: t0 + 120 + 16 * 60, limit: 100), [], "a second pass at the same instant fires nothing")
        let history = try await store.history(caseId: filed.id)
        let system = Array(history.dropFirst(historyBefore))
        try expectEqual(
            system.map(\.payload), [
                .markLight(kind: .arrive, light: .yellow), .markLight(kind: .arrive, light: .red),
                .notify(kind: .arrive, light: .red), .reinforce(unitId: "grid-\(neighbour)"), .notify(kind: .arrive, light: .red),
            ], "system transitions of the arrival limit")
        try expect(system.allSatisfy { $0.actor == "system" && $0.actorRole == nil }, "automatic transitions are by system, role nil")
        try expectEqual(system.map(\.version), Array((historyBefore + 1)...(historyBefore + 5)), "consecutive versions")
        let reinforced = try await current(store, filed.id)
        try expectEqual(reinforced.state, .signed, "timers leave the state as it was")
        try expectEqual(reinforced.cooperatingUnitIds, ["grid-\(neighbour)"], "the neighbouring grid joins")
        try expectEqual(reinforced.version, history.count, "the case version counts its history")
        try expectEqual(
            Set(try await store.timers(caseId: filed.id).map { "\($0.kind.rawValue).\($0.step.rawValue)" }),
            ["handle.warn", "handle.due"], "fired timers are gone, the others wait")

        let late = try await store.fireDueTimers(at: t0 + 120 + 241 * 60, limit: 100)
        try expectEqual(late.map(\.step), [.warn, .due], "handling warn and due")
        let escalated = try await current(store, filed.id)
        try expectEqual(escalated.tier, .community, "the handling limit running out raises the tier")
        try expectEqual(escalated.state, .accepted, "an escalated case waits for the tier above")
        try expectEqual(try await store.timers(caseId: filed.id), [], "escalation ends the running limits and their timers")
        try expectEqual(
            try await store.history(caseId: filed.id).last?.action, CaseAction.escalate.rawValue, "escalation recorded last")
    }

    private func current(_ store: any CaseStore, _ id: String) async throws -> Case {
        guard let found = try await store.getCase(id: id) else { throw ConformanceFailure("case \(id) is missing") }
        return found
    }
}
