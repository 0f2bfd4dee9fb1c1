import Dispatch
import Foundation
import GRDB
import Testing
import WangchaoCore
import WangchaoTesting

@testable import WangchaoStore

@Suite("backup and restore")
struct SQLiteBackupTests {
    @Test("a backup taken during concurrent writes restores to a consistent store that serves the same cases")
    func backupDuringConcurrentWrites() async throws {
        let fixture = try await SQLiteFixture()
        let store = fixture.store
        let log = CaseLog()
        let writer = EvidenceWriter(store: store, log: log)
        for index in 0..<5 { try await writer.closeLoopStep(worker: 9, iteration: index) }
        let seeded = try await store.caseCount()

        let backupFile = fixture.directory.file("backup.wangchao")
        let backupDone = Flag()
        let manifest = try await withThrowingTaskGroup(of: BackupManifest?.self) { group in
            for worker in 0..<4 {
                group.addTask {
                    // Keep writing until the backup has finished, then once more.
                    var iteration = 0
                    repeat {
                        try await writer.closeLoopStep(worker: worker, iteration: iteration)
                        iteration += 1
                    } while await !backupDone.isSet
                    try await writer.closeLoopStep(worker: worker, iteration: iteration)
                    return nil
                }
            }
            group.addTask {
                // Start once the writers are under way, so the snapshot falls among their commits.
                while await log.caseCount < seeded + 4 { try await Task.sleep(for: .milliseconds(2)) }
                let manifest = try await onDispatchQueue {
                    try SQLiteBackup.backup(database: store.path, to: backupFile, at: Fixtures.now)
                }
                await backupDone.set()
                return manifest
            }
            var manifest: BackupManifest?
            for try await result in group { manifest = manifest ?? result }
            return try #require(manifest)
        }
        let total = try await store.caseCount()
        #expect(manifest.cases > seeded, "the backup saw writes made while it ran")
        #expect(manifest.cases < total, "writes went on after the snapshot")
        #expect(manifest.migrations == SQLiteSchema.migrator.migrations)
        #expect(manifest.createdAt == Fixtures.now)

        let restoredDirectory = try TemporaryDirectory()
        let restoredPath = restoredDirectory.file("data/wangchao.sqlite")
        let restoredManifest = try await onDispatchQueue {
            try SQLiteBackup.restore(from: backupFile, database: restoredPath)
        }
        #expect(restoredManifest == manifest)
        let restored = try SQLiteStore(path: restoredPath)
        try await expectConsistent(restored, manifest: manifest)

        // The restored store serves every case exactly as the original stored it at that version,
        // and its history is the start of the original's.
        let cases = try await restored.allCases()
        #expect(cases.count == manifest.cases)
        for subject in cases {
            let recorded = await log.version(subject.version, of: subject.id)
            #expect(subject == recorded, "case \(subject.number) at version \(subject.version)")
            let history = try await restored.history(caseId: subject.id)
            let original = try await store.history(caseId: subject.id)
            #expect(Array(original.prefix(history.count)) == history, "history of \(subject.number)")
            for id in try await restored.caseAttachmentIds(caseId: subject.id) {
                #expect(try await restored.attachment(id: id) == (try await store.attachment(id: id)))
            }
        }
        let backupTables = try await restored.reads.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE name LIKE 'backup_%'")
        }
        #expect(backupTables.isEmpty, "the restored database carries no backup tables")
    }

    @Test("restore refuses a data directory with a database or attachment files, and changes nothing")
    func restoreRefusesNonEmptyDataDirectory() async throws {
        let fixture = try await SQLiteFixture()
        let photo = Data([0xFF, 0xD8, 0xFF, 0xE0] + Array(repeating: 7, count: 100))
        try await EvidenceWriter(store: fixture.store, log: CaseLog()).upload(photo, by: Fixtures.gridWorker)
        let backupFile = fixture.directory.file("backup.wangchao")
        try SQLiteBackup.backup(database: fixture.store.path, to: backupFile)

        // A database already there.
        let occupied = try TemporaryDirectory()
        let database = occupied.file("wangchao.sqlite")
        try Data("not yours".utf8).write(to: URL(fileURLWithPath: database))
        #expect(throws: BackupError.self) { try SQLiteBackup.restore(from: backupFile, database: database) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: database)) == Data("not yours".utf8))
        #expect(!FileManager.default.fileExists(atPath: occupied.file("attachments")))

        // Attachment files already there, without a database.
        let withFiles = try TemporaryDirectory()
        let files = AttachmentFiles(databasePath: withFiles.file("wangchao.sqlite"))
        let sha256 = try files.storeNow(Data([0x89, 0x50, 0x4E, 0x47]))
        let error = #expect(throws: BackupError.self) {
            try SQLiteBackup.restore(from: backupFile, database: withFiles.file("wangchao.sqlite"))
        }
        #expect(error?.message.contains("附件目录") == true)
        #expect(!FileManager.default.fileExists(atPath: withFiles.file("wangchao.sqlite")))
        #expect(try FileManager.default.subpathsOfDirectory(atPath: files.root).sorted() == [
            String(sha256.prefix(2)), "\(sha256.prefix(2))/\(sha256)",
        ])

        // An empty attachments folder is fine.
        let empty = try TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: empty.file("attachments"), withIntermediateDirectories: true)
        let manifest = try SQLiteBackup.restore(from: backupFile, database: empty.file("wangchao.sqlite"))
        #expect(manifest.attachmentFiles == 1)
        #expect(AttachmentFiles(databasePath: empty.file("wangchao.sqlite")).contains(sha256: AttachmentFiles.sha256(of: photo)))
    }

    @Test("backup never overwrites a file")
    func backupRefusesExistingFile() async throws {
        let fixture = try await SQLiteFixture()
        let target = fixture.directory.file("backup.wangchao")
        try Data("keep".utf8).write(to: URL(fileURLWithPath: target))
        #expect(throws: BackupError.self) { try SQLiteBackup.backup(database: fixture.store.path, to: target) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: target)) == Data("keep".utf8))
        #expect(throws: BackupError.self) {
            try SQLiteBackup.backup(database: fixture.directory.file("missing.sqlite"), to: target + "2")
        }
        #expect(!FileManager.default.fileExists(atPath: fixture.directory.file("missing.sqlite")))
    }

    @Test("a backup whose attachment bytes do not match their digest is refused before anything is written")
    func restoreRefusesDamagedBlob() async throws {
        let fixture = try await SQLiteFixture()
        let writer = EvidenceWriter(store: fixture.store, log: CaseLog())
        try await writer.closeLoopStep(worker: 0, iteration: 0)
        let backupFile = fixture.directory.file("backup.wangchao")
        try SQLiteBackup.backup(database: fixture.store.path, to: backupFile)
        let damage = try DatabaseQueue(path: backupFile)
        try await damage.write { db in
            try db.execute(sql: "UPDATE backup_attachments SET content = X'FFD8FF00' WHERE rowid = 1")
        }
        try damage.close()
        let target = try TemporaryDirectory()
        let error = #expect(throws: BackupError.self) {
            try SQLiteBackup.restore(from: backupFile, database: target.file("wangchao.sqlite"))
        }
        #expect(error?.message.contains("SHA-256") == true)
        #expect(try FileManager.default.contentsOfDirectory(atPath: target.path).isEmpty)
    }

    /// Integrity, histories that match their cases, and linked files present with their digest.
    func expectConsistent(_ store: SQLiteStore, manifest: BackupManifest) async throws {
        let integrity = try await store.reads.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
        #expect(integrity == ["ok"])
        let cases = try await store.allCases()
        #expect(cases.count == manifest.cases)
        var linked = 0
        for subject in cases {
            let history = try await store.history(caseId: subject.id)
            #expect(history.count == subject.version, "history rows of \(subject.number)")
            #expect(history.last?.toState == subject.state, "last history row of \(subject.number)")
            for id in try await store.caseAttachmentIds(caseId: subject.id) {
                let attachment = try #require(try await store.attachment(id: id))
                let bytes = try #require(try store.attachmentFiles.read(sha256: attachment.sha256), "file of \(id)")
                #expect(AttachmentFiles.sha256(of: bytes) == attachment.sha256)
                #expect(bytes.count == attachment.size)
                linked += 1
            }
        }
        #expect(linked > 0)
    }
}

