import GRDB
import WangchaoCore

extension SQLiteStore {
    public func saveAreas(_ areas: [Area]) async throws {
        let encoded = try areas.map { ($0, try $0.boundary.map(StoredJSON.encode)) }
        try await write { db in
            for (area, boundary) in encoded {
                try db.execute(
                    sql: "INSERT OR REPLACE INTO areas (code, name, level, parent_code, boundary) VALUES (?, ?, ?, ?, ?)",
                    arguments: [area.code, area.name, area.level.rawValue, area.parentCode, boundary])
            }
        }
    }

    public func area(code: String) async throws -> Area? {
        try await reads.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM areas WHERE code = ?", arguments: [code]).map(Self.area(from:))
        }
    }

    public func childAreas(of code: String) async throws -> [Area] {
        try await areas(level: nil, parentCode: code)
    }

    public func areas(level: AreaLevel?, parentCode: String?) async throws -> [Area] {
        var sql = "SELECT * FROM areas WHERE 1"
        var arguments: StatementArguments = []
        if let level {
            sql += " AND level = ?"
            arguments += [level.rawValue]
        }
        if let parentCode {
            sql += " AND parent_code = ?"
            arguments += [parentCode]
        }
        sql += " ORDER BY code"
        return try await reads.read { [sql, arguments] db in
            try Row.fetchAll(db, sql: sql, arguments: arguments).map(Self.area(from:))
        }
    }

    public func rootArea() async throws -> Area? {
        try await reads.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM areas WHERE parent_code IS NULL ORDER BY code LIMIT 1")
                .map(Self.area(from:))
        }
    }

    static func area(from row: Row) throws -> Area {
        Area(
            code: row["code"], name: row["name"], level: AreaLevel(rawValue: row["level"]) ?? .microGrid,
            parentCode: row["parent_code"],
            boundary: try (row["boundary"] as String?).map { try StoredJSON.decode(Boundary.self, from: $0) })
    }

    public func saveUnits(_ units: [WangchaoCore.Unit]) async throws {
        try await write { db in
            for unit in units {
                try db.execute(
                    sql: "INSERT OR REPLACE INTO units (id, name, kind, area_code, platform) VALUES (?, ?, ?, ?, ?)",
                    arguments: [unit.id, unit.name, unit.kind.rawValue, unit.areaCode, unit.platform?.rawValue])
            }
        }
    }

    public func unit(id: String) async throws -> WangchaoCore.Unit? {
        try await reads.read { db in try Self.unit(id: id, in: db) }
    }

    static func unit(id: String, in db: Database) throws -> WangchaoCore.Unit? {
        try Row.fetchOne(db, sql: "SELECT * FROM units WHERE id = ?", arguments: [id]).map(unit(from:))
    }

    public func units(within areaCode: String?) async throws -> [WangchaoCore.Unit] {
        try await reads.read { db in
            if let areaCode {
                return try Row.fetchAll(
                    db, sql: "SELECT * FROM units WHERE area_code >= ? AND area_code < ? ORDER BY id",
                    arguments: [areaCode, AreaCode.subtreeEnd(areaCode)]
                ).map(Self.unit(from:))
            }
            return try Row.fetchAll(db, sql: "SELECT * FROM units ORDER BY id").map(Self.unit(from:))
        }
    }

    static func unit(from row: Row) -> Unit {
        Unit(
            id: row["id"], name: row["name"], kind: Unit.Kind(rawValue: row["kind"]) ?? .department,
            areaCode: row["area_code"], platform: (row["platform"] as String?).flatMap(Platform.init(rawValue:)))
    }

    public func saveUsers(_ users: [User]) async throws {
        try await write { db in
            for user in users {
                try db.execute(
                    sql: """
                        INSERT INTO users (username, display_name, role, scope, unit_id, disabled) VALUES (?, ?, ?, ?, ?, ?)
                        ON CONFLICT (username) DO UPDATE SET display_name = excluded.display_name, role = excluded.role,
                        scope = excluded.scope, unit_id = excluded.unit_id, disabled = excluded.disabled
                        """,
                    arguments: [
                        user.username, user.displayName, user.role.rawValue, user.scope.text, user.unitId, user.disabled,
                    ])
            }
        }
    }

    public func user(username: String) async throws -> User? {
        try await reads.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM users WHERE username = ?", arguments: [username])
                .map(Self.user(from:))
        }
    }
}
