import ArgumentParser
import Foundation
import WangchaoCore
import WangchaoStore

/// `--database PATH`, shared by every command that touches the store.
struct StoreOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The SQLite database file (created if missing).",
            discussion: "Defaults to $WANGCHAO_DATABASE, else ./wangchao.sqlite.", valueName: "path"))
    var database: String?

    /// The path to use: the option, the environment, or the default.
    var path: String {
        database ?? ProcessInfo.processInfo.environment["WANGCHAO_DATABASE"] ?? "./wangchao.sqlite"
    }

    /// Opens the store.
    func openStore(configuration: SQLiteStore.Configuration = .init()) throws -> SQLiteStore {
        try SQLiteStore(path: path, configuration: configuration)
    }
}
