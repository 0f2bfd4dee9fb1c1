import Foundation

/// One reported matter (事件/案卷) flowing through the closed loop.
///
/// The current state is the result of the case's history: every change is a ``Transition``
/// committed with the new state, and ``version`` counts them. The domain value only: a store
/// keeps it as its own versioned record (`StoredCase`), the API shows it as `CaseView`.
public struct Case: Sendable, Equatable, Codable, Identifiable {
    /// Stable identifier (a UUID), used in URLs.
    public var id: String
    /// The number people read out on the phone, e.g. `XS-20261124-000123`.
    public var number: String
    /// The workflow it follows (see ``CaseKindCatalog``); `case` for every matter of the closed loop.
    public var kind: CaseKind
    /// A short secret that lets the reporter follow the case without signing in.
    public var trackingCode: String
    public var source: SourceChannel
    public var category: String
    public var description: String
    public var location: Location
    public var reporter: Reporter
    /// Attachment ids (photos, documents) given at intake.
    public var attachments: [String]
    public var priority: Priority
    public var state: CaseState
    /// The lowest area known to contain the matter.
    public var areaCode: String
    /// The tier responsible now; escalation moves it up.
    public var tier: Tier
    /// The unit responsible now, once dispatched.
    public var assignedUnitId: String?
    /// Units helping (协办), e.g. a reinforcement team from a neighbouring grid.
    public var cooperatingUnitIds: [String]
    /// Units that were assigned before and still see the case.
    public var formerUnitIds: [String]
    /// Running time limits.
    public var deadlines: [Deadline]
    /// Requests waiting for the 值班长.
    public var pendingRequests: [CaseRequest]
    /// Supervision orders waiting for an answer.
    public var openSupervisions: [Supervision]
    /// The case this one was merged into, when merged.
    public var mergedIntoCaseId: String?
    /// How many times verification sent the case back (返工).
    public var reworkCount: Int
    /// 1–5, once rated.
    public var satisfaction: Int?
    /// How the rating came in.
    public var ratedVia: RatingChannel?
    /// Counts committed transitions; a transition must name the version it saw.
    public var version: Int
    public var createdAt: Date
    public var updatedAt: Date
    /// The person in the assigned unit working the case, chosen by assignment at dispatch.
    public var assignee: String?
    /// The last routing decision: why the case went to its unit and person.
    public var routing: RoutingDecision?
    /// Earlier cases this one probably repeats, found at intake (see ``RepeatPolicy``), best first.
    public var repeatCandidates: [RepeatCandidate]
    /// Flagged at intake as a likely repeat report; a dispatcher confirms by merging.
    public var likelyRepeat: Bool
    /// How the case was placed from its address text when it came without a point; an
    /// `uncertain` place waits for the dispatcher.
    public var addressCheck: AddressCheck?

    public init(
        id: String, number: String, trackingCode: String, source: SourceChannel, category: String,
        description: String, location: Location, reporter: Reporter, attachments: [String], priority: Priority,
        state: CaseState, areaCode: String, tier: Tier, assignedUnitId: String? = nil,
        cooperatingUnitIds: [String] = [], formerUnitIds: [String] = [], deadlines: [Deadline] = [],
        pendingRequests: [CaseRequest] = [], openSupervisions: [Supervision] = [], mergedIntoCaseId: String? = nil,
        reworkCount: Int = 0, satisfaction: Int? = nil, ratedVia: RatingChannel? = nil, version: Int,
        createdAt: Date, updatedAt: Date, assignee: String? = nil, routing: RoutingDecision? = nil,
        repeatCandidates: [RepeatCandidate] = [], likelyRepeat: Bool = false, addressCheck: AddressCheck? = nil,
        kind: CaseKind = .case
    ) {
        self.id = id
        self.number = number
        self.kind = kind
        self.trackingCode = trackingCode
        self.source = source
        self.category = category
        self.description = description
        self.location = location
        self.reporter = reporter
        self.attachments = attachments
        self.priority = priority
        self.state = state
        self.areaCode = areaCode
        self.tier = tier
        self.assignedUnitId = assignedUnitId
        self.cooperatingUnitIds = cooperatingUnitIds
        self.formerUnitIds = formerUnitIds
        self.deadlines = deadlines
        self.pendingRequests = pendingRequests
        self.openSupervisions = openSupervisions
        self.mergedIntoCaseId = mergedIntoCaseId
        self.reworkCount = reworkCount
        self.satisfaction = satisfaction
        self.ratedVia = ratedVia
        self.version = version
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.assignee = assignee
        self.routing = routing
        self.repeatCandidates = repeatCandidates
        self.likelyRepeat = likelyRepeat
        self.addressCheck = addressCheck
    }

    /// Every unit that is, or was, responsible for or helping with the case.
    public var involvedUnitIds: Set<String> {
        var units = Set(cooperatingUnitIds).union(formerUnitIds)
        if let assignedUnitId { units.insert(assignedUnitId) }
        return units
    }
}

/// How a satisfaction rating reached the case.
public enum RatingChannel: String, Codable, Sendable, CaseIterable {
    /// The reporter rated on the tracking page or app.
    case reporter
    /// A dispatcher recorded it from a call-back (回访).
    case callback
    /// Rated through a connected system.
    case system
}
