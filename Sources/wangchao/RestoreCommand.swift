import ArgumentParser
import Foundation
import WangchaoStore

struct RestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Restore a backup into an empty data directory.",
        discussion: """
            The database file must not exist and its attachments folder must be absent or empty. \
            The backup is checked (integrity, every attachment's SHA-256) before anything is written.
            """)

    @OptionGroup var store: StoreOptions
    @Argument(help: ArgumentHelp("The backup file written by `wangchao backup`.", valueName: "file"))
    var file: String

    func run() async throws {
        let manifest = try SQLiteBackup.restore(from: file, database: store.path) { Console.line("[restore] " + $0) }
        let taken = manifest.createdAt.formatted(.iso8601)
        Console.line("""
            已从 \(file)（备份于 \(taken)）恢复到 \(store.path)：
              案件 \(manifest.cases) 件，附件 \(manifest.attachments) 个（文件 \(manifest.attachmentFiles) 个，\(ByteCount(manifest.attachmentBytes))）
            """)
    }
}
