import Foundation
import GRDB
import WangchaoCore

extension SQLiteStore {
    public func addSystem(_ system: IntegrationSystem, apiKeyHash: String) async throws {
        try system.validate()
        try await write { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM systems WHERE id = ?", arguments: [system.id]) == nil else {
                throw DomainError.invalid(field: "id", "系统标识 \(system.id) 已存在")
            }
            try db.execute(
                sql: "INSERT INTO systems (id, name, api_key_hash, disabled, created_at) VALUES (?, ?, ?, ?, ?)",
                arguments: [system.id, system.name, apiKeyHash, system.disabled, system.createdAt.storedMillis])
        }
    }

    public func system(apiKeyHash: String) async throws -> IntegrationSystem? {
        try await reads.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM systems WHERE api_key_hash = ?", arguments: [apiKeyHash])
                .map(Self.system(from:))
        }
    }

    public func system(id: String) async throws -> IntegrationSystem? {
        try await reads.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM systems WHERE id = ?", arguments: [id]).map(Self.system(from:))
        }
    }

    public func listSystems() async throws -> [IntegrationSystem] {
        try await reads.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM systems ORDER BY id").map(Self.system(from:))
        }
    }

    public func setSystemDisabled(id: String, _ disabled: Bool) async throws -> IntegrationSystem {
        try await write { db in
            try db.execute(sql: "UPDATE systems SET disabled = ? WHERE id = ?", arguments: [disabled, id])
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM systems WHERE id = ?", arguments: [id]) else {
                throw DomainError.notFound("系统 \(id) 不存在")
            }
            return Self.system(from: row)
        }
    }

    private static func system(from row: Row) -> IntegrationSystem {
        IntegrationSystem(
            id: row["id"], name: row["name"], disabled: row["disabled"], createdAt: Date(storedMillis: row["created_at"]))
    }
}

extension IntegrationSystem: AuditTarget {
    public var auditTarget: String { actorName }
}
