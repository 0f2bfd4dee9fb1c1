import Foundation

/// When a failed delivery is tried again: `base × 2^(n-1)` after the n-th failure, capped,
/// until `maxAttempts` have failed; then the delivery is a dead letter.
public struct WebhookRetryPolicy: Sendable, Equatable {
    public var base: TimeInterval
    public var cap: TimeInterval
    public var maxAttempts: Int

    public init(base: TimeInterval = 10, cap: TimeInterval = 3600, maxAttempts: Int = 8) {
        self.base = base
        self.cap = cap
        self.maxAttempts = maxAttempts
    }

    public static let standard = WebhookRetryPolicy()

    /// The wait after the `attempts`-th failed attempt (1-based).
    public func delay(afterAttempt attempts: Int) -> TimeInterval {
        let exponent = Double(max(0, min(attempts - 1, 40)))
        return min(cap, base * pow(2, exponent))
    }

    /// When to try again after the `attempts`-th failure at `now`; `nil`: give up (dead letter).
    public func nextAttempt(afterAttempt attempts: Int, at now: Date) -> Date? {
        attempts >= maxAttempts ? nil : now + delay(afterAttempt: attempts)
    }
}
