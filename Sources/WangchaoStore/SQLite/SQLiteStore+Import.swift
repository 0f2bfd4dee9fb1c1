import GRDB
import WangchaoCore

extension SQLiteStore {
    public func importCases(_ cases: [ImportedCase]) async throws {
        try await write { db in
            for imported in cases {
                try Self.insert(imported.case, in: db)
                for transition in imported.history { try Self.append(transition, in: db) }
                try Self.linkImportedAttachments(of: imported, in: db)
                let parts = imported.case.number.split(separator: "-")
                if parts.count == 3, let sequence = Int(parts[2]) {
                    try db.execute(
                        sql: """
                            INSERT INTO case_counters (day, last) VALUES (?, ?)
                            ON CONFLICT (day) DO UPDATE SET last = max(last, excluded.last)
                            """, arguments: [String(parts[1]), sequence])
                }
            }
        }
    }

    /// Links the attachments an imported case names, which must have been saved before.
    private static func linkImportedAttachments(of imported: ImportedCase, in db: Database) throws {
        let ids = imported.case.attachments + imported.history.flatMap(\.attachments)
        var saved: Set<String> = []
        for id in Set(ids) where try fetchAttachment(db, id: id) != nil { saved.insert(id) }
        try Attachment.checkReferences(ids) { saved.contains($0) }
        try linkCheckedAttachments(ids, to: imported.case.id, in: db)
    }

    /// How many cases the store holds; for the demo command and health output.
    public func caseCount() async throws -> Int {
        try await reads.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM cases") ?? 0 }
    }
}
