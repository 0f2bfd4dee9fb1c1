import WangchaoCore

/// A case as the API shows it: all its fields (personal data masked), plus, on the detail route, its history and the
/// actions the caller may take now.
struct CaseView: Encodable {
    let subject: Case
    let history: [Transition]?
    let allowedActions: [CaseAction]?
    let hiddenRepeatCandidates: Int

    /// The reporter's phone and identity number are masked for every caller (see
    /// ``PersonalData``); `POST /cases/{id}/reveal` shows one in full, audited.
    ///
    /// `repeats` are the case's repeat candidates filtered for the caller (``RepeatVisibility``);
    /// without them none is shown.
    init(
        _ subject: Case, history: [Transition]? = nil, allowedActions: [CaseAction]? = nil,
        repeats: VisibleRepeatCandidates = .none
    ) {
        var subject = subject
        subject.reporter = subject.reporter.masked
        subject.repeatCandidates = repeats.shown
        self.subject = subject
        self.history = history
        self.allowedActions = allowedActions
        hiddenRepeatCandidates = repeats.hidden
    }

    private enum CodingKeys: String, CodingKey { case history, allowedActions, hiddenRepeatCandidates }

    func encode(to encoder: any Encoder) throws {
        try subject.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
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
