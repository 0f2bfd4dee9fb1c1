import ArgumentParser

struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench", abstract: "Measure Wangchao on this machine.",
        subcommands: [
            IntakeBench.self, DispatchBench.self, AddressBench.self, AddressMatchBench.self, TimerBench.self, PagesBench.self,
        ])
}
