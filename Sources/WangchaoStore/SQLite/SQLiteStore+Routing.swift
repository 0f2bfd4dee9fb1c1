import Foundation
import GRDB
import WangchaoCore

extension SQLiteStore {
    public func saveRoutingRules(_ file: Data, by actor: String, at now: Date) async throws -> RoutingRuleSetRecord {
        let categories = self.categories
        let source = String(decoding: file, as: UTF8.self)
        return try await write { db in
            var ruleSet = try Self.checkRoutingRules(file, categories: categories, in: db)
            let version = (try Int.fetchOne(db, sql: "SELECT max(version) FROM routing_rule_sets") ?? 0) + 1
            ruleSet.version = version
            try db.execute(
                sql: "INSERT INTO routing_rule_sets (version, source, saved_by, saved_at) VALUES (?, ?, ?, ?)",
                arguments: [version, source, actor, now.storedMillis])
            return RoutingRuleSetRecord(
                version: version, savedBy: actor, savedAt: Date(storedMillis: now.storedMillis), source: source, ruleSet: ruleSet)
        }
    }

    /// Checks a rule file against this store's categories, areas and units without saving it
    /// (`wangchao rules check`).
    /// - Throws: ``RoutingRuleFileError``.
    public func checkRoutingRules(_ file: Data) async throws -> RoutingRuleSet {
        let categories = self.categories
        return try await reads.read { db in try Self.checkRoutingRules(file, categories: categories, in: db) }
    }

    /// The areas and units are read first, so a database error is thrown as one rather than
    /// read as "no such area".
    static func checkRoutingRules(_ file: Data, categories: CategoryCatalog, in db: Database) throws -> RoutingRuleSet {
        let areas = Set(try String.fetchAll(db, sql: "SELECT code FROM areas"))
        var units: [String: WangchaoCore.Unit] = [:]
        for unit in try Row.fetchAll(db, sql: "SELECT * FROM units").map(Self.unit(from:)) { units[unit.id] = unit }
        return try RoutingRuleFile.parse(
            file, references: .init(categories: categories, areaExists: { areas.contains($0) }, unit: { units[$0] }))
    }

    public func activeRoutingRules() async throws -> RoutingRuleSetRecord? {
        try await reads.read { db in try Self.activeRoutingRules(in: db) }
    }

    public func routingRules(version: Int) async throws -> RoutingRuleSetRecord? {
        try await reads.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM routing_rule_sets WHERE version = ?", arguments: [version])
                .map(Self.ruleSetRecord(from:))
        }
    }

    public func routingRuleVersions() async throws -> [RoutingRuleSetSummary] {
        try await reads.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM routing_rule_sets ORDER BY version DESC").map { try Self.ruleSetRecord(from: $0).summary }
        }
    }

    static func activeRoutingRules(in db: Database) throws -> RoutingRuleSetRecord? {
        try Row.fetchOne(db, sql: "SELECT * FROM routing_rule_sets ORDER BY version DESC LIMIT 1").map(ruleSetRecord(from:))
    }

    static func ruleSetRecord(from row: Row) throws -> RoutingRuleSetRecord {
        let source: String = row["source"]
        var ruleSet = try JSONDecoder().decode(RoutingRuleSet.self, from: Data(source.utf8))
        ruleSet.version = row["version"]
        return RoutingRuleSetRecord(
            version: row["version"], savedBy: row["saved_by"], savedAt: Date(storedMillis: row["saved_at"]), source: source,
            ruleSet: ruleSet)
    }

    public func saveRoster(_ roster: DutyRoster) async throws {
        _ = try await write { db in
            guard try Self.unit(id: roster.unitId, in: db) != nil else { throw DomainError.notFound("处置单位 \(roster.unitId) 不存在") }
            let members = try SQLiteRoutingDirectory(db: db).members(of: roster.unitId)
                .filter { !$0.disabled && DutyRoster.eligibleRoles.contains($0.role) }
            try roster.validate(members: Set(members.map(\.username)))
            try db.execute(
                sql: "INSERT OR REPLACE INTO duty_rosters (unit_id, body) VALUES (?, ?)",
                arguments: [roster.unitId, try StoredJSON.encode(roster)])
            return roster
        }
    }

    public func roster(unitId: String) async throws -> DutyRoster? {
        try await reads.read { db in
            guard try Self.unit(id: unitId, in: db) != nil else { return nil }
            return try SQLiteRoutingDirectory(db: db).roster(of: unitId) ?? DutyRoster(unitId: unitId, shifts: [])
        }
    }
}

/// The look-ups behind ``ReferenceStore``'s directory reads, inside a read or write transaction.
struct SQLiteRoutingDirectory {
    let db: Database

    func area(_ code: String) throws -> Area? {
        try Row.fetchOne(db, sql: "SELECT code, name, level, parent_code FROM areas WHERE code = ?", arguments: [code]).map {
            Area(code: $0["code"], name: $0["name"], level: AreaLevel(rawValue: $0["level"]) ?? .microGrid, parentCode: $0["parent_code"])
        }
    }

    func units(at areaCode: String, kind: WangchaoCore.Unit.Kind) throws -> [WangchaoCore.Unit] {
        try Row.fetchAll(db, sql: "SELECT * FROM units WHERE area_code = ? AND kind = ? ORDER BY id", arguments: [areaCode, kind.rawValue])
            .map(SQLiteStore.unit(from:))
    }

    func unit(_ id: String) throws -> WangchaoCore.Unit? { try SQLiteStore.unit(id: id, in: db) }

    func members(of unitId: String) throws -> [User] {
        try Row.fetchAll(db, sql: "SELECT * FROM users WHERE unit_id = ? ORDER BY username", arguments: [unitId])
            .map(SQLiteStore.user(from:))
    }

    func roster(of unitId: String) throws -> DutyRoster? {
        try String.fetchOne(db, sql: "SELECT body FROM duty_rosters WHERE unit_id = ?", arguments: [unitId])
            .map { try StoredJSON.decode(DutyRoster.self, from: $0) }
    }

    static let openStates = CaseState.lifecycle.filter(\.isOpen).map(\.rawValue)

    func openAssignedCount(_ username: String) throws -> Int {
        let marks = Self.openStates.map { _ in "?" }.joined(separator: ", ")
        return try Int.fetchOne(
            db, sql: "SELECT count(*) FROM cases WHERE assignee = ? AND state IN (\(marks))",
            arguments: StatementArguments([username] + Self.openStates)) ?? 0
    }
}

extension DutyRoster: AuditTarget {
    public var auditTarget: String { "roster/\(unitId)" }
}
