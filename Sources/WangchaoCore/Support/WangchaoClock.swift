import Foundation

/// The source of "now". Injected everywhere time matters, so SLA logic is tested with a clock
/// the test moves, never by sleeping.
public protocol WangchaoClock: Sendable {
    func now() -> Date
}

/// The wall clock.
public struct SystemClock: WangchaoClock {
    public init() {}
    public func now() -> Date { Date() }
}

/// A clock that only moves when told to; for tests and deterministic demo generation.
public final class ManualClock: WangchaoClock, @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date

    public init(_ start: Date) { current = start }

    public func now() -> Date { lock.withLock { current } }

    /// Moves the clock forward by `seconds`.
    public func advance(by seconds: TimeInterval) { lock.withLock { current += seconds } }

    public func set(_ date: Date) { lock.withLock { current = date } }
}
