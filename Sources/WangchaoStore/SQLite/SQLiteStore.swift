import Foundation
import GRDB
import WangchaoCore

/// The embedded store: one SQLite file in WAL mode with `synchronous = FULL`, so that a commit
/// survives a power cut; writes share commits through ``GroupCommitWriter``.
///
/// ```swift
/// let store = try SQLiteStore(path: "wangchao.sqlite")
/// let cases = CaseService(store: store, settings: .standard)   // WangchaoServices
/// let created = try await cases.file(intake, by: user, idempotencyKey: nil, at: .now)
/// ```
public final class SQLiteStore: CaseStore {
    /// Options with safe defaults.
    public struct Configuration: Sendable {
        /// The most write requests that share one commit.
        public var maxBatch = 256
        /// The categories routing rule files and repeat probes are checked against.
        public var categories: CategoryCatalog = .bundled
        /// Called before each commit; throwing rolls the whole batch back. For fault-injection tests.
        public var beforeCommit: (@Sendable () throws -> Void)?

        public init() {}
    }

    let pool: DatabasePool
    /// Reads; see ``AsyncReads`` for why they never touch `pool` directly.
    let reads: AsyncReads
    /// The database file.
    public let path: String
    /// Writes; go through ``write(_:)``, which adds the audit row.
    let groupCommit: GroupCommitWriter
    let categories: CategoryCatalog
    let configuration: Configuration

    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    public init(path: String, configuration: Configuration = Configuration()) throws {
        var config = GRDB.Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(10)
        let beforeCommit = configuration.beforeCommit
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
            if let beforeCommit, db.configuration.readonly == false {
                db.add(transactionObserver: CommitHook(beforeCommit), extent: .databaseLifetime)
            }
        }
        self.path = path
        pool = try DatabasePool(path: path, configuration: config)
        // GRDB switches the writer to synchronous=NORMAL when it enables WAL, after
        // prepareDatabase ran; set FULL again on the writer, which lives as long as the pool.
        try pool.barrierWriteWithoutTransaction { try $0.execute(sql: "PRAGMA synchronous = FULL") }
        try SQLiteSchema.migrator.migrate(pool)
        reads = AsyncReads(pool: pool)
        groupCommit = GroupCommitWriter(writer: pool, maxBatch: configuration.maxBatch)
        categories = configuration.categories
        self.configuration = configuration
    }

    /// Applies pending migrations without opening a store; for `wangchao migrate`.
    /// - Returns: the identifiers of the migrations applied now.
    public static func migrate(path: String) throws -> [String] {
        let pool = try DatabasePool(path: path)
        let before = try pool.read { try SQLiteSchema.migrator.appliedIdentifiers($0) }
        try SQLiteSchema.migrator.migrate(pool)
        return SQLiteSchema.migrator.migrations.filter { !before.contains($0) }
    }

    /// (batches, requests) committed through group commit since the store opened.
    public func groupCommitStatistics() async -> (batches: Int, requests: Int) {
        await groupCommit.statistics()
    }

}

/// Lets tests make a commit fail at the last moment.
private final class CommitHook: TransactionObserver, @unchecked Sendable {
    let hook: @Sendable () throws -> Void
    init(_ hook: @escaping @Sendable () throws -> Void) { self.hook = hook }
    func observes(eventsOfKind eventKind: DatabaseEventKind) -> Bool { false }
    func databaseDidChange(with event: DatabaseEvent) {}
    func databaseWillCommit() throws { try hook() }
    func databaseDidCommit(_ db: Database) {}
    func databaseDidRollback(_ db: Database) {}
}
