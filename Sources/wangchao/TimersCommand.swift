import ArgumentParser
import Foundation
import Logging
import WangchaoCore
import WangchaoServer
import WangchaoServices
import WangchaoStore

/// `wangchao timers`: the SLA scheduler outside the server, for operations and the crash test.
struct TimersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timers", abstract: "SLA timers: fire the due ones, list what waits.",
        subcommands: [Run.self])

    struct Run: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "run",
            abstract: "Fire due SLA timers (yellow/red lights, reminders, reinforcement, escalation) as the server does.",
            discussion: """
                Each timer fires exactly once, in its own transaction, even if the process is killed at any moment. \
                With --once: one pass over everything due now, then exit; otherwise every --interval seconds until interrupted.
                """)

        @OptionGroup var store: StoreOptions
        @OptionGroup var sla: SLAOptions
        @Flag(help: "Fire what is due now and exit.") var once = false
        @Option(help: "Seconds between passes (without --once).") var interval = 1.0

        func validate() throws {
            guard interval > 0, interval <= 3600 else { throw ValidationError("--interval 须在 0 到 3600 秒之间") }
        }

        func run() async throws {
            let opened: any CaseStore = try store.openStore()
            let settings = try DomainSettings(sla: try sla.settings())
            var logger = Logger(label: "wangchao.timers")
            logger.logLevel = .warning
            let scheduler = TimerScheduler(
                timers: TimerService(store: opened, settings: settings), clock: SystemClock(),
                interval: .milliseconds(Int(interval * 1000)), logger: logger)
            if once {
                let fired = await scheduler.tick()
                print("已触发 \(fired.count) 个时限提醒，剩余 \(try await opened.pendingTimerCount()) 个等待中")
                return
            }
            try await scheduler.run()
        }
    }
}
