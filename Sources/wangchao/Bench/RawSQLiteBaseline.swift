import Foundation
import GRDB

/// The yardstick: the same database settings (WAL, synchronous=FULL), one transaction and so one
/// fsync per case, written one after another: what a store without group commit can do.
enum RawSQLiteBaseline {
    /// Inserts `count` case-sized rows, each with a history row, one commit each.
    /// - Returns: commits per second.
    static func run(count: Int, path: String) throws -> Double {
        var configuration = Configuration()
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
        let pool = try DatabasePool(path: path, configuration: configuration)
        try pool.write { db in
            try db.execute(sql: """
                CREATE TABLE cases (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, body TEXT NOT NULL);
                CREATE TABLE transitions (seq INTEGER PRIMARY KEY, case_id TEXT NOT NULL, body TEXT NOT NULL);
                """)
        }
        let body = String(repeating: "人行道被流动摊贩占用，行人只能走机动车道。", count: 20)
        let start = ContinuousClock.now
        for index in 0..<count {
            try pool.write { db in
                let id = "case-\(index)"
                try db.execute(sql: "INSERT INTO cases (id, body) VALUES (?, ?)", arguments: [id, body])
                try db.execute(sql: "INSERT INTO transitions (case_id, body) VALUES (?, ?)", arguments: [id, "intake"])
            }
        }
        return Double(count) / (ContinuousClock.now - start).seconds
    }
}
