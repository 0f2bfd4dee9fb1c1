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

    /// Every key the view writes, each once: the case's own fields in their order, then the view's.
    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, number, kind, trackingCode, source, category, description, location, reporter, attachments, priority
        case state, areaCode, tier, assignedUnitId, cooperatingUnitIds, formerUnitIds, deadlines, pendingRequests
        case openSupervisions, mergedIntoCaseId, reworkCount, satisfaction, ratedVia, version, createdAt, updatedAt
        case assignee, routing, repeatCandidates, likelyRepeat, addressCheck
        case light, history, allowedActions, hiddenRepeatCandidates
    }

    /// The API's shape of a case, written field by field: `deadlines` carry their lights,
    /// `assignee` and `routing` are always present (`null` until a dispatch decides them), and
    /// the answer still decodes as a ``Case``. A field added to ``Case`` is shown only once it
    /// is added here (a test compares the two lists).
    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(subject.id, forKey: .id)
        try c.encode(subject.number, forKey: .number)
        try c.encode(subject.kind, forKey: .kind)
        try c.encode(subject.trackingCode, forKey: .trackingCode)
        try c.encode(subject.source, forKey: .source)
        try c.encode(subject.category, forKey: .category)
        try c.encode(subject.description, forKey: .description)
        try c.encode(subject.location, forKey: .location)
        try c.encode(subject.reporter, forKey: .reporter)
        try c.encode(subject.attachments, forKey: .attachments)
        try c.encode(subject.priority, forKey: .priority)
        try c.encode(subject.state, forKey: .state)
        try c.encode(subject.areaCode, forKey: .areaCode)
        try c.encode(subject.tier, forKey: .tier)
        try c.encodeIfPresent(subject.assignedUnitId, forKey: .assignedUnitId)
        try c.encode(subject.cooperatingUnitIds, forKey: .cooperatingUnitIds)
        try c.encode(subject.formerUnitIds, forKey: .formerUnitIds)
        try c.encode(deadlines, forKey: .deadlines)
        try c.encode(subject.pendingRequests, forKey: .pendingRequests)
        try c.encode(subject.openSupervisions, forKey: .openSupervisions)
        try c.encodeIfPresent(subject.mergedIntoCaseId, forKey: .mergedIntoCaseId)
        try c.encode(subject.reworkCount, forKey: .reworkCount)
        try c.encodeIfPresent(subject.satisfaction, forKey: .satisfaction)
        try c.encodeIfPresent(subject.ratedVia, forKey: .ratedVia)
        try c.encode(subject.version, forKey: .version)
        try c.encode(subject.createdAt, forKey: .createdAt)
        try c.encode(subject.updatedAt, forKey: .updatedAt)
        try c.encode(subject.assignee, forKey: .assignee)
        try c.encode(subject.routing, forKey: .routing)
        try c.encode(subject.repeatCandidates, forKey: .repeatCandidates)
        try c.encode(subject.likelyRepeat, forKey: .likelyRepeat)
        try c.encodeIfPresent(subject.addressCheck, forKey: .addressCheck)
        try c.encode(light, forKey: .light)
        try c.encodeIfPresent(history, forKey: .history)
        try c.encodeIfPresent(allowedActions, forKey: .allowedActions)
        try c.encode(hiddenRepeatCandidates, forKey: .hiddenRepeatCandidates)
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
