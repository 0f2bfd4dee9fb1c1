import Foundation
import GRDB
import WangchaoCore

extension SQLiteStore {
    public func areaWithoutBoundary(code: String) async throws -> Area? {
        try await reads.read { db in try SQLiteRoutingDirectory(db: db).area(code) }
    }

    public func units(at areaCode: String, kind: WangchaoCore.Unit.Kind) async throws -> [WangchaoCore.Unit] {
        try await reads.read { db in try SQLiteRoutingDirectory(db: db).units(at: areaCode, kind: kind) }
    }

    public func members(ofUnit unitId: String) async throws -> [User] {
        try await reads.read { db in try SQLiteRoutingDirectory(db: db).members(of: unitId) }
    }

    public func users(roles: [Role], coveringArea areaCode: String) async throws -> [User] {
        guard !roles.isEmpty else { return [] }
        return try await reads.read { db in
            // Area scopes are codes, and a code's ancestors are its prefixes.
            try Row.fetchAll(
                db,
                sql: """
                    SELECT * FROM users
                    WHERE role IN (\(roles.map { _ in "?" }.joined(separator: ","))) AND disabled = 0
                      AND substr(?, 1, length(scope)) = scope
                    ORDER BY username
                    """, arguments: StatementArguments(roles.map(\.rawValue) + [areaCode])
            ).map(Self.user(from:))
        }
    }

    public func openAssignedCount(username: String) async throws -> Int {
        try await reads.read { db in try SQLiteRoutingDirectory(db: db).openAssignedCount(username) }
    }
}
