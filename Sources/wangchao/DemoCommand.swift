import ArgumentParser
import WangchaoStore

/// Defaults shared by `wangchao demo` and `wangchao serve --demo`.
enum DemoOptionsDefaults {
    static let cases = 40_000
    static let seed: UInt64 = 20_261_124
    static let addresses = 200_000
}

struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Write the demo district (萧山区, 城厢街道 at real size, staff, a month of cases) into an empty database.")

    @OptionGroup var store: StoreOptions
    @Option(help: "How many cases to generate.") var cases = DemoOptionsDefaults.cases
    @Option(help: "How many standard addresses to generate.") var addresses = DemoOptionsDefaults.addresses
    @Option(help: "Seed: the same seed gives the same data.") var seed = DemoOptionsDefaults.seed

    func validate() throws {
        guard (0...2_000_000).contains(cases) else { throw ValidationError("--cases 须在 0 到 2000000 之间") }
        guard (0...10_000_000).contains(addresses) else { throw ValidationError("--addresses 须在 0 到 10000000 之间") }
    }

    func run() async throws {
        let sqlite = try store.openStore()
        guard try await sqlite.rootArea() == nil else {
            throw ValidationError("数据库 \(store.path) 已有区域数据；演示数据只写入空数据库（换一个 --database 路径）")
        }
        try await DemoLoader(
            store: sqlite, destination: store.path, cases: cases, seed: seed, passwordParameters: try PasswordCost.fromEnvironment(),
            addresses: addresses
        ).load()
    }
}
