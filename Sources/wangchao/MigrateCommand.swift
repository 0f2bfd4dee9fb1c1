import ArgumentParser
import WangchaoStore

struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate", abstract: "Create the database or bring its schema up to date.")

    @OptionGroup var store: StoreOptions

    func run() async throws {
        let applied = try SQLiteStore.migrate(path: store.path)
        if applied.isEmpty {
            print("数据库 \(store.path) 已是最新结构。")
        } else {
            print("数据库 \(store.path) 已应用迁移：\(applied.joined(separator: ", "))")
        }
    }
}
