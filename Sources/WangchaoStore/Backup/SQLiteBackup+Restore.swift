import Foundation
import GRDB
import WangchaoCore

extension SQLiteBackup {
    /// Restores the backup at `file` as the database at `database`, with its attachment files
    /// in `attachments/` next to it.
    ///
    /// Only into an empty data directory: the database must not exist and the attachment
    /// folder must be absent or empty; otherwise nothing is touched. Everything is checked
    /// before anything is written: the file's `PRAGMA integrity_check`, its manifest, and every
    /// attachment's bytes against their SHA-256. Then the attachment files are written, then the
    /// database (without the backup tables) is renamed into place; all of it `fsync`ed.
    ///
    /// - Throws: ``BackupError``; when writing fails half-way, what was written is removed.
    @discardableResult
    public static func restore(from file: String, database: String, progress: (String) -> Void = { _ in })
        throws -> BackupManifest
    {
        guard FileManager.default.fileExists(atPath: file) else { throw BackupError.missingBackup(file) }
        let files = AttachmentFiles(databasePath: database)
        try requireEmptyDataDirectory(database: database, files: files)
        var readOnly = Configuration()
        readOnly.readonly = true
        let backup = try DatabaseQueue(path: file, configuration: readOnly)
        let manifest = try verify(backup, file: file, progress)

        let folder = (database as NSString).deletingLastPathComponent
        let temporary = database + ".restoring-" + UUID().uuidString
        do {
            try writeFiles(from: backup, to: files, expected: manifest.attachmentFiles, progress)
            progress("写入数据库 \(database)")
            try DurableFile.createFolder(folder.isEmpty ? "." : folder)
            try backup.inDatabase { db in try db.execute(sql: "VACUUM INTO ?", arguments: [temporary]) }
            let restored = try DatabaseQueue(path: temporary)
            try restored.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA journal_mode = DELETE")
                try db.execute(sql: "DROP TABLE backup_attachments")
                try db.execute(sql: "DROP TABLE backup_manifest")
                try db.execute(sql: "VACUUM")
            }
            try restored.close()
            try DurableFile.sync(temporary)
            guard rename(temporary, database) == 0 else { throw FileError(operation: "rename", path: database) }
            try DurableFile.syncFolder(folder)
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            try? FileManager.default.removeItem(atPath: temporary + "-journal")
            try? FileManager.default.removeItem(atPath: files.root)  // it was empty before
            throw error
        }
        return manifest
    }

    /// Refuses a data directory that holds anything a restore could overwrite or mix with.
    static func requireEmptyDataDirectory(database: String, files: AttachmentFiles) throws {
        for path in [database, database + "-wal", database + "-shm", database + "-journal"]
        where FileManager.default.fileExists(atPath: path) {
            throw BackupError.notEmpty("数据库文件 \(path)")
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: files.root, isDirectory: &isDirectory) {
            guard isDirectory.boolValue, try FileManager.default.contentsOfDirectory(atPath: files.root).isEmpty else {
                throw BackupError.notEmpty("附件目录 \(files.root)")
            }
        }
    }

    /// Checks the backup before anything is written: SQLite's integrity check, the manifest and
    /// its migrations, and every attachment's bytes against its digest.
    private static func verify(_ backup: DatabaseQueue, file: String, _ progress: (String) -> Void) throws
        -> BackupManifest
    {
        progress("检查备份 \(file)")
        return try backup.read { db in
            let problems = try String.fetchAll(db, sql: "PRAGMA integrity_check")
            guard problems == ["ok"] else { throw BackupError.integrity(problems) }
            guard let manifest = try BackupManifest.fetch(db), try db.tableExists("backup_attachments") else {
                throw BackupError.notABackup(file)
            }
            guard manifest.format == BackupManifest.currentFormat else { throw BackupError.unknownFormat(manifest.format) }
            let unknown = manifest.migrations.filter { !SQLiteSchema.migrator.migrations.contains($0) }
            guard unknown.isEmpty else { throw BackupError.newerSchema(unknown) }
            if try db.tableExists("attachments"),
                let missing = try String.fetchOne(
                    db,
                    sql: "SELECT sha256 FROM attachments WHERE sha256 NOT IN (SELECT sha256 FROM backup_attachments) LIMIT 1")
            {
                throw BackupError.blobMissing(missing)
            }
            let rows = try Row.fetchCursor(db, sql: "SELECT sha256, content FROM backup_attachments")
            var checked = 0
            while let row = try rows.next() {
                let sha256: String = row["sha256"]
                let content: Data = row["content"]
                guard Attachment.isSHA256(sha256), AttachmentFiles.sha256(of: content) == sha256 else {
                    throw BackupError.blobMismatch(sha256)
                }
                checked += 1
            }
            guard checked == manifest.attachmentFiles else {
                throw BackupError.countMismatch(manifest: manifest.attachmentFiles, found: checked)
            }
            progress("备份完好：案件 \(manifest.cases) 件，附件文件 \(checked) 个均与 SHA-256 相符")
            return manifest
        }
    }

    /// Writes every attachment file of the backup, durably.
    private static func writeFiles(
        from backup: DatabaseQueue, to files: AttachmentFiles, expected: Int, _ progress: (String) -> Void
    ) throws {
        try backup.read { db in
            let rows = try Row.fetchCursor(db, sql: "SELECT sha256, content FROM backup_attachments ORDER BY sha256")
            var written = 0
            var reported = 0
            while let row = try rows.next() {
                let content: Data = row["content"]
                let sha256 = try files.storeNow(content)
                guard sha256 == row["sha256"] else { throw BackupError.blobMismatch(row["sha256"]) }
                written += 1
                if written * 10 / max(expected, 1) > reported || written == expected {
                    reported = written * 10 / max(expected, 1)
                    progress("附件文件 \(written)/\(expected)")
                }
            }
        }
    }
}
