/// Why a backup or a restore stopped, in a sentence for the operator (Chinese, like every
/// message people read). Nothing was changed when one of these is thrown, except where the
/// message says so.
public struct BackupError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String

    private init(_ message: String) { self.message = message }

    public var description: String { message }

    static func missingDatabase(_ path: String) -> Self { .init("数据库 \(path) 不存在") }
    static func destinationExists(_ path: String) -> Self { .init("备份文件 \(path) 已存在；请换一个文件名，不会覆盖已有文件") }
    static func missingFile(_ sha256: String) -> Self {
        .init("附件文件 \(sha256) 缺失，备份未完成（数据目录已损坏，请检查 attachments 文件夹）")
    }
    static func damagedFile(_ sha256: String) -> Self { .init("附件文件 \(sha256) 的内容与其 SHA-256 不符，备份未完成") }
    static func badDigest(_ text: String) -> Self { .init("数据库中的附件摘要 \(text) 格式不正确") }
    static func missingBackup(_ path: String) -> Self { .init("备份文件 \(path) 不存在") }
    static func notABackup(_ path: String) -> Self { .init("\(path) 不是望潮备份文件（缺少 backup_manifest 表）") }
    static func unknownFormat(_ format: Int) -> Self { .init("备份格式版本 \(format) 不受支持，请用更新版本的 wangchao 恢复") }
    static func newerSchema(_ migrations: [String]) -> Self {
        .init("备份包含本版本不认识的数据库迁移（\(migrations.joined(separator: ", "))），请用更新版本的 wangchao 恢复")
    }
    static func integrity(_ problems: [String]) -> Self {
        .init("备份文件未通过完整性检查：\(problems.prefix(5).joined(separator: "；"))")
    }
    static func blobMismatch(_ sha256: String) -> Self { .init("备份中的附件 \(sha256) 内容与其 SHA-256 不符，备份已损坏") }
    static func blobMissing(_ sha256: String) -> Self { .init("备份缺少附件 \(sha256) 的内容，备份不完整") }
    static func countMismatch(manifest: Int, found: Int) -> Self {
        .init("备份清单记有附件文件 \(manifest) 个，实际只有 \(found) 个，备份不完整")
    }
    static func notEmpty(_ what: String) -> Self {
        .init("只能恢复到空的数据目录：\(what) 已存在。请换一个 --database 路径，或先移走现有数据")
    }
}
