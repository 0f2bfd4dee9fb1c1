import Foundation
import GRDB

/// What a backup file holds, as recorded in its `backup_manifest` table: when the snapshot was
/// taken, what it counts, and which schema migrations it carries.
public struct BackupManifest: Sendable, Equatable {
    /// The layout of the backup file; bumped if the backup tables ever change.
    public static let currentFormat = 1

    public var format: Int
    public var createdAt: Date
    public var cases: Int
    /// Attachment records (uploads).
    public var attachments: Int
    /// Distinct files (contents) behind them, and their total size in bytes.
    public var attachmentFiles: Int
    public var attachmentBytes: Int64
    /// Applied migrations, oldest first.
    public var migrations: [String]

    static let createTable = """
        CREATE TABLE backup_manifest (
            format INTEGER NOT NULL,
            created_at INTEGER NOT NULL,
            cases INTEGER NOT NULL,
            attachments INTEGER NOT NULL,
            attachment_files INTEGER NOT NULL,
            attachment_bytes INTEGER NOT NULL,
            migrations TEXT NOT NULL
        ) STRICT
        """

    func insert(in db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO backup_manifest (format, created_at, cases, attachments, attachment_files, attachment_bytes,
                    migrations) VALUES (?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                format, createdAt.storedMillis, cases, attachments, attachmentFiles, attachmentBytes,
                try StoredJSON.encode(migrations),
            ])
    }

    static func fetch(_ db: Database) throws -> BackupManifest? {
        guard try db.tableExists("backup_manifest"),
            let row = try Row.fetchOne(db, sql: "SELECT * FROM backup_manifest LIMIT 1")
        else { return nil }
        return BackupManifest(
            format: row["format"], createdAt: Date(storedMillis: row["created_at"]), cases: row["cases"],
            attachments: row["attachments"], attachmentFiles: row["attachment_files"],
            attachmentBytes: row["attachment_bytes"],
            migrations: try StoredJSON.decode([String].self, from: row["migrations"]))
    }
}
