import Foundation
import Testing
import WangchaoCore
import WangchaoStore
import WangchaoTesting

/// Many more concurrent requests than pooled readers and cooperative threads: every read must
/// wait for a reader without blocking a thread, or the store deadlocks (as it once did at eight
/// benchmark clients, when reads returning `Row` took GRDB's synchronous path).
///
/// A deadlock hangs the whole test process (no thread is left to enforce a time limit), so
/// `scripts/test` kills a run that exceeds its time; the limit here only catches slowness.
@Suite struct SQLiteConcurrencyTests {
    @Test(.timeLimit(.minutes(5)))
    func fourHundredConcurrentReadsAndWritesAllFinish() async throws {
        let fixture = try await SQLiteFixture()
        let store = fixture.store
        let seeded = try await store.fileCase()

        let finished = try await withThrowingTaskGroup(of: Int.self) { group in
            for index in 0..<400 {
                group.addTask {
                    switch index % 8 {
                    case 0: return try await store.fileCase().version
                    case 1: return try await store.listCases(CaseQuery.limited(20), viewer: Fixtures.dispatcher.viewer).items.count
                    case 2: return try await store.getCase(id: seeded.id)?.version ?? -1
                    case 3: return try await store.history(caseId: seeded.id).count
                    case 4: return try await store.areas(level: nil, parentCode: nil).count
                    case 5: return try await store.units(within: nil).count
                    case 6: return try await store.user(username: Fixtures.gridWorker.username) == nil ? -1 : 1
                    default: return try await store.area(code: Fixtures.district) == nil ? -1 : 1
                    }
                }
            }
            var results: [Int] = []
            for try await result in group { results.append(result) }
            return results
        }

        #expect(finished.count == 400)
        #expect(!finished.contains(-1))
        let all = try await store.listCases(CaseQuery.limited(200), viewer: Fixtures.commander.viewer)
        #expect(all.items.count == 51)
    }
}

extension CaseQuery {
    fileprivate static func limited(_ limit: Int) -> CaseQuery {
        var query = CaseQuery()
        query.limit = limit
        return query
    }
}
