import Foundation
import WangchaoCore

/// A case as the API shows it: all its fields (personal data masked), its running deadlines
/// with their lights and the overall light, plus, on the detail route, its history and the
/// actions the caller may take now.
struct CaseView: Encodable {
    /// What lights are computed with: the server clock's now and the working-day calendar.
    struct Lights {
        var now: Date
        var calendar: WorkCalendar
    }

    /// One running limit as shown: `{kind, dueAt, startedAt, clock, light}`.
    struct DeadlineView: Encodable {
        let kind: DeadlineKind
        let dueAt: Date
        let startedAt: Date
        let clock: SLAClock
        let light: Light
    }

    let subject: Case
    let history: [Transition]?
    let allowedActions: [CaseAction]?
    let deadlines: [DeadlineView]
    let light: Light

    /// The reporter's phone and identity number are masked for every caller (see
    /// ``PersonalData``); `POST /cases/{id}/reveal` shows one in full, audited.
    init(_ subject: Case, history: [Transition]? = nil, allowedActions: [CaseAction]? = nil, lights: Lights) {
        var subject = subject
        subject.reporter = subject.reporter.masked
        self.subject = subject
        self.history = history
        self.allowedActions = allowedActions
        deadlines = subject.deadlines.map { deadline in
            DeadlineView(
                kind: deadline.kind, dueAt: deadline.dueAt, startedAt: deadline.startedAt, clock: deadline.clock,
                light: Light.of(deadline, at: lights.now, calendar: lights.calendar))
        }
        light = Light.of(subject, at: lights.now, calendar: lights.calendar)
    }

    private enum CodingKeys: String, CodingKey { case history, allowedActions, deadlines, light }

    /// The case's own fields first; `deadlines` is then written again in the API's shape (the
    /// encoder keeps the last value for a key), without the scheduler's bookkeeping.
    func encode(to encoder: any Encoder) throws {
        try subject.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(deadlines, forKey: .deadlines)
        try container.encode(light, forKey: .light)
        try container.encodeIfPresent(history, forKey: .history)
        try container.encodeIfPresent(allowedActions, forKey: .allowedActions)
    }
}

/// One page of the case list.
struct CasePageView: Encodable {
    let items: [CaseView]
    let nextCursor: String?

    private enum CodingKeys: String, CodingKey { case items, nextCursor }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(items, forKey: .items)
        try container.encode(nextCursor, forKey: .nextCursor)  // null on the last page
    }
}