/// Uploads evidence and walks cases through the first steps of the loop, as the API would,
/// recording every case version it is handed.
struct EvidenceWriter: Sendable {
    let store: SQLiteStore
    let log: CaseLog

    /// Writes the file, then the metadata, in the API's order; returns the id.
    @discardableResult
    func upload(_ bytes: Data, by user: User) async throws -> String {
        let sha256 = try await store.attachmentFiles.store(bytes)
        let id = UUID().uuidString.lowercased()
        try await store.saveAttachment(
            WangchaoCore.Attachment(
                id: id, sha256: sha256, contentType: .jpeg, size: bytes.count, uploadedBy: user.username,
                createdAt: Fixtures.now))
        return id
    }

    /// One photo at intake (every third one the same bytes), then accept, dispatch with a note's
    /// photo, and sign.
    func closeLoopStep(worker: Int, iteration: Int) async throws {
        let header: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0]
        let shared = iteration % 3 == 0
        let before = Data(header + Array((shared ? "shared" : "w\(worker)-i\(iteration)-before").utf8))
        var intake = Fixtures.intake(description: "工人 \(worker) 第 \(iteration) 件")
        intake.attachments = [try await upload(before, by: Fixtures.gridWorker)]
        var current = try await store.fileCase(intake, by: Fixtures.gridWorker)
        await log.record(current)
        current = try await store.act(.accept, on: current.id, by: Fixtures.dispatcher)
        await log.record(current)
        let note = try await upload(Data(header + Array("w\(worker)-i\(iteration)-note".utf8)), by: Fixtures.dispatcher)
        current = try await store.applyTransition(
            caseId: current.id,
            TransitionInput(
                command: .dispatch(unitId: Fixtures.gridTeam), expectedVersion: current.version, attachments: [note]),
            by: Fixtures.dispatcher, at: Fixtures.now)
        await log.record(current)
        current = try await store.act(.sign, on: current.id, by: Fixtures.gridWorker)
        await log.record(current)
    }
}

/// Every version of every case the store returned.
actor CaseLog {
    private var versions: [String: [Int: Case]] = [:]

    func record(_ subject: Case) { versions[subject.id, default: [:]][subject.version] = subject }
    var caseCount: Int { versions.count }
    func version(_ version: Int, of id: String) -> Case? { versions[id]?[version] }
}

actor Flag {
    private(set) var isSet = false
    func set() { isSet = true }
}

/// Runs blocking work on a dispatch queue, off the cooperative pool the writers use.
func onDispatchQueue<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        DispatchQueue.global().async { continuation.resume(with: Result { try work() }) }
    }
}
