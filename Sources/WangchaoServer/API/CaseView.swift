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

    /// One running limit as shown: the stored deadline (`kind`, `dueAt`, `startedAt`, `clock`,
    /// `warnAt`, `reinforceAt`, `onDue`, `onReinforce`, `fired`) plus its `light` now.
    struct DeadlineView: Encodable {
        let deadline: Deadline
        let light: Light

        private enum CodingKeys: String, CodingKey { case light }

        func encode(to encoder: any Encoder) throws {
            try deadline.encode(to: encoder)
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(light, forKey: .light)
        }
    }

    let subject: Case
    let history: [Transition]?
    let allowedActions: [CaseAction]?
    let deadlines: [DeadlineView]
    let light: Light
    let hiddenRepeatCandidates: Int

    /// The reporter's phone and identity number are masked for every caller (see
    /// ``PersonalData``); `POST /cases/{id}/reveal` shows one in full, audited.
    ///
    /// `repeats` are the case's repeat candidates filtered for the caller (``RepeatVisibility``);
    /// without them none is shown.
    init(
        _ subject: Case, history: [Transition]? = nil, allowedActions: [CaseAction]? = nil, lights: Lights,
        repeats: VisibleRepeatCandidates = .none
    ) {
        var subject = subject
        subject.reporter = subject.reporter.masked
        subject.repeatCandidates = repeats.shown
        self.subject = subject
        self.history = history
        self.allowedActions = allowedActions
        deadlines = subject.deadlines.map { deadline in
            DeadlineView(deadline: deadline, light: Light.of(deadline, at: lights.now, calendar: lights.calendar))
        }
        light = Light.of(subject, at: lights.now, calendar: lights.calendar)
        hiddenRepeatCandidates = repeats.hidden
    }

    private enum CodingKeys: String, CodingKey { case history, allowedActions, deadlines, light, assignee, routing, hiddenRepeatCandidates
    }

    /// The case's own fields first; `deadlines` is then written again with each light (the
    /// encoder keeps the last value for a key), so the answer still decodes as a ``Case``.
    func encode(to encoder: any Encoder) throws {
        try subject.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(deadlines, forKey: .deadlines)
        try container.encode(light, forKey: .light)
        // Always present, `null` until a dispatch decides them.
        if subject.assignee == nil { try container.encodeNil(forKey: .assignee) }
        if subject.routing == nil { try container.encodeNil(forKey: .routing) }
        try container.encodeIfPresent(history, forKey: .history)
        try container.encodeIfPresent(allowedActions, forKey: .allowedActions)
        try container.encode(hiddenRepeatCandidates, forKey: .hiddenRepeatCandidates)
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
