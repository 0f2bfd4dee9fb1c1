import Foundation
import GRDB
import Testing
import WangchaoCore
import WangchaoTesting

@testable import WangchaoStore

/// What only the SQLite backend can show: atomic commits, the append-only history, group commit
/// and its durability settings.
@Suite("SQLite store durability")
struct SQLiteDurabilityTests {
    static let poison = """
        CREATE TRIGGER poison BEFORE INSERT ON transitions WHEN NEW.note = 'boom'
        BEGIN SELECT RAISE(ABORT, 'boom'); END
        """

    // MARK: (a) state and history commit together

    @Test("a failure while writing the history row leaves the case's state, version and derived rows as they were")
    func transitionAndHistoryCommitTogether() async throws {
        let fixture = try await SQLiteFixture()
        let store = fixture.store
        let filed = try await store.fileCase()
        let accepted = try await store.act(.accept, on: filed.id, by: Fixtures.dispatcher)
        try await store.pool.write { db in try db.execute(sql: Self.poison) }
        let historyBefore = try await store.history(caseId: filed.id)
        let derivedBefore = try await derivedRows(of: filed.id, in: store)

        // dispatch updates the case row, its units and its deadlines before the history row fails.
        let error = await #expect(throws: DatabaseError.self) {
            try await store.act(
                .dispatch(unitId: Fixtures.gridTeam), on: filed.id, by: Fixtures.dispatcher, at: Fixtures.now + 60,
                note: "boom")
        }
        #expect(error?.message == "boom")
        #expect(try await store.getCase(id: filed.id) == accepted)
        #expect(try await store.history(caseId: filed.id) == historyBefore)
        let derivedAfter = try await derivedRows(of: filed.id, in: store)
        #expect(derivedAfter.units == derivedBefore.units)
        #expect(derivedAfter.deadlines == derivedBefore.deadlines)
        #expect(derivedAfter.units.isEmpty, "a failed dispatch must not leave its unit behind")

        // What is on disk agrees.
        let reopened = try SQLiteStore(path: fixture.directory.file("wangchao.sqlite"))
        #expect(try await reopened.getCase(id: filed.id) == accepted)
        #expect(try await reopened.history(caseId: filed.id).count == 2)

