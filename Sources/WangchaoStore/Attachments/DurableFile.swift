import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The POSIX steps that make a file survive a power cut once a call returns: write a temporary
/// file in the destination folder, `fsync` it, `rename` it into place, `fsync` the folder.
///
/// Foundation's `Data.write(to:options: .atomic)` renames but never calls `fsync`, so after a
/// crash the new name may point at an empty file; hence these few system calls.
enum DurableFile {
    /// Writes `bytes` to `path` atomically and durably, creating missing folders (durably too).
    /// An existing file at `path` is replaced.
    static func writeAtomically(_ bytes: some ContiguousBytes, to path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        try createFolder(folder)
        let temporary = folder + "/." + (path as NSString).lastPathComponent + "." + UUID().uuidString + ".tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw FileError(operation: "open", path: temporary) }
        do {
            try bytes.withUnsafeBytes { buffer in
                guard let base = buffer.baseAddress else { return }  // nothing to write
                var offset = 0
                while offset < buffer.count {
                    let written = write(fd, base + offset, buffer.count - offset)
                    if written < 0, errno == EINTR { continue }
                    guard written > 0 else { throw FileError(operation: "write", path: temporary) }
                    offset += written
                }
            }
            guard fsync(fd) == 0 else { throw FileError(operation: "fsync", path: temporary) }
            close(fd)
        } catch {
            close(fd)
            unlink(temporary)
            throw error
        }
        guard rename(temporary, path) == 0 else {
            let failure = FileError(operation: "rename", path: path)
            unlink(temporary)
            throw failure
        }
        try syncFolder(folder)
    }

    /// Creates `folder` and any missing parents, syncing each parent so the new entries persist.
    static func createFolder(_ folder: String) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue { return }
        let parent = (folder as NSString).deletingLastPathComponent
        if !parent.isEmpty, parent != folder { try createFolder(parent) }
        if mkdir(folder, 0o755) != 0, errno != EEXIST { throw FileError(operation: "mkdir", path: folder) }
        try syncFolder(parent.isEmpty ? "." : parent)
    }

    /// `fsync` on a file or folder: for a folder, makes its entries (a rename, a new file) durable.
    static func sync(_ path: String) throws {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw FileError(operation: "open", path: path) }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw FileError(operation: "fsync", path: path) }
    }

    static func syncFolder(_ folder: String) throws { try sync(folder.isEmpty ? "." : folder) }
}

/// A failed system call on a file, with `errno`'s explanation.
public struct FileError: Error, CustomStringConvertible {
    public let operation: String
    public let path: String
    public let code: Int32

    init(operation: String, path: String, code: Int32 = errno) {
        self.operation = operation
        self.path = path
        self.code = code
    }

    public var description: String { "\(operation) \(path): \(String(cString: strerror(code)))" }
}
