import Foundation
import Testing
import WangchaoCore

@Suite struct WebhookRetryPolicyTests {
    @Test("failed deliveries wait 10 s × 2^(n-1), capped at an hour, and die after the 8th failure")
    func schedule() {
        let policy = WebhookRetryPolicy.standard
        #expect((1...8).map { policy.delay(afterAttempt: $0) } == [10, 20, 40, 80, 160, 320, 640, 1280])
        #expect(WebhookRetryPolicy(base: 10, cap: 300, maxAttempts: 20).delay(afterAttempt: 7) == 300)
        let now = Date(timeIntervalSince1970: 1_764_000_000)
        #expect(policy.nextAttempt(afterAttempt: 1, at: now) == now + 10)
        #expect(policy.nextAttempt(afterAttempt: 7, at: now) == now + 640)
        #expect(policy.nextAttempt(afterAttempt: 8, at: now) == nil)
    }

    @Test("a subscription needs an http(s) url, known events and a secret of sensible length")
    func subscriptionValidation() throws {
        let now = Date(timeIntervalSince1970: 1_764_000_000)
        func check(_ url: String, _ events: Set<WebhookEventType> = [.caseAlert], secret: String = "0123456789abcdef") -> String? {
            do {
                try WebhookSubscription(systemId: "s", url: url, events: events, secret: secret, updatedAt: now).validate()
                return nil
            } catch { return error.field }
        }
        #expect(check("https://hooks.example.org/wangchao") == nil)
        #expect(check("http://10.0.0.8:8080/in") == nil)
        #expect(check("ftp://example.org/x") == "url")
        #expect(check("/relative") == "url")
        #expect(check("https://example.org", []) == "events")
        #expect(check("https://example.org", secret: "short") == "secret")
        #expect(throws: DomainError.self) { try WebhookSubscription.eventTypes(["case.created", "case.deleted"]) }
        #expect(try WebhookSubscription.eventTypes(["case.created", "case.alert"]) == [.caseCreated, .caseAlert])
    }
}
