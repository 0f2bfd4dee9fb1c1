import Foundation
import GRDB
import WangchaoCore

extension SQLiteStore {
    /// The attachment files of this store: `attachments/` next to the database file.
    public var attachmentFiles: AttachmentFiles { AttachmentFiles(databasePath: path) }

    public func saveAttachment(_ attachment: Attachment) async throws {
        try await write { db in
            try db.execute(
                sql: """
                    INSERT INTO attachments (id, sha256, content_type, size, uploaded_by, created_at)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    attachment.id, attachment.sha256, attachment.contentType.rawValue, attachment.size,
                    attachment.uploadedBy, attachment.createdAt.storedMillis,
                ])
        }
    }

    public func attachment(id: String) async throws -> Attachment? {
        try await reads.read { db in try Self.fetchAttachment(db, id: id) }
    }

    public func visibleAttachment(id: String, to viewer: Viewer) async throws -> Attachment? {
        try await reads.read { db in
            guard let attachment = try Self.fetchAttachment(db, id: id),
                Access.canSee(attachment, viewer: viewer, referencingCases: try Self.casesReferencing(id, in: db))
            else { return nil }
            return attachment
        }
    }

    public func caseAttachmentIds(caseId: String) async throws -> [String] {
        try await reads.read { db in
            try String.fetchAll(
                db, sql: "SELECT attachment_id FROM case_attachments WHERE case_id = ? ORDER BY attachment_id",
                arguments: [caseId])
        }
    }

    // MARK: Rows

    /// Links attachments the services layer checked to a case, inside the caller's transaction.
    static func linkCheckedAttachments(_ ids: [String], to caseId: String, in db: Database) throws {
        for id in ids {
            try db.execute(
                sql: "INSERT OR IGNORE INTO case_attachments (case_id, attachment_id) VALUES (?, ?)",
                arguments: [caseId, id])
        }
    }

    static func fetchAttachment(_ db: Database, id: String) throws -> Attachment? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM attachments WHERE id = ?", arguments: [id]) else {
            return nil
        }
        guard let contentType = AttachmentContentType(rawValue: row["content_type"]) else {
            throw DatabaseError(message: "attachment \(id) has an unknown content type")
        }
        return Attachment(
            id: row["id"], sha256: row["sha256"], contentType: contentType, size: row["size"],
            uploadedBy: row["uploaded_by"], createdAt: Date(storedMillis: row["created_at"]))
    }

    /// The cases that name attachment `id`.
    static func casesReferencing(_ id: String, in db: Database) throws -> [Case] {
        try String.fetchAll(
            db,
            sql: """
                SELECT cases.body FROM case_attachments JOIN cases ON cases.id = case_attachments.case_id
                WHERE case_attachments.attachment_id = ?
                """, arguments: [id]
        ).map { try StoredJSON.decodeCase($0) }
    }
}
