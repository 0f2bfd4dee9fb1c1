import Foundation
import WangchaoCore

/// The process's ``LoginThrottle`` behind a lock, shared by the API and the sign-in form.
///
/// Kept in memory: a restart forgets recent failures, which costs an attacker a restart of
/// someone else's server. With several server processes each counts its own, so the effective
/// limit is multiplied by their number; acceptable at the scale of one district.
public final class LoginAttempts: @unchecked Sendable {
    private let lock = NSLock()
    private var throttle: LoginThrottle

    public init(perAccount: LoginThrottle.Limit, perAddress: LoginThrottle.Limit) {
        throttle = LoginThrottle(perAccount: perAccount, perAddress: perAddress)
    }

    public func retryAfter(account: String, address: String, at now: Date) -> Int? {
        lock.withLock { throttle.retryAfter(account: account, address: address, at: now) }
    }

    public func recordFailure(account: String, address: String, at now: Date) {
        lock.withLock { throttle.recordFailure(account: account, address: address, at: now) }
    }

    public func recordSuccess(account: String) {
        lock.withLock { throttle.recordSuccess(account: account) }
    }
}
