import ArgumentParser
import Foundation
import WangchaoCore
import WangchaoStore

/// `wangchao rules …`: the routing rules (分流规则) as a file: check one, import it as the next
/// version, show the active one.
struct RulesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules", abstract: "Check, import and show the routing rules.",
        subcommands: [Check.self, Import.self, Show.self])

    static func read(_ file: String) throws -> Data {
        do {
            return try Data(contentsOf: URL(fileURLWithPath: file))
        } catch {
            throw CommandFailure("无法读取 \(file)：\(error.localizedDescription)")
        }
    }

    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a rule file against the database's categories, areas and units; store nothing.")

        @OptionGroup var store: StoreOptions
        @Argument(help: ArgumentHelp("The rule file (JSON).", valueName: "file.json")) var file: String

        func run() async throws {
            let data = try RulesCommand.read(file)
            let sqlite = try store.openStore()
            do {
                let ruleSet = try await sqlite.checkRoutingRules(data)
                Console.line("\(file)：校验通过，\(ruleSet.rules.count) 条规则（\(ruleSet.rules.map(\.id).joined(separator: "、"))）")
            } catch let error as RoutingRuleFileError {
                throw CommandFailure("\(file) \(error.description)")
            }
        }
    }

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a rule file and store it as the next version, active at once (earlier versions are kept).")

        @OptionGroup var store: StoreOptions
        @Argument(help: ArgumentHelp("The rule file (JSON).", valueName: "file.json")) var file: String

        func run() async throws {
            let data = try RulesCommand.read(file)
            let sqlite = try store.openStore()
            let context = CommandAudit.context("rules import \(file)")
            do {
                let record = try await AuditContext.$current.withValue(context) {
                    try await sqlite.saveRoutingRules(data, by: context.actor, at: context.at)
                }
                Console.line("已导入分流规则第 \(record.version) 版（\(record.ruleSet.rules.count) 条规则），即时生效")
            } catch let error as RoutingRuleFileError {
                throw CommandFailure("\(file) \(error.description)；未导入")
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the active rule file (or --version N) and the version list.")

        @OptionGroup var store: StoreOptions
        @Option(help: "An older version to print.") var version: Int?

        func run() async throws {
            let sqlite = try store.openStore()
            let record: RoutingRuleSetRecord?
            if let version {
                record = try await sqlite.routingRules(version: version)
            } else {
                record = try await sqlite.activeRoutingRules()
            }
            guard let record else { throw CommandFailure(version.map { "没有第 \($0) 版分流规则" } ?? "尚未导入分流规则") }
            Console.line("# 第 \(record.version) 版，\(record.savedBy) 于 \(record.savedAt) 保存")
            Console.line(record.source)
            for summary in try await sqlite.routingRuleVersions() {
                Console.line("# v\(summary.version)  \(summary.ruleCount) 条  \(summary.savedBy)  \(summary.savedAt)")
            }
        }
    }
}
