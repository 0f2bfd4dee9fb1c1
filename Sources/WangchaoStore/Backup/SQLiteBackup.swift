import Foundation
import GRDB
import WangchaoCore

/// `wangchao backup` and `wangchao restore`: one self-contained SQLite file holding a
/// consistent snapshot of the database, the attachment files that snapshot references
/// (`backup_attachments`), and a manifest (`backup_manifest`).
///
/// The backup reads through its own connection, so it runs while the server writes in
/// another process: WAL lets one read transaction see a fixed snapshot while commits go on.
/// Attachment files are written (durably) before the metadata that names them commits and are
/// never changed or removed, so every digest the snapshot names has its file.
///
/// These calls block the calling thread on disk I/O: call them from a command, or from a
/// dispatch queue, not from a cooperative task.
public enum SQLiteBackup {
    /// Attachment files copied per transaction into the backup: bounded memory, few commits.
    static let filesPerCommit = 64

    /// Writes a backup of the database at `database` (and its `attachments/` folder) to `file`.
    ///
    /// - Parameter progress: called with a line for a person at each step.
    /// - Throws: ``BackupError`` when `file` exists (it is never overwritten) or an attachment
    ///   file is missing or damaged; a partial backup file is removed.
    @discardableResult
    public static func backup(
        database: String, to file: String, at now: Date = Date(), progress: (String) -> Void = { _ in }
    ) throws -> BackupManifest {
        guard FileManager.default.fileExists(atPath: database) else { throw BackupError.missingDatabase(database) }
        guard !FileManager.default.fileExists(atPath: file) else { throw BackupError.destinationExists(file) }
        var readOnly = Configuration()
        readOnly.readonly = true
        readOnly.busyMode = .timeout(10)
        // VACUUM INTO copies what one read transaction sees: a consistent snapshot, whatever
        // commits meanwhile. It refuses to write over a non-empty file.
        progress("快照数据库 \(database)")
        try DatabaseQueue(path: database, configuration: readOnly).inDatabase { db in
            try db.execute(sql: "VACUUM INTO ?", arguments: [file])
        }
        do {
            let manifest = try addAttachments(to: file, from: AttachmentFiles(databasePath: database), at: now, progress)
            try DurableFile.sync(file)
            try DurableFile.syncFolder((file as NSString).deletingLastPathComponent)
            return manifest
        } catch {
            try? FileManager.default.removeItem(atPath: file)
            try? FileManager.default.removeItem(atPath: file + "-journal")
            throw error
        }
    }

    /// Copies into the snapshot at `file` every attachment file it references, checked against
    /// its digest, then records the manifest.
    private static func addAttachments(
        to file: String, from files: AttachmentFiles, at now: Date, _ progress: (String) -> Void
    ) throws -> BackupManifest {
        let snapshot = try DatabaseQueue(path: file)
        try snapshot.writeWithoutTransaction { db in
            // One self-contained file: no -wal beside it.
            try db.execute(sql: "PRAGMA journal_mode = DELETE")
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        let (digests, attachments, cases, migrations) = try snapshot.read { db in
            let hasAttachments = try db.tableExists("attachments")
            return (
                hasAttachments
                    ? try String.fetchAll(db, sql: "SELECT DISTINCT sha256 FROM attachments ORDER BY sha256") : [],
                hasAttachments ? try Int.fetchOne(db, sql: "SELECT count(*) FROM attachments") ?? 0 : 0,
                try Int.fetchOne(db, sql: "SELECT count(*) FROM cases") ?? 0,
                try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid")
            )
        }
        try snapshot.write { db in
            try db.execute(sql: "CREATE TABLE backup_attachments (sha256 TEXT PRIMARY KEY, content BLOB NOT NULL) STRICT")
            try db.execute(sql: BackupManifest.createTable)
        }
        progress("快照含案件 \(cases) 件、附件 \(attachments) 个（文件 \(digests.count) 个）")
        var bytes: Int64 = 0
        var reported = 0
        for start in stride(from: 0, to: digests.count, by: filesPerCommit) {
            let chunk = digests[start..<min(start + filesPerCommit, digests.count)]
            try snapshot.write { db in
                for sha256 in chunk {
                    guard Attachment.isSHA256(sha256) else { throw BackupError.badDigest(sha256) }
                    guard let content = try files.read(sha256: sha256) else { throw BackupError.missingFile(sha256) }
                    guard AttachmentFiles.sha256(of: content) == sha256 else { throw BackupError.damagedFile(sha256) }
                    try db.execute(
                        sql: "INSERT INTO backup_attachments (sha256, content) VALUES (?, ?)", arguments: [sha256, content])
                    bytes += Int64(content.count)
                }
            }
            let done = start + chunk.count
            if done * 10 / digests.count > reported || done == digests.count {
                reported = done * 10 / digests.count
                progress("附件文件 \(done)/\(digests.count)（\(done * 100 / digests.count)%）")
            }
        }
        let manifest = BackupManifest(
            format: BackupManifest.currentFormat, createdAt: now, cases: cases, attachments: attachments,
            attachmentFiles: digests.count, attachmentBytes: bytes, migrations: migrations)
        try snapshot.write { db in try manifest.insert(in: db) }
        try snapshot.close()
        return manifest
    }
}
