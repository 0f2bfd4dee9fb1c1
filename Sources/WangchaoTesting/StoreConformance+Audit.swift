import Foundation
import WangchaoCore
import WangchaoStore

extension StoreConformance {
    /// Writes inside an audit context leave one chained row each, naming the case; refused
    /// writes and writes outside any context leave none; recorded reads carry their detail.
    public func writesInsideAnAuditContextAreRecordedAndChained() async throws {
        let store = try await makeStore()
        let untracked = try await store.fileCase()
        try expectEqual(try await store.auditEntries(after: nil, limit: 10), [], "rows after a write outside any context")

        let intake = AuditContext(
            actor: "gw", role: "gridWorker", clientAddress: "10.1.2.3", action: "POST /api/v1/cases", at: Fixtures.now)
        let filed = try await AuditContext.$current.withValue(intake) { try await store.fileCase() }
        let accept = AuditContext(
            actor: "td", role: "townDispatcher", clientAddress: "10.1.2.4",
            action: "POST /api/v1/cases/\(filed.id)/transitions", at: Fixtures.now + 60)
        try await AuditContext.$current.withValue(accept) {
            try await store.act(.accept, on: filed.id, by: Fixtures.dispatcher)
            try await expectError(.transitionNotAllowed, "close on an accepted case") {
                try await store.act(.close, on: filed.id, by: Fixtures.dispatcher)
            }
        }
        let reveal = AuditContext(
            actor: "td", role: "townDispatcher", action: "POST /api/v1/cases/\(untracked.id)/reveal", at: Fixtures.now + 120)
        try await store.recordAudit(reveal, target: untracked.id, detail: "reporter.phone：回访核实")

        let rows = try await store.auditEntries(after: nil, limit: 10)
        try expectEqual(rows.map(\.seq), [1, 2, 3], "row numbers (the refused close leaves none)")
        try expectEqual(rows.map(\.actor), ["gw", "td", "td"], "actors")
        try expectEqual(rows.map(\.target), [filed.id, filed.id, untracked.id], "targets")
        try expectEqual(rows.map(\.action), [intake.action, accept.action, reveal.action], "actions")
        try expectEqual(rows.map(\.clientAddress), ["10.1.2.3", "10.1.2.4", nil], "client addresses")
        try expectEqual(rows.map(\.at), [Fixtures.now, Fixtures.now + 60, Fixtures.now + 120], "times")
        try expectEqual(rows.map(\.detail), [nil, nil, "reporter.phone：回访核实"], "details")
        try expectEqual(rows.first?.previousHash, AuditEntry.genesisHash, "the first row starts the chain")
        for index in 1..<rows.count {
            try expectEqual(rows[index].previousHash, rows[index - 1].hash, "row \(index + 1) chains to row \(index)")
        }
        try expect(rows.allSatisfy { $0.hash == $0.expectedHash }, "every row carries its own hash")
        try expectEqual(try await store.auditEntries(after: 2, limit: 10).map(\.seq), [3], "rows after 2")
        let verification = try await store.verifyAudit()
        try expectEqual(verification, AuditVerification(rowsChecked: 3, firstBreak: nil), "verification")
    }
}
