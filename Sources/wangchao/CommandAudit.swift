import Foundation
import WangchaoStore

/// The operator at the console as an audit actor: writes made by `wangchao user …` and other
/// administrative commands are recorded like the server's, as `cli:<login>` from `console`.
enum CommandAudit {
    static func context(_ action: String, now: Date = Date()) -> AuditContext {
        let environment = ProcessInfo.processInfo.environment
        let login = environment["SUDO_USER"] ?? environment["USER"] ?? environment["LOGNAME"] ?? "unknown"
        return AuditContext(actor: "cli:\(login)", clientAddress: "console", action: "wangchao \(action)", at: now)
    }

    /// Runs `body` with its store writes audited as `wangchao <action>`.
    static func run<T: Sendable>(_ action: String, _ body: @Sendable () async throws -> T) async throws -> T {
        try await AuditContext.$current.withValue(context(action)) { try await body() }
    }
}
