import GRDB
import WangchaoCore

extension SQLiteStore {
    /// The columns read back, in the order ``standardAddress(_:)`` decodes them by index.
    static let standardAddressColumns = """
        code, text, province, city, district, town, village, road, number, building, unit, room,
        district_code, town_code, lat, lng, micro_grid_code, kind
        """

    /// Page cache for a large batch: the door and digest keys are hashes, so a batch's inserts
    /// land all over their indexes, and SQLite's default 2 MB cache would spill dirty pages to
    /// the WAL many times per commit. Restored before the commit, so the writer keeps its usual
    /// footprint afterwards.
    static let bulkCacheKilobytes = 64 * 1024

    public func saveStandardAddresses(_ addresses: [StandardAddress]) async throws {
        try await write { db in
            let bulk = addresses.count >= 1_000
            let cacheSize = bulk ? try Int.fetchOne(db, sql: "PRAGMA cache_size") : nil
            if bulk { try db.execute(sql: "PRAGMA cache_size = -\(Self.bulkCacheKilobytes)") }
            defer { if let cacheSize { try? db.execute(sql: "PRAGMA cache_size = \(cacheSize)") } }
            let insert = try db.cachedStatement(
                sql: """
                    INSERT OR REPLACE INTO standard_addresses (
                        code, text, province, city, district, town, village, road, number, building, unit, room,
                        district_code, town_code, lat, lng, micro_grid_code, kind, door_key, text_digest
                    ) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
            for a in addresses {
                try insert.execute(arguments: [
                    a.code, a.text, a.province, a.city, a.district, a.town, a.village, a.road, a.number, a.building,
                    a.unit, a.room, a.districtCode, a.townCode, a.lat, a.lng, a.microGridCode, a.kind.rawValue,
                    a.doorKey, StandardAddressKeys.textDigest(a.text),
                ])
            }
        }
    }

    public func standardAddress(code: String) async throws -> StandardAddress? {
        try await reads.read { db in
            try Row.fetchOne(
                db, sql: "SELECT \(Self.standardAddressColumns) FROM standard_addresses WHERE code = ?", arguments: [code]
            ).map(Self.standardAddress)
        }
    }

    public func standardAddressCandidates(_ probes: [StandardAddressProbe], limit: Int) async throws -> [StandardAddress] {
        guard !probes.isEmpty, limit > 0 else { return [] }
        return try await reads.read { db in
            var seen: Set<String> = []
            var found: [StandardAddress] = []
            for probe in probes {
                let rows: [Row]
                switch probe {
                case .textDigest(let digest):
                    rows = try Row.fetchAll(
                        db.cachedStatement(
                            sql: "SELECT \(Self.standardAddressColumns) FROM standard_addresses WHERE text_digest = ? LIMIT ?"),
                        arguments: [digest, limit])
                case .door(let key, let building, let unit, let room):
                    // Only the given fields narrow the probe; each shape is its own cached statement,
                    // and every one is a range of the (door_key, building, unit, room) index.
                    var sql = "SELECT \(Self.standardAddressColumns) FROM standard_addresses WHERE door_key = ?"
                    var arguments: StatementArguments = [key]
                    for (column, value) in [("building", building), ("unit", unit), ("room", room)] {
                        if let value {
                            sql += " AND \(column) = ?"
                            arguments += [value]
                        }
                    }
                    sql += " ORDER BY door_key, building, unit, room LIMIT ?"
                    arguments += [limit]
                    rows = try Row.fetchAll(db.cachedStatement(sql: sql), arguments: arguments)
                }
                for row in rows {
                    let address = try Self.standardAddress(row)
                    if seen.insert(address.code).inserted { found.append(address) }
                }
            }
            return found
        }
    }

    public func standardAddressCount() async throws -> Int {
        try await reads.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM standard_addresses") ?? 0 }
    }

    /// Decodes a row of ``standardAddressColumns`` by position (matching reads dozens per query).
    static func standardAddress(_ row: Row) throws -> StandardAddress {
        guard let kind = StandardAddressKind(rawValue: row[17]) else {
            throw DatabaseError(message: "standard address \(row[0] as String? ?? "?") has an unknown kind")
        }
        return StandardAddress(
            code: row[0], province: row[2], city: row[3], district: row[4], town: row[5], village: row[6], road: row[7],
            number: row[8], building: row[9], unit: row[10], room: row[11], districtCode: row[12], townCode: row[13],
            lat: row[14], lng: row[15], microGridCode: row[16], kind: kind, text: row[1])
    }
}
