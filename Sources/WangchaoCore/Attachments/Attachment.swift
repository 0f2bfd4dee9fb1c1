import Foundation

/// One uploaded file (a before/after photo, a signed form) as the store records it; the bytes
/// live apart, once per content, named by ``sha256``.
///
/// Two uploads of the same bytes are two attachments (each with its own uploader, who may see
/// it) that share one file.
public struct Attachment: Sendable, Equatable, Codable, Identifiable {
    /// The largest file accepted: 10 MiB, enough for a phone photo or a scanned page.
    public static let maxSize = 10 * 1024 * 1024

    /// Stable identifier (a UUID) that cases and transitions reference.
    public var id: String
    /// Lower-case hex SHA-256 of the bytes: the file's name and the response's ETag.
    public var sha256: String
    /// Sniffed from the bytes at upload.
    public var contentType: AttachmentContentType
    /// In bytes.
    public var size: Int
    /// The uploading username.
    public var uploadedBy: String
    public var createdAt: Date

    public init(
        id: String, sha256: String, contentType: AttachmentContentType, size: Int, uploadedBy: String, createdAt: Date
    ) {
        self.id = id
        self.sha256 = sha256
        self.contentType = contentType
        self.size = size
        self.uploadedBy = uploadedBy
        self.createdAt = createdAt
    }

    /// Everyone who works in the loop may upload evidence; observers never write.
    public static let allowedRoles: Set<Role> = Set(Role.allCases).subtracting([.observer])

    /// Checks that every id a case or transition names is an attachment the actor may see;
    /// the error names the first one that is not, by its index.
    public static func checkReferences(_ ids: [String], visible: (String) -> Bool) throws(DomainError) {
        for (index, id) in ids.enumerated() where !visible(id) {
            throw .invalid(field: "attachments[\(index)]", "附件 \(id) 不存在，请先上传")
        }
    }

    /// Whether `text` is a SHA-256 as stored: 64 lower-case hex digits. Checked before a digest
    /// becomes part of a file path.
    public static func isSHA256(_ text: String) -> Bool {
        text.utf8.count == 64 && text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }
}
