import Crypto
import Dispatch
import Foundation
import WangchaoCore

/// The attachment bytes on disk, stored once per content under
/// `<data dir>/attachments/<first 2 hex>/<sha256>`; the data directory is the folder holding the
/// database file, so one folder holds everything a backup must carry.
///
/// Files are immutable and content-addressed: the same bytes uploaded twice are one file, and
/// a file, once renamed into place, is never rewritten or removed.
///
/// ```swift
/// let files = AttachmentFiles(databasePath: "/var/lib/wangchao/wangchao.sqlite")
/// let sha256 = try await files.store(bytes)   // durable when it returns
/// ```
public struct AttachmentFiles: Sendable {
    /// `<data dir>/attachments`.
    public let root: String

    /// The attachment folder that belongs to the database at `databasePath`.
    public init(databasePath: String) {
        let dataDirectory = (databasePath as NSString).deletingLastPathComponent
        self.init(root: (dataDirectory.isEmpty ? "." : dataDirectory) + "/attachments")
    }

    public init(root: String) {
        self.root = root
    }

    /// Where the file with this digest lives (or would).
    /// - Precondition: `sha256` is a digest as ``Attachment/isSHA256(_:)`` accepts, so that no
    ///   caller-supplied text ever becomes a path.
    public func path(sha256: String) -> String {
        precondition(Attachment.isSHA256(sha256), "not a SHA-256: \(sha256)")
        return root + "/" + sha256.prefix(2) + "/" + sha256
    }

    /// Writes `bytes` unless a file with the same content is already there, and returns their
    /// lower-case hex SHA-256. Durable when it returns: record the metadata only afterwards, so
    /// that an acknowledged attachment always has its file.
    ///
    /// Runs the blocking writes and `fsync`s on a dispatch queue, never on a cooperative thread.
    public func store(_ bytes: Data) async throws -> String {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async {
                continuation.resume(with: Result { try storeNow(bytes) })
            }
        }
    }

    /// ``store(_:)`` on the calling thread, for commands that may block.
    public func storeNow(_ bytes: Data) throws -> String {
        let sha256 = Self.sha256(of: bytes)
        let path = path(sha256: sha256)
        if !FileManager.default.fileExists(atPath: path) {
            // Concurrent writers of the same bytes each rename a complete file into place; the
            // last rename wins and every version is identical.
            try DurableFile.writeAtomically(bytes, to: path)
        }
        return sha256
    }

    /// Whether the file with this digest is present.
    public func contains(sha256: String) -> Bool {
        FileManager.default.fileExists(atPath: path(sha256: sha256))
    }

    /// The bytes of the file with this digest, or `nil` when it is missing.
    public func read(sha256: String) throws -> Data? {
        let path = path(sha256: sha256)
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        return try Data(contentsOf: URL(fileURLWithPath: path))
    }

    /// The lower-case hex SHA-256 of `bytes`.
    public static func sha256(of bytes: some DataProtocol) -> String {
        SHA256.hex(of: bytes)
    }
}
