import ArgumentParser
import Foundation
import WangchaoStore

/// `wangchao audit verify`: checks the audit trail's hash chain end to end.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "Inspect the audit trail.", subcommands: [Verify.self])

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check that no audit row was changed, deleted or inserted; exit status 1 names the first bad row.")

        @OptionGroup var store: StoreOptions

        func run() async throws {
            let verification = try await store.openStore().verifyAudit()
            if let broken = verification.firstBreak {
                FileHandle.standardError.write(Data("审计链在第 \(broken.seq) 行断开：\(broken.reason)\n".utf8))
                throw ExitCode(1)
            }
            print("审计链完整：共 \(verification.rowsChecked) 行")
        }
    }
}
