import Foundation
import GRDB
import WangchaoCore

extension SQLiteStore {
    public func saveRegistryRecords(_ records: RegistryRecords, report: ImportReport?) async throws -> RegistrySaveOutcome {
        try await write { db in
            let bulk = records.count >= 1_000
            let cacheSize = bulk ? try Int.fetchOne(db, sql: "PRAGMA cache_size") : nil
            if bulk { try db.execute(sql: "PRAGMA cache_size = -\(Self.bulkCacheKilobytes)") }
            defer { if let cacheSize { try? db.execute(sql: "PRAGMA cache_size = \(cacheSize)") } }
            var inserted = 0
            var linked = 0
            let person = try db.cachedStatement(
                sql: """
                    INSERT OR IGNORE INTO people (id, name, id_number, phone, address_code, address_text, relation,
                        registered_on, department, source_table, source_row) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
            for p in records.people {
                try person.execute(arguments: [
                    p.id, p.name, p.idNumber, p.phone, p.addressCode, p.addressText, p.relation?.rawValue, p.registeredOn,
                    p.lineage.department, p.lineage.table, p.lineage.row,
                ])
                inserted += db.changesCount
                linked += (p.addressCode != nil ? db.changesCount : 0)
            }
            let enterprise = try db.cachedStatement(
                sql: """
                    INSERT OR IGNORE INTO enterprises (id, name, credit_code, legal_representative, phone, industry,
                        address_code, address_text, established_on, department, source_table, source_row)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
            for e in records.enterprises {
                try enterprise.execute(arguments: [
                    e.id, e.name, e.creditCode, e.legalRepresentative, e.phone, e.industry, e.addressCode, e.addressText,
                    e.establishedOn, e.lineage.department, e.lineage.table, e.lineage.row,
                ])
                inserted += db.changesCount
                linked += (e.addressCode != nil ? db.changesCount : 0)
            }
            let facility = try db.cachedStatement(
                sql: """
                    INSERT OR IGNORE INTO facilities (id, name, kind, source_code, address_code, address_text,
                        department, source_table, source_row) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
            for f in records.facilities {
                try facility.execute(arguments: [
                    f.id, f.name, f.kind, f.sourceCode, f.addressCode, f.addressText, f.lineage.department, f.lineage.table,
                    f.lineage.row,
                ])
                inserted += db.changesCount
                linked += (f.addressCode != nil ? db.changesCount : 0)
            }
            var stored = report
            if var r = report {
                r.imported = inserted
                r.linked = linked
                r.duplicatesStored = records.count - inserted
                try db.execute(
                    sql: "INSERT INTO import_reports (id, department, source_table, created_at, body) VALUES (?, ?, ?, ?, ?)",
                    arguments: [r.id, r.department, r.table, r.importedAt.storedMillis, try StoredJSON.encode(r)])
                stored = r
            }
            return RegistrySaveOutcome(inserted: inserted, duplicates: records.count - inserted, report: stored)
        }
    }

    public func person(id: String) async throws -> Person? {
        try await reads.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM people WHERE id = ?", arguments: [id]).map(Self.person(from:))
        }
    }

    public func enterprise(id: String) async throws -> Enterprise? {
        try await reads.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM enterprises WHERE id = ?", arguments: [id]).map(Self.enterprise(from:))
        }
    }

    public func registry(atAddress code: String, limit: Int) async throws -> RegistryAtAddress {
        try await reads.read { db in
            let limit = max(0, limit)
            return RegistryAtAddress(
                people: try Row.fetchAll(
                    db, sql: "SELECT * FROM people WHERE address_code = ? ORDER BY id LIMIT ?", arguments: [code, limit]
                ).map(Self.person(from:)),
                enterprises: try Row.fetchAll(
                    db, sql: "SELECT * FROM enterprises WHERE address_code = ? ORDER BY id LIMIT ?", arguments: [code, limit]
                ).map(Self.enterprise(from:)),
                facilities: try Row.fetchAll(
                    db, sql: "SELECT * FROM facilities WHERE address_code = ? ORDER BY id LIMIT ?", arguments: [code, limit]
                ).map(Self.facility(from:)))
        }
    }

    public func importReports(limit: Int) async throws -> [ImportReport] {
        try await reads.read { db in
            try String.fetchAll(db, sql: "SELECT body FROM import_reports ORDER BY seq DESC LIMIT ?", arguments: [max(0, limit)])
                .map { try StoredJSON.decode(ImportReport.self, from: $0) }
        }
    }

    public func casesNear(addressCode code: String, lat: Double, lng: Double, radiusMetres: Double, limit: Int) async throws
        -> [Case]
    {
        let box = GreatCircle.boundingBox(lat: lat, lng: lng, metres: radiusMetres)
        let found = try await reads.read { db in
            // Both halves are index ranges (the standard-code expression index, the point index).
            try String.fetchAll(
                db,
                sql: """
                    SELECT body FROM cases WHERE json_extract(body, '$.addressCheck.standardCode') = ?
                    UNION
                    SELECT body FROM cases WHERE lat BETWEEN ? AND ? AND lng BETWEEN ? AND ?
                    """, arguments: [code, box.minLat, box.maxLat, box.minLng, box.maxLng]
            ).map { try StoredJSON.decodeCase($0) }
        }
        return found.filter { c in
            c.addressCheck?.standardCode == code
                || GreatCircle.distance(lat1: lat, lng1: lng, lat2: c.location.lat, lng2: c.location.lng) <= radiusMetres
        }
        .sorted { ($0.createdAt, $0.id) > ($1.createdAt, $1.id) }
        .prefix(max(0, limit)).map { $0 }
    }

    static func lineage(from row: Row) -> Lineage {
        Lineage(department: row["department"], table: row["source_table"], row: row["source_row"])
    }

    static func person(from row: Row) -> Person {
        Person(
            id: row["id"], name: row["name"], idNumber: row["id_number"], phone: row["phone"], addressCode: row["address_code"],
            addressText: row["address_text"], relation: (row["relation"] as String?).flatMap(DwellingRelation.init(rawValue:)),
            registeredOn: row["registered_on"], lineage: lineage(from: row))
    }

    static func enterprise(from row: Row) -> Enterprise {
        Enterprise(
            id: row["id"], name: row["name"], creditCode: row["credit_code"], legalRepresentative: row["legal_representative"],
            phone: row["phone"], industry: row["industry"], addressCode: row["address_code"], addressText: row["address_text"],
            establishedOn: row["established_on"], lineage: lineage(from: row))
    }

    static func facility(from row: Row) -> Facility {
        Facility(
            id: row["id"], name: row["name"], kind: row["kind"], sourceCode: row["source_code"],
            addressCode: row["address_code"], addressText: row["address_text"], lineage: lineage(from: row))
    }
}
