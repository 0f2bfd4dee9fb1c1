import WangchaoCore

/// A case as the API shows it: all its fields (personal data masked), plus, on the detail route, its history and the
/// actions the caller may take now.
struct CaseView: Encodable {
    let subject: Case
    let history: [Transition]?
    let allowedActions: [CaseAction]?

    /// The reporter's phone and identity number are masked for every caller (see
    /// ``PersonalData``); `POST /cases/{id}/reveal` shows one in full, audited.
    init(_ subject: Case, history: [Transition]? = nil, allowedActions: [CaseAction]? = nil) {
        var subject = subject
        subject.reporter = subject.reporter.masked
        self.subject = subject
        self.history = history
        self.allowedActions = allowedActions
    }

    private enum CodingKeys: String, CodingKey { case history, allowedActions, assignee, routing }

    func encode(to encoder: any Encoder) throws {
        try subject.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        // Always present, `null` until a dispatch decides them.
        if subject.assignee == nil { try container.encodeNil(forKey: .assignee) }
        if subject.routing == nil { try container.encodeNil(forKey: .routing) }
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
