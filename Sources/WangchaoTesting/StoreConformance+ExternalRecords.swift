import Foundation
import WangchaoCore
import WangchaoStore

extension StoreConformance {
    static let externalRecordChecks: [Check] = [
        Check("externalRecordsAreIdempotentAndFeedStatusBack") { try await $0.externalRecordsAreIdempotentAndFeedStatusBack() }
    ]

    /// A record sent twice is one case; changed content is an update in the history; records are
    /// per system; the status feed gives each system its own cases' steps in order.
    public func externalRecordsAreIdempotentAndFeedStatusBack() async throws {
        let store = try await makeStore()
        let hotline = IntegrationSystem(id: "hotline-12345", name: "12345 热线平台", createdAt: Fixtures.now)
        let city = IntegrationSystem(id: "city-management", name: "数字城管", createdAt: Fixtures.now)
        try await store.addSystem(hotline, apiKeyHash: "h1")
        try await store.addSystem(city, apiKeyHash: "h2")
        var intake = Fixtures.intake(source: .external)

        let first = try await store.upsertExternalRecord(intake, recordId: "R-1", from: hotline, at: Fixtures.now)
        try expectEqual(first.outcome, .created, "first sending")
        let again = try await store.upsertExternalRecord(intake, recordId: "R-1", from: hotline, at: Fixtures.now + 60)
        try expectEqual(again.outcome, .unchanged, "the same record again")
        try expectEqual(again.case, first.case, "the same case, untouched")
        try expectEqual(try await store.history(caseId: first.case.id).map(\.actor), ["system:hotline-12345"], "history")

        intake.description = "人行道被占用，今天又来了"
        let changed = try await store.upsertExternalRecord(intake, recordId: "R-1", from: hotline, at: Fixtures.now + 120)
        try expectEqual(changed.outcome, .updated, "changed content")
        try expectEqual(changed.case.id, first.case.id, "still the same case")
        try expectEqual(changed.case.description, intake.description, "the new description")
        try expectEqual(changed.case.version, 2, "the update counts as a version")
        let last = try unwrap(try await store.history(caseId: first.case.id).last, "history row of the update")
        try expectEqual(last.action, ExternalUpdate.action, "action of the update")
        try expectEqual(last.actor, "system:hotline-12345", "actor of the update")
        try expect(last.note?.contains("描述") == true, "the note names what changed: \(last.note ?? "")")
        try expectEqual(
            try await store.upsertExternalRecord(intake, recordId: "R-1", from: hotline, at: Fixtures.now + 180).outcome,
            .unchanged, "the updated record again")

        var moved = intake
        moved.category = "SR04"
        try await expectError(.invalid, field: "category", "a changed category") {
            try await store.upsertExternalRecord(moved, recordId: "R-1", from: hotline, at: Fixtures.now + 200)
        }
        try await expectError(.invalid, field: "recordId", "an empty record id") {
            try await store.upsertExternalRecord(intake, recordId: "", from: hotline, at: Fixtures.now)
        }
        let other = try await store.upsertExternalRecord(intake, recordId: "R-1", from: city, at: Fixtures.now + 240)
        try expectEqual(other.outcome, .created, "another system's record with the same id")
        try expect(other.case.id != first.case.id, "is another case")
        try expectEqual(try await store.externalRecord(recordId: "R-1", systemId: "city-management")?.id, other.case.id, "lookup")
        try expectEqual(try await store.externalRecord(recordId: "R-2", systemId: "hotline-12345"), nil, "unknown record")

        let feed = try await store.externalChanges(systemId: "hotline-12345", after: 0, limit: 10)
        try expectEqual(feed.map(\.action), [Transition.intakeAction, ExternalUpdate.action], "the hotline's feed")
        try expectEqual(Set(feed.map(\.recordId)), ["R-1"], "feed record ids")
        try expect(feed[0].seq < feed[1].seq, "the feed ascends")
        try expectEqual(try await store.externalChanges(systemId: "hotline-12345", after: feed[1].seq, limit: 10), [], "after the last step")
        try expectEqual(
            try await store.externalChanges(systemId: "city-management", after: 0, limit: 10).map(\.caseId), [other.case.id],
            "the other system sees only its own")
    }
}
