import Foundation
import Logging
import Metrics
import ServiceLifecycle
import WangchaoCore
import WangchaoServices
import WangchaoStore

/// Fires due SLA timers every `interval`, as a service beside the HTTP server: ``TimerService``
/// and the store make each firing exactly-once, so a crash or restart at any moment loses or repeats nothing, and
/// several schedulers over one database would only share the work.
public struct TimerScheduler: Service {
    let timers: TimerService
    let clock: any WangchaoClock
    let interval: Duration
    let batchSize: Int
    let logger: Logger

    public init(timers: TimerService, clock: any WangchaoClock, interval: Duration = .seconds(1), batchSize: Int = 1000, logger: Logger) {
        self.timers = timers
        self.clock = clock
        self.interval = interval
        self.batchSize = batchSize
        self.logger = logger
    }

    public func run() async throws {
        logger.info("SLA timer scheduler started", metadata: ["interval": "\(interval)"])
        try? await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                await tick()
                try await Task.sleep(for: interval)
            }
        }
        logger.info("SLA timer scheduler stopped")
    }

    /// Fires everything due now, in batches; a failure is logged and retried at the next tick.
    /// - Returns: the timers fired.
    @discardableResult
    public func tick() async -> [SLATimer] {
        var all: [SLATimer] = []
        do {
            while !Task.isCancelled {
                let now = clock.now()
                // Each firing's write is audited like a request's, by `system`, naming the case.
                let audit = AuditContext(actor: Lifecycle.systemActor, action: "SLA timers", at: now)
                let fired = try await AuditContext.$current.withValue(audit) {
                    try await timers.fireDue(at: now, limit: batchSize)
                }
                for timer in fired {
                    Counter(label: "wangchao_timers_fired_total", dimensions: [("step", timer.step.rawValue)]).increment()
                    logger.debug(
                        "SLA timer fired",
                        metadata: [
                            "case": "\(timer.caseId)", "deadline": "\(timer.kind.rawValue)", "step": "\(timer.step.rawValue)",
                            "fireAt": "\(timer.fireAt.timeIntervalSince1970)",
                        ])
                }
                all += fired
                if fired.count < batchSize { break }
            }
            if !all.isEmpty {
                let steps = Dictionary(grouping: all, by: \.step.rawValue).mapValues(\.count)
                logger.info(
                    "SLA timers fired",
                    metadata: ["count": "\(all.count)", "steps": "\(steps.sorted { $0.key < $1.key })"])
            }
        } catch {
            logger.error("SLA timers failed; retrying at the next tick", metadata: ["error": "\(error)"])
        }
        return all
    }
}
