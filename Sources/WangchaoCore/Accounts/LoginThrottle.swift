import Foundation

/// Counts failed sign-ins per account and per client address over a sliding window, and says
/// how long to wait once either has too many.
///
/// A pure value: the caller supplies "now" (from the injected clock) and keeps the state behind
/// a lock, so the rules are tested by moving a ``ManualClock`` rather than by sleeping. Both keys
/// are checked before the password is even hashed, so a throttled attacker costs the server
/// nothing; the per-account limit stops guessing one password, the per-address limit stops one
/// machine trying a few passwords against many accounts.
public struct LoginThrottle: Sendable {
    /// At most `failures` failed attempts within `window` seconds.
    public struct Limit: Sendable, Equatable {
        public var failures: Int
        public var window: TimeInterval

        public init(failures: Int, window: TimeInterval) {
            self.failures = failures
            self.window = window
        }
    }

    public let perAccount: Limit
    public let perAddress: Limit
    /// Failure instants per key, oldest first, none older than the key's window.
    private var failures: [String: [Date]] = [:]
    private var recordsSincePrune = 0

    /// 5 failures per account and 20 per address within 15 minutes, by default.
    public init(
        perAccount: Limit = Limit(failures: 5, window: 15 * 60), perAddress: Limit = Limit(failures: 20, window: 15 * 60)
    ) {
        self.perAccount = perAccount
        self.perAddress = perAddress
    }

    /// Seconds until `account` from `address` may try again, or `nil` when it may try now.
    public func retryAfter(account: String, address: String, at now: Date) -> Int? {
        let waits = [
            wait(Self.accountKey(account), perAccount, now), wait(Self.addressKey(address), perAddress, now),
        ].compactMap { $0 }
        return waits.max()
    }

    /// Counts a failed attempt against both the account and the address.
    public mutating func recordFailure(account: String, address: String, at now: Date) {
        append(Self.accountKey(account), perAccount, now)
        append(Self.addressKey(address), perAddress, now)
        recordsSincePrune += 1
        if recordsSincePrune >= 1024 { prune(at: now) }
    }

    /// A successful sign-in clears the account's failures. The address keeps its count, so one
    /// valid account cannot be used to reset the counter while guessing others from the same place.
    public mutating func recordSuccess(account: String) {
        failures[Self.accountKey(account)] = nil
    }

    /// Drops keys whose failures have all left their window; keeps memory bounded by the recent rate.
    public mutating func prune(at now: Date) {
        recordsSincePrune = 0
        failures = failures.filter { key, times in
            let window = key.hasPrefix("account:") ? perAccount.window : perAddress.window
            return times.last.map { now.timeIntervalSince($0) < window } ?? false
        }
    }

    /// How many keys are tracked; for tests of pruning.
    public var trackedKeys: Int { failures.count }

    private func wait(_ key: String, _ limit: Limit, _ now: Date) -> Int? {
        let recent = (failures[key] ?? []).filter { now.timeIntervalSince($0) < limit.window }
        guard recent.count >= limit.failures else { return nil }
        // Allowed again once enough of the oldest failures have left the window.
        let freeAt = recent[recent.count - limit.failures] + limit.window
        return max(1, Int(freeAt.timeIntervalSince(now).rounded(.up)))
    }

    private mutating func append(_ key: String, _ limit: Limit, _ now: Date) {
        var times = (failures[key] ?? []).filter { now.timeIntervalSince($0) < limit.window }
        times.append(now)
        // Only the newest `failures` instants decide the wait; older ones need not be kept.
        failures[key] = Array(times.suffix(limit.failures))
    }

    /// Usernames are compared case-insensitively here so `Admin` and `admin` share one budget.
    private static func accountKey(_ account: String) -> String { "account:" + account.lowercased() }
    private static func addressKey(_ address: String) -> String { "address:" + address }
}
