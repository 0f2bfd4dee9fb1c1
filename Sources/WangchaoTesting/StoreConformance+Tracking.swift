import Foundation
import WangchaoCore
import WangchaoStore

extension StoreConformance {
    /// The reporter rates with the case number and tracking code: a wrong code is indistinguishable
    /// from a wrong number and changes nothing; only a closed case may be rated, once; the
    /// rating is recorded as the reporter's.
    public func reporterRatingNeedsTheTrackingCodeAndAClosedCase() async throws {
        let store = try await makeStore()
        let filed = try await store.fileCase()
        let code = filed.trackingCode
        let wrongCode = String(code.dropLast()) + (code.last == "A" ? "B" : "A")
        func rate(_ number: String, _ code: String, _ satisfaction: Int = 4) async throws -> Case {
            try await store.applyReporterRating(
                number: number, trackingCode: code, satisfaction: satisfaction, comment: "处理及时", at: Fixtures.now + 7200)
        }

        try await expectError(.transitionNotAllowed, "rating an open case") { try await rate(filed.number, code) }
        try await store.act(.accept, on: filed.id, by: Fixtures.dispatcher)
        try await store.act(.dispatch(unitId: Fixtures.gridTeam), on: filed.id, by: Fixtures.dispatcher)
        try await store.act(.sign, on: filed.id, by: Fixtures.gridWorker)
        try await store.act(.arrive, on: filed.id, by: Fixtures.gridWorker)
        try await store.act(.handle(result: "已修复"), on: filed.id, by: Fixtures.gridWorker)
        try await store.act(.verify(pass: true), on: filed.id, by: Fixtures.communityStaff)
        try await store.act(.close, on: filed.id, by: Fixtures.dispatcher)
        let closed = try await snapshot(store, filed.id)

        try await expectError(.notFound, "rating with a wrong tracking code") { try await rate(filed.number, wrongCode) }
        try await expectError(.notFound, "rating an unknown number") { try await rate("XS-20991231-999999", code) }
        try await expectError(.invalid, field: "satisfaction", "rating 6") { try await rate(filed.number, code, 6) }
        try expectEqual(try await snapshot(store, filed.id), closed, "case and history after refused ratings")

        let rated = try await rate(filed.number, code.lowercased())
        try expectEqual(rated.state, .rated, "state after the reporter's rating")
        try expectEqual(rated.satisfaction, 4, "satisfaction after the reporter's rating")
        try expectEqual(rated.ratedVia, .reporter, "ratedVia after the reporter's rating")
        try expectEqual(try await store.getCase(id: filed.id), rated, "stored case after the reporter's rating")
        let last = try unwrap(try await store.history(caseId: filed.id).last, "last history row")
        try expectEqual(last.actor, Lifecycle.reporterActor, "actor of the rating row")
        try expectEqual(last.actorRole, nil, "role of the rating row")
        try expectEqual(last.note, "处理及时", "comment kept as the note")
        try expectEqual(last.payload, .rate(satisfaction: 4, via: .reporter), "payload of the rating row")
        try await expectError(.transitionNotAllowed, "rating twice") { try await rate(filed.number, code, 1) }
    }
}
