import GRDB
import WangchaoCore

extension SQLiteStore {
    public func saveStandardAddresses(_ addresses: [StandardAddress]) async throws {
        try await write { db in
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
            try Row.fetchOne(db, sql: "SELECT * FROM standard_addresses WHERE code = ?", arguments: [code])
                .map(Self.standardAddress)
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
                        db.cachedStatement(sql: "SELECT * FROM standard_addresses WHERE text_digest = ? LIMIT ?"),
                        arguments: [digest, limit])
                case .door(let key, let building, let unit, let room):
                    // Only the given fields narrow the probe; each shape is its own cached statement,
                    // and every one is a range of the (door_key, building, unit, room) index.
                    var sql = "SELECT * FROM standard_addresses WHERE door_key = ?"
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

    static func standardAddress(_ row: Row) throws -> StandardAddress {
        guard let kind = StandardAddressKind(rawValue: row["kind"]) else {
            throw DatabaseError(message: "standard address \(row["code"] as String? ?? "?") has an unknown kind")
        }
        return StandardAddress(
            code: row["code"], province: row["province"], city: row["city"], district: row["district"],
            town: row["town"], village: row["village"], road: row["road"], number: row["number"],
            building: row["building"], unit: row["unit"], room: row["room"], districtCode: row["district_code"],
            townCode: row["town_code"], lat: row["lat"], lng: row["lng"], microGridCode: row["micro_grid_code"],
            kind: kind, text: row["text"])
    }
}
