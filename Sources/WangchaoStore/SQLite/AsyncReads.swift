import GRDB

/// The only way the store reads: GRDB's async `read`, whose closure must return a Sendable
/// value, so waiting for a free pooled reader never parks a cooperative thread.
///
/// Calling `DatabasePool.read` directly with a closure that returns a non-Sendable value (a
/// `Row`, say) silently picks GRDB's synchronous overload, which blocks the calling thread
/// until a reader frees up; under load every cooperative thread ends up blocked and the
/// server deadlocks. Going through this type makes that mistake a compile error.
struct AsyncReads: Sendable {
    let pool: DatabasePool

    func read<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await pool.read(body)
    }
}
