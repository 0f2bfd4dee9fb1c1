import ArgumentParser

/// `wangchao`: run the server, prepare the database, make the demo district, back up and restore, measure.
@main
struct Wangchao: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wangchao",
        abstract: "望潮 Wangchao: one intake, one dispatch, a closed loop for grassroots governance.",
        subcommands: [
            ServeCommand.self, MigrateCommand.self, DemoCommand.self, UserCommand.self, SystemCommand.self, AuditCommand.self,
            BackupCommand.self, RestoreCommand.self, ImportCommand.self, ExportCommand.self, AddressCommand.self,
            RulesCommand.self, TimersCommand.self, BenchCommand.self,
        ]
    )
}
