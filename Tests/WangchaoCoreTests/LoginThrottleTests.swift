import Foundation
import Testing
import WangchaoCore
import WangchaoTesting

/// The sign-in throttle as a pure state machine, moved by a clock the test controls.
@Suite("Login throttle")
struct LoginThrottleTests {
    let start = Fixtures.now

    @Test("the sixth attempt on one account waits until the oldest failure leaves the 15-minute window")
    func perAccount() {
        var throttle = LoginThrottle()
        for minute in 0..<5 {
            #expect(throttle.retryAfter(account: "gw", address: "10.0.0.1", at: start + Double(minute) * 60) == nil)
            throttle.recordFailure(account: "gw", address: "10.0.0.1", at: start + Double(minute) * 60)
        }
        let now = start + 5 * 60
        #expect(throttle.retryAfter(account: "gw", address: "10.0.0.1", at: now) == 10 * 60)
        #expect(throttle.retryAfter(account: "GW", address: "10.0.0.9", at: now) == 10 * 60, "any case, any address")
        #expect(throttle.retryAfter(account: "cs", address: "10.0.0.1", at: now) == nil, "another account")
        #expect(throttle.retryAfter(account: "gw", address: "10.0.0.1", at: start + 15 * 60 - 1) == 1)
        #expect(throttle.retryAfter(account: "gw", address: "10.0.0.1", at: start + 15 * 60) == nil, "window passed")
    }

    @Test("twenty failures from one address over many accounts block the address, not the accounts elsewhere")
    func perAddress() {
        var throttle = LoginThrottle()
        for index in 0..<20 {
            throttle.recordFailure(account: "user\(index)", address: "10.0.0.1", at: start + Double(index))
        }
        #expect(throttle.retryAfter(account: "fresh", address: "10.0.0.1", at: start + 20) == 15 * 60 - 20)
        #expect(throttle.retryAfter(account: "fresh", address: "10.0.0.2", at: start + 20) == nil)
        #expect(throttle.retryAfter(account: "user3", address: "10.0.0.2", at: start + 20) == nil, "one failure only")
    }

    @Test("success clears the account's failures but not the address's")
    func successResetsAccount() {
        var throttle = LoginThrottle(
            perAccount: .init(failures: 2, window: 600), perAddress: .init(failures: 3, window: 600))
        throttle.recordFailure(account: "gw", address: "a", at: start)
        throttle.recordFailure(account: "gw", address: "a", at: start + 1)
        #expect(throttle.retryAfter(account: "gw", address: "b", at: start + 2) != nil)
        throttle.recordSuccess(account: "gw")
        #expect(throttle.retryAfter(account: "gw", address: "b", at: start + 2) == nil)
        throttle.recordFailure(account: "cs", address: "a", at: start + 3)
        #expect(throttle.retryAfter(account: "td", address: "a", at: start + 4) != nil, "the address still counts all three")
    }

    @Test("pruning forgets keys whose failures left the window")
    func pruning() {
        var throttle = LoginThrottle()
        throttle.recordFailure(account: "gw", address: "a", at: start)
        #expect(throttle.trackedKeys == 2)
        throttle.prune(at: start + 14 * 60)
        #expect(throttle.trackedKeys == 2)
        throttle.prune(at: start + 15 * 60)
        #expect(throttle.trackedKeys == 0)
    }
}
