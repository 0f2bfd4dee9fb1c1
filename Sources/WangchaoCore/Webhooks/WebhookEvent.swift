import Foundation

/// One event told to webhook subscribers: built from a history row in the transaction that
/// writes it, so the outbox holds exactly the changes that happened.
///
/// The payload names the case by id and number and says what happened and who did it; it never
/// carries the reporter's name or phone, nor free-text notes (which may quote them).
public struct WebhookEvent: Sendable, Equatable, Codable {
    /// Unique per event and stable: `<caseId>:<version>:<type>`; sent as `X-Wangchao-Delivery`
    /// so a subscriber can drop a repeat.
    public var id: String
    public var type: WebhookEventType
    public var at: Date
    public var caseId: String
    public var caseNumber: String
    public var state: CaseState
    public var fromState: CaseState?
    public var areaCode: String
    public var category: String
    /// The history row's version (1 for intake).
    public var version: Int
    /// A ``CaseAction`` raw value or `intake`.
    public var action: String
    /// A staff username, `system`, `system:<id>` or `public`: never the reporter's identity.
    public var actor: String
    /// For alerts: the deadline (`accept`, `sign`, …) and its light.
    public var deadline: DeadlineKind?
    public var light: Light?

    public init(
        type: WebhookEventType, transition t: Transition, subject: Case, deadline: DeadlineKind? = nil, light: Light? = nil
    ) {
        id = "\(t.caseId):\(t.version):\(type.rawValue)"
        self.type = type
        at = t.at
        caseId = t.caseId
        caseNumber = subject.number
        state = t.toState
        fromState = t.fromState
        areaCode = subject.areaCode
        category = subject.category
        version = t.version
        action = t.action
        actor = t.actor
        self.deadline = deadline
        self.light = light
    }

    /// The events a history row makes: `case.created` for intake; otherwise `case.transition`,
    /// and `case.alert` too when the row is a yellow or red light or a notify of the SLA clock.
    public static func events(for t: Transition, producing subject: Case) -> [WebhookEvent] {
        if t.action == Transition.intakeAction { return [WebhookEvent(type: .caseCreated, transition: t, subject: subject)] }
        var events = [WebhookEvent(type: .caseTransition, transition: t, subject: subject)]
        switch t.payload {
        case .markLight(let kind, let light) where light != .green,
            .notify(let kind, let light) where light != .green:
            events.append(WebhookEvent(type: .caseAlert, transition: t, subject: subject, deadline: kind, light: light))
        default: break
        }
        return events
    }

    /// The body sent: JSON with sorted keys and ISO 8601 times, fixed when the event is stored.
    public func body() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}
