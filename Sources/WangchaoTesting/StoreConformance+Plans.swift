import Foundation
import WangchaoCore
import WangchaoStore

extension StoreConformance {
    static let planChecks: [Check] = [
        Check("changesHoldOnlyAtTheirVersion") { try await $0.changesHoldOnlyAtTheirVersion() }
    ]

    /// A change is recorded only on the version it was decided on, and a timer's firing only
    /// while the timer waits: otherwise `versionConflict`, and nothing is written. This is what
    /// lets the services layer decide outside the store's transaction.
    public func changesHoldOnlyAtTheirVersion() async throws {
        let store = try await makeStore()
        let filed = try await store.fileCase()
        let pendingAccept = try await store.timers(caseId: filed.id)
        try expect(!pendingAccept.isEmpty, "a new case waits for its acceptance timers")
        try await store.act(.accept, on: filed.id, by: Fixtures.dispatcher)
        let before = try await snapshot(store, filed.id)

        let team = Fixtures.units.first { $0.id == Fixtures.gridTeam }
        let context = TransitionContext(
            unit: { $0 == team?.id ? team : nil }, visibleCase: { _ in nil }, category: CategoryCatalog.bundled[filed.category]!)
        let stale = try Lifecycle.apply(
            TransitionInput(command: .reject(reason: "重复"), expectedVersion: 1), to: filed, by: Fixtures.dispatcher,
            at: Fixtures.now + 60, context: context)
        try await expectError(.versionConflict, "a change decided on version 1 of a version-2 case") {
            try await store.recordChange(
                CaseChange(caseId: filed.id, expectedVersion: 1, steps: [CaseStep(case: stale.case, transition: stale.transition)]))
        }
        try expectEqual(try await snapshot(store, filed.id), before, "the refused change wrote nothing")

        guard let current = before.case else { throw ConformanceFailure("the accepted case is gone") }
        let decided = try Lifecycle.apply(
            TransitionInput(command: .dispatch(unitId: Fixtures.gridTeam), expectedVersion: current.version), to: current,
            by: Fixtures.dispatcher, at: Fixtures.now + 60, context: context)
        try await expectError(.versionConflict, "the firing of a timer that no longer waits (acceptance is over)") {
            try await store.recordChange(
                CaseChange(
                    caseId: filed.id, expectedVersion: current.version,
                    steps: [CaseStep(case: decided.case, transition: decided.transition)], firedTimer: pendingAccept[0]))
        }
        try expectEqual(try await snapshot(store, filed.id), before, "the refused firing wrote nothing")

        let recorded = try await store.recordChange(
            CaseChange(
                caseId: filed.id, expectedVersion: current.version,
                steps: [CaseStep(case: decided.case, transition: decided.transition)]))
        try expectEqual(recorded.state, .dispatched, "the change decided on the current version is recorded")
        try expectEqual(try await store.history(caseId: filed.id).map(\.version), [1, 2, 3], "one history row more")
    }
}