        // The same transition with another note goes through on the same version.
        let dispatched = try await store.applyTransition(
            caseId: filed.id,
            TransitionInput(
                command: .dispatch(unitId: Fixtures.gridTeam), expectedVersion: accepted.version, note: "ok"),
            by: Fixtures.dispatcher, at: Fixtures.now + 120)
        #expect(dispatched.version == 3)
        #expect(try await store.history(caseId: filed.id).map(\.version) == [1, 2, 3])
        #expect(try await derivedRows(of: filed.id, in: store).units == [Fixtures.gridTeam])
    }

    @Test("a failure while writing the intake's history row leaves no case and uses up no number")
    func intakeAndHistoryCommitTogether() async throws {
        let fixture = try await SQLiteFixture()
        let store = fixture.store
        try await store.pool.write { db in
            try db.execute(
                sql: """
                    CREATE TRIGGER poison_intake BEFORE INSERT ON transitions WHEN NEW.attachments LIKE '%boom%'
                    BEGIN SELECT RAISE(ABORT, 'boom'); END
                    """)
        }
        try await store.saveFixtureAttachments(["boom"])
        var intake = Fixtures.intake(description: "毒药案件")
        intake.attachments = ["boom"]
        await #expect(throws: DatabaseError.self) { try await store.fileCase(intake) }
        #expect(try await store.caseCount() == 0)
        #expect(try await store.allCases().isEmpty)
        let next = try await store.fileCase()
        #expect(next.number == "XS-20261124-000001")
        #expect(try await SQLiteStore(path: fixture.directory.file("wangchao.sqlite")).caseCount() == 1)
    }

    // MARK: (b) append-only history

    @Test("the history refuses UPDATE and DELETE")
    func historyIsAppendOnly() async throws {
        let fixture = try await SQLiteFixture()
        let store = fixture.store
        let filed = try await store.fileCase()
        try await store.act(.accept, on: filed.id, by: Fixtures.dispatcher)
        let history = try await store.history(caseId: filed.id)
        #expect(history.count == 2)

        let update = await #expect(throws: DatabaseError.self) {
            try await store.pool.write { db in
                try db.execute(
                    sql: "UPDATE transitions SET note = 'rewritten' WHERE case_id = ?", arguments: [filed.id])
            }
        }
        #expect(update?.message?.contains("append-only") == true)
        let delete = await #expect(throws: DatabaseError.self) {
            try await store.pool.write { db in
                try db.execute(sql: "DELETE FROM transitions WHERE case_id = ? AND version = 2", arguments: [filed.id])
            }
        }
        #expect(delete?.message?.contains("append-only") == true)
        await #expect(throws: DatabaseError.self) {
            try await store.pool.write { db in try db.execute(sql: "DELETE FROM transitions") }
        }
        #expect(try await store.history(caseId: filed.id) == history)
    }

    // MARK: (c) group commit acknowledges only what is on disk

    @Test(
        "when a batch's commit fails, every request of that batch fails and none of its cases exists; later ones survive"
    )
    func groupCommitAcknowledgesOnlyWhatIsOnDisk() async throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("wangchao.sqlite")
        let probe = CommitProbe()
        var firstRound: [(description: String, result: Result<Case, any Error>)] = []
        var secondRound: [(description: String, result: Result<Case, any Error>)] = []
        var committedRequests = 0
        do {
            let store = try SQLiteStore(path: path, configuration: .probed(by: probe))
            try await store.loadFixtures()
            try await probe.install(on: store)
            let before = await store.groupCommitStatistics()
            probe.armFailure(minimumInserts: 2)
            firstRound = await fileConcurrently(store, descriptions: (1...64).map { "第一轮第\($0)件" })
            secondRound = await fileConcurrently(
                store, descriptions: (1...16).map { "第二轮第\($0)件" }, at: Fixtures.now + 60)
            committedRequests = await store.groupCommitStatistics().requests - before.requests
        }

        let failed = firstRound.filter { $0.result.error != nil }
        let acknowledged = firstRound.compactMap(\.result.value)
        let failedBatch = try #require(
            probe.failedBatch, "no commit carried two or more cases: group commit did not batch")
        #expect(failed.count == failedBatch.inserts, "every request of the failed batch, and only those, must fail")
        #expect(failed.allSatisfy { $0.result.error is InjectedCommitFailure }, "\(failed.map(\.result))")
        #expect(acknowledged.count == 64 - failed.count)
        #expect(secondRound.allSatisfy { $0.result.value != nil }, "calls after the failure must succeed")
        #expect(committedRequests == acknowledged.count + secondRound.count)

        // Reopen the file: exactly the acknowledged cases are there, as acknowledged.
        let reopened = try SQLiteStore(path: path)
        let stored = try await reopened.allCases()
        let expected = acknowledged + secondRound.compactMap(\.result.value)
        #expect(stored.count == expected.count)
        for acknowledgedCase in expected {
            #expect(try await reopened.getCase(id: acknowledgedCase.id) == acknowledgedCase)
            #expect(try await reopened.history(caseId: acknowledgedCase.id).count == 1)
        }
        #expect(Set(stored.map(\.description)) == Set(expected.map(\.description)))
        #expect(Set(stored.map(\.description)).isDisjoint(with: failed.map(\.description)))
        // The failed batch's numbers were rolled back with it: the surviving numbers have no gap.
        #expect(
            stored.map(\.number).sorted()
                == (1...expected.count).map { CaseNumber.format(day: "20261124", sequence: $0) })
    }

    // MARK: (d) concurrent intakes share commits

    @Test("200 concurrent intakes take fewer commits than requests, and all 200 are on disk")
    func concurrentIntakesAreBatched() async throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("wangchao.sqlite")
        var outcomes: [(description: String, result: Result<Case, any Error>)] = []
        var batches = 0
        var requests = 0
        do {
            let store = try SQLiteStore(path: path)
            try await store.loadFixtures()
            let before = await store.groupCommitStatistics()
            outcomes = await fileConcurrently(store, descriptions: (1...200).map { "并发第\($0)件" })
            let after = await store.groupCommitStatistics()
            batches = after.batches - before.batches
            requests = after.requests - before.requests
        }
        #expect(outcomes.allSatisfy { $0.result.value != nil }, "\(outcomes.compactMap(\.result.error))")
        #expect(requests == 200)
        #expect(batches >= 1)
        #expect(batches < requests, "200 concurrent intakes took \(batches) commits")

        let reopened = try SQLiteStore(path: path)
        #expect(try await reopened.caseCount() == 200)
        let stored = try await reopened.allCases()
        #expect(Set(stored.map(\.id)) == Set(outcomes.compactMap(\.result.value?.id)))
        #expect(stored.map(\.number).sorted() == (1...200).map { CaseNumber.format(day: "20261124", sequence: $0) })
    }

    // MARK: (e) durability settings

    @Test("the database runs in WAL mode with synchronous = FULL and foreign keys on")
    func durabilitySettings() async throws {
        let fixture = try await SQLiteFixture()
        for store in [fixture.store, try SQLiteStore(path: fixture.directory.file("wangchao.sqlite"))] {
            let writer = try await store.pool.write { db in
                (
                    try Int.fetchOne(db, sql: "PRAGMA synchronous"),
                    try String.fetchOne(db, sql: "PRAGMA journal_mode"),
                    try Int.fetchOne(db, sql: "PRAGMA foreign_keys")
                )
            }
            #expect(writer.0 == 2, "synchronous on the writer (2 = FULL)")
            #expect(writer.1 == "wal")
            #expect(writer.2 == 1)
            let reader = try await store.pool.read { db in
                (try Int.fetchOne(db, sql: "PRAGMA synchronous"), try String.fetchOne(db, sql: "PRAGMA journal_mode"))
            }
            #expect(reader.0 == 2, "synchronous on a reader")
            #expect(reader.1 == "wal")
        }
    }

    // MARK: (f) one failing request does not sink its batch

    @Test(
        "requests failing inside a shared commit (a stale version, a failing statement) leave their batch-mates committed"
    )
    func failingRequestDoesNotRollBackItsBatch() async throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("wangchao.sqlite")
        let probe = CommitProbe()
        var sharedRounds = 0
        var expectations: [Case] = []
        var untouched: [Case] = []
        do {
            let store = try SQLiteStore(path: path, configuration: .probed(by: probe))
            try await store.loadFixtures()
            try await probe.install(on: store)
            try await store.pool.write { db in try db.execute(sql: Self.poison) }

            // Rounds until the poisoned request has shared a commit with others; almost always the first.
            for round in 0..<10 where sharedRounds == 0 {
                let at = Fixtures.now + TimeInterval(round * 3600)
                let poisoned = try await store.act(
                    .accept, on: try await store.fileCase(at: at).id, by: Fixtures.dispatcher, at: at)
                let stale = try await store.act(
                    .accept, on: try await store.fileCase(at: at).id, by: Fixtures.dispatcher, at: at)
                var reported: [Case] = []
                for _ in 0..<6 { reported.append(try await store.fileCase(at: at)) }

                enum Outcome: Sendable {
                    case poisoned(Result<Case, any Error>)
                    case stale(Result<Case, any Error>)
                    case accepted(Result<Case, any Error>)
                    case filed(Result<Case, any Error>)
                }
                func result(_ body: @Sendable () async throws -> Case) async -> Result<Case, any Error> {
                    do { return .success(try await body()) } catch { return .failure(error) }
                }
                let outcomes = await withTaskGroup(of: Outcome.self) { group in
                    for index in 0..<30 {
                        group.addTask {
                            .filed(
                                await result {
                                    try await store.fileCase(
                                        Fixtures.intake(description: "第\(round)轮第\(index)件"), at: at)
                                })
                        }
                        if index == 10 {
                            group.addTask {
                                .poisoned(
                                    await result {
                                        try await store.applyTransition(
                                            caseId: poisoned.id,
                                            TransitionInput(
                                                command: .dispatch(unitId: Fixtures.gridTeam), expectedVersion: 2,
                                                note: "boom"),
                                            by: Fixtures.dispatcher, at: at + 60)
                                    })
                            }
                            group.addTask {
                                .stale(
                                    await result {
                                        try await store.applyTransition(
                                            caseId: stale.id,
                                            TransitionInput(
                                                command: .dispatch(unitId: Fixtures.gridTeam), expectedVersion: 1),
                                            by: Fixtures.dispatcher, at: at + 60)
                                    })
                            }
                            for subject in reported {
                                group.addTask {
                                    .accepted(
                                        await result {
                                            try await store.act(
                                                .accept, on: subject.id, by: Fixtures.dispatcher, at: at + 60)
                                        })
                                }
                            }
                        }
                    }
                    var outcomes: [Outcome] = []
                    for await outcome in group { outcomes.append(outcome) }
                    return outcomes
                }

                var succeeded: [Case] = []
                for outcome in outcomes {
                    switch outcome {
                    case .poisoned(let result):
                        #expect(
                            (result.error as? DatabaseError)?.message == "boom", "the poisoned transition: \(result)")
                    case .stale(let result):
                        #expect(
                            (result.error as? DomainError)?.code == .versionConflict, "the stale transition: \(result)")
                    case .accepted(let result), .filed(let result):
                        if let value = result.value {
                            succeeded.append(value)
                        } else {
                            Issue.record("failed: \(result)")
                        }
                    }
                }
                #expect(try await store.getCase(id: poisoned.id) == poisoned)
                #expect(try await store.getCase(id: stale.id) == stale)
                #expect(try await derivedRows(of: poisoned.id, in: store).units.isEmpty)
                untouched += [poisoned, stale]
                expectations += succeeded

                // Did the poisoned request share its commit with requests that succeeded?
                let entries = probe.entries
                let poisonedBatches = Set(entries.filter { $0.caseId == poisoned.id }.map(\.batch))
                let succeededIds = Set(succeeded.map(\.id))
                let mates = entries.filter { poisonedBatches.contains($0.batch) && succeededIds.contains($0.caseId) }
                if !mates.isEmpty {
                    sharedRounds += 1
                    for mate in Set(mates.map(\.caseId)) {
                        let expectedCase = try #require(succeeded.first { $0.id == mate })
                        #expect(
                            try await store.getCase(id: mate) == expectedCase, "a batch-mate of the failing request")
                    }
                }
            }
        }
        #expect(sharedRounds >= 1, "the failing request never shared a commit with another request")

        // On disk after reopening: every success as acknowledged, every failure without trace.
        let reopened = try SQLiteStore(path: path)
        for acknowledged in expectations {
            #expect(try await reopened.getCase(id: acknowledged.id) == acknowledged)
        }
        for subject in untouched {
            #expect(try await reopened.getCase(id: subject.id) == subject)
            #expect(try await reopened.history(caseId: subject.id).map(\.version) == [1, 2])
        }
    }
}
