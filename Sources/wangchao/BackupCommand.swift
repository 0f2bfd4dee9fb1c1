import ArgumentParser
import Foundation
import WangchaoStore

struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Write the database and its attachment files to one backup file.",
        discussion: """
            Safe while `wangchao serve` runs: the copy is one consistent snapshot. The backup is a \
            SQLite file; `wangchao restore` checks and unpacks it.
            """)

    @OptionGroup var store: StoreOptions
    @Option(help: ArgumentHelp("The backup file to create; an existing file is never overwritten.", valueName: "file"))
    var to: String

    func run() async throws {
        let manifest = try SQLiteBackup.backup(database: store.path, to: to) { Console.line("[backup] " + $0) }
        Console.line("""
            已备份到 \(to)：
              案件 \(manifest.cases) 件，附件 \(manifest.attachments) 个（文件 \(manifest.attachmentFiles) 个，\(ByteCount(manifest.attachmentBytes))）
              数据库迁移：\(manifest.migrations.joined(separator: ", "))
            """)
    }
}

/// A size for people: bytes, KB, MB or GB with one decimal.
struct ByteCount: CustomStringConvertible {
    let bytes: Int64
    init(_ bytes: Int64) { self.bytes = bytes }

    var description: String {
        let units = ["B", "KB", "MB", "GB"]
        var value = Double(bytes)
        var unit = 0
        while value >= 1024, unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        return unit == 0 ? "\(bytes) B" : String(format: "%.1f %@", value, units[unit])
    }
}
