import Foundation
import GRDB
import WangchaoCore
import WangchaoTesting

@testable import WangchaoStore

/// A commit failure injected through `SQLiteStore.Configuration.beforeCommit`.
struct InjectedCommitFailure: Error {}

/// Watches the writer connection: which batch (commit) each case write ran in, and, once armed,
/// makes the first commit that carries at least `minimumInserts` new cases fail.
///
/// The store's connection calls ``record(_:inserted:)`` from temporary triggers (see
/// ``install(on:)``) and ``beforeCommit()`` from the commit hook, both on the writer's serial
/// queue; the test reads the results after the writes have returned.
final class CommitProbe: @unchecked Sendable {
    private let lock = NSLock()
    private var batch = 0
    private var insertsInBatch = 0
    private var failNextWith: Int?
    private var _entries: [(batch: Int, caseId: String)] = []
    private var _failedBatch: (batch: Int, inserts: Int)?

    /// Makes the first commit with at least `minimumInserts` case inserts fail.
    func armFailure(minimumInserts: Int) { lock.withLock { failNextWith = minimumInserts } }

    /// Which batch each insert or update of a case ran in, including writes later rolled back.
    var entries: [(batch: Int, caseId: String)] { lock.withLock { _entries } }

    /// The batch whose commit was made to fail and how many cases it inserted.
    var failedBatch: (batch: Int, inserts: Int)? { lock.withLock { _failedBatch } }

    func record(_ caseId: String, inserted: Bool) {
        lock.withLock {
            _entries.append((batch, caseId))
            if inserted { insertsInBatch += 1 }
        }
    }

    func beforeCommit() throws {
        try lock.withLock {
            defer {
                batch += 1
                insertsInBatch = 0
            }
            if let minimum = failNextWith, insertsInBatch >= minimum {
                failNextWith = nil
                _failedBatch = (batch, insertsInBatch)
                throw InjectedCommitFailure()
            }
        }
    }

    /// Registers the probe's SQL function and temporary triggers on the store's writer connection.
    func install(on store: SQLiteStore) async throws {
        try await store.pool.write { db in
            db.add(
                function: DatabaseFunction("wangchao_probe", argumentCount: 2, pure: false) { arguments in
                    self.record(
                        String.fromDatabaseValue(arguments[0]) ?? "?",
                        inserted: Bool.fromDatabaseValue(arguments[1]) ?? false)
                    return nil
                })
            try db.execute(
                sql: """
                    CREATE TEMP TRIGGER probe_case_insert AFTER INSERT ON main.cases BEGIN SELECT wangchao_probe(NEW.id, 1); END;
                    CREATE TEMP TRIGGER probe_case_update AFTER UPDATE ON main.cases BEGIN SELECT wangchao_probe(NEW.id, 0); END;
                    """)
        }
    }
}

extension SQLiteStore.Configuration {
    /// A configuration whose commit hook is `probe`'s.
    static func probed(by probe: CommitProbe) -> Self {
        var configuration = Self()
        configuration.beforeCommit = { try probe.beforeCommit() }
        return configuration
    }
}

extension CaseStore {
    /// Every case the commander sees, newest first, across all pages.
    func allCases() async throws -> [Case] {
        var query = CaseQuery()
        query.limit = CaseQuery.maxLimit
        var cases: [Case] = []
        while true {
            let page = try await listCases(query, viewer: Fixtures.commander.viewer)
            cases += page.items
            guard let cursor = page.nextCursor else { return cases }
            query.cursor = cursor
        }
    }
}

/// Files one case per description concurrently, each as its own task, and returns every outcome.
func fileConcurrently(_ store: SQLiteStore, descriptions: [String], at now: Date = Fixtures.now) async
    -> [(description: String, result: Result<Case, any Error>)]
{
    await withTaskGroup(of: (String, Result<Case, any Error>).self) { group in
        for description in descriptions {
            group.addTask {
                do {
                    return (
                        description,
                        .success(try await store.fileCase(Fixtures.intake(description: description), at: now))
                    )
                } catch {
                    return (description, .failure(error))
                }
            }
        }
        var outcomes: [(description: String, result: Result<Case, any Error>)] = []
        for await outcome in group { outcomes.append(outcome) }
        return outcomes
    }
}

extension Result {
    var value: Success? { if case .success(let value) = self { value } else { nil } }
    var error: Failure? { if case .failure(let error) = self { error } else { nil } }
}

/// Row counts of the rows derived from a case (involved units, running deadlines), straight from SQLite.
func derivedRows(of caseId: String, in store: SQLiteStore) async throws -> (units: [String], deadlines: [String]) {
    try await store.pool.read { db in
        (
            try String.fetchAll(
                db, sql: "SELECT unit_id FROM case_units WHERE case_id = ? ORDER BY unit_id", arguments: [caseId]),
            try String.fetchAll(
                db, sql: "SELECT kind || '@' || due_at FROM case_deadlines WHERE case_id = ? ORDER BY kind",
                arguments: [caseId])
        )
    }
}
