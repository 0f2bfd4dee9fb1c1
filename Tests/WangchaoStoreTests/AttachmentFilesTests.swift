import Foundation
import Testing
import WangchaoCore
import WangchaoTesting

@testable import WangchaoStore

@Suite("attachment files on disk")
struct AttachmentFilesTests {
    @Test("files live next to the database under attachments/<2 hex>/<sha256>, with the bytes given")
    func layout() async throws {
        let directory = try TemporaryDirectory()
        let files = AttachmentFiles(databasePath: directory.file("wangchao.sqlite"))
        #expect(files.root == directory.file("attachments"))
        let bytes = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3])
        let sha256 = try await files.store(bytes)
        #expect(sha256 == AttachmentFiles.sha256(of: bytes))
        #expect(WangchaoCore.Attachment.isSHA256(sha256))
        #expect(files.path(sha256: sha256) == directory.file("attachments/\(sha256.prefix(2))/\(sha256)"))
        #expect(try files.read(sha256: sha256) == bytes)
        #expect(try files.read(sha256: String(repeating: "0", count: 64)) == nil)
        #expect(AttachmentFiles(databasePath: "wangchao.sqlite").root == "./attachments")
    }

    @Test("the same bytes stored concurrently end as one complete file and no temporary ones")
    func concurrentSameBytes() async throws {
        let directory = try TemporaryDirectory()
        let files = AttachmentFiles(root: directory.file("attachments"))
        let bytes = Data([0xFF, 0xD8, 0xFF] + (0..<100_000).map { UInt8(truncatingIfNeeded: $0) })
        let digests = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<8 { group.addTask { try await files.store(bytes) } }
            return try await group.reduce(into: Set<String>()) { $0.insert($1) }
        }
        #expect(digests.count == 1)
        let sha256 = try #require(digests.first)
        let everything = try FileManager.default.subpathsOfDirectory(atPath: files.root).sorted()
        #expect(everything == [String(sha256.prefix(2)), "\(sha256.prefix(2))/\(sha256)"])
        #expect(try files.read(sha256: sha256) == bytes)
    }

    @Test("digests are checked before they become paths")
    func digestShape() {
        #expect(WangchaoCore.Attachment.isSHA256(String(repeating: "ab", count: 32)))
        #expect(!WangchaoCore.Attachment.isSHA256(String(repeating: "AB", count: 32)))
        #expect(!WangchaoCore.Attachment.isSHA256("../../etc/passwd"))
        #expect(!WangchaoCore.Attachment.isSHA256(String(repeating: "a", count: 63)))
    }
}
