import Foundation
import Testing
import WangchaoCore
import WangchaoTesting

@Suite struct WebhookEventTests {
    func row(_ version: Int, _ action: String, payload: CaseCommand?, actor: String = "system") -> Transition {
        Transition(
            caseId: "c1", version: version, fromState: version == 1 ? nil : .dispatched, toState: .dispatched,
            action: action, actor: actor, actorRole: nil, at: Fixtures.now, note: "市民甲 13800000000 说", attachments: [],
            payload: payload)
    }

    @Test("intake is case.created; a step is case.transition; a yellow or red light or a notify is also case.alert")
    func eventsOfARow() throws {
        let subject = LifecycleFixture.caseIn(.dispatched)
        func types(_ t: Transition) -> [WebhookEventType] { WebhookEvent.events(for: t, producing: subject).map(\.type) }
        #expect(types(row(1, Transition.intakeAction, payload: nil, actor: "gw")) == [.caseCreated])
        #expect(types(row(6, "sign", payload: .sign, actor: "gw")) == [.caseTransition])
        #expect(types(row(6, "markLight", payload: .markLight(kind: .sign, light: .yellow))) == [.caseTransition, .caseAlert])
        #expect(types(row(6, "notify", payload: .notify(kind: .handle, light: .red))) == [.caseTransition, .caseAlert])
        #expect(types(row(6, "markLight", payload: .markLight(kind: .sign, light: .green))) == [.caseTransition])

        let alert = try #require(WebhookEvent.events(for: row(7, "markLight", payload: .markLight(kind: .sign, light: .red)), producing: subject).last)
        #expect(alert.id == "c1:7:case.alert")
        #expect(alert.deadline == .sign && alert.light == .red)
        #expect(alert.caseNumber == subject.number)
        let body = try alert.body()
        #expect(body.contains(#""light":"red""#) && body.contains(#""caseNumber":"XS-20261124-000001""#))
        #expect(!body.contains("市民甲") && !body.contains("13800000000"), "no reporter, no notes: \(body)")
    }
}
