import GRDB

/// Runs concurrent write requests in shared transactions (group commit): whatever arrives while
/// one commit is being flushed to disk goes into the next, so many requests pay for one fsync.
///
/// Each request runs in its own savepoint, so one request's failure rolls back only its own
/// changes. Every caller resumes only after the shared transaction has committed (WAL with
/// `synchronous = FULL`: durable); if the commit fails, every request of the batch fails.
actor GroupCommitWriter {
    private let writer: any DatabaseWriter
    private let maxBatch: Int
    private var pending: [Job] = []
    private var draining = false
    /// Batches committed so far, and the requests they carried (for benchmarks and metrics).
    private(set) var batchCount = 0
    private(set) var requestCount = 0

    init(writer: any DatabaseWriter, maxBatch: Int = 256) {
        self.writer = writer
        self.maxBatch = maxBatch
    }

    /// Runs `work` inside the next shared transaction and returns its result once committed.
    func write<T: Sendable>(_ work: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
            let outcome = Outcome<T>()
            pending.append(
                Job(
                    run: { db in
                        do {
                            var value: T?
                            try db.inSavepoint {
                                value = try work(db)
                                return .commit
                            }
                            outcome.result = .success(value!)
                        } catch {
                            outcome.result = .failure(error)
                        }
                    },
                    finish: { commitError in
                        if let commitError {
                            continuation.resume(throwing: commitError)
                        } else {
                            continuation.resume(with: outcome.result!)
                        }
                    }))
            if !draining {
                draining = true
                Task { await self.drain() }
            }
        }
    }

    private func drain() async {
        while !pending.isEmpty {
            let batch = Array(pending.prefix(maxBatch))
            pending.removeFirst(batch.count)
            do {
                try await writer.write { db in
                    for job in batch { job.run(db) }
                }
                batchCount += 1
                requestCount += batch.count
                for job in batch { job.finish(nil) }
            } catch {
                for job in batch { job.finish(error) }
            }
        }
        draining = false
    }

    /// (batches, requests) committed so far.
    func statistics() -> (batches: Int, requests: Int) { (batchCount, requestCount) }
}

/// One queued request: `run` executes it inside the shared transaction, `finish` resumes its
/// caller after the commit (with the commit's error, if any).
private struct Job: Sendable {
    let run: @Sendable (Database) -> Void
    let finish: @Sendable ((any Error)?) -> Void
}

/// Where a job leaves its result between running and the commit; touched only on the writer's
/// serial queue and then after the commit, never concurrently.
private final class Outcome<T: Sendable>: @unchecked Sendable {
    var result: Result<T, any Error>?
}
