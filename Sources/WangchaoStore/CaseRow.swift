import Foundation
import WangchaoCore

/// What a line of a case list (the 工作台) shows of a case, and what it is sorted by: read
/// without decoding the whole stored case, so a list of hundreds of cases costs little.
public struct CaseRow: Sendable, Equatable {
    public var id: String
    public var number: String
    public var state: CaseState
    public var category: String
    public var priority: Priority
    public var areaCode: String
    public var assignedUnitId: String?
    /// The whole description; a list shortens it as it likes.
    public var description: String
    public var address: String
    /// Where the case is (WGS-84), for a marker on the map.
    public var lat: Double
    public var lng: Double
    public var createdAt: Date
    /// The running limits, as much of each as a row's light and time left need.
    public var deadlines: [Limit]

    /// Of a ``Deadline``, what its light (``Light/of(_:at:calendar:)``) and time left read:
    /// decoding only these keeps the stored timer steps and escalation actions out of a list.
    public struct Limit: Sendable, Equatable, Decodable {
        public var kind: DeadlineKind
        public var dueAt: Date
        public var startedAt: Date
        public var clock: SLAClock

        public init(_ deadline: Deadline) {
            kind = deadline.kind
            dueAt = deadline.dueAt
            startedAt = deadline.startedAt
            clock = deadline.clock
        }

        private enum CodingKeys: String, CodingKey {
            case kind, dueAt, startedAt, clock
        }

        /// With ``Deadline``'s defaults for limits stored before SLA policies.
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            kind = try c.decode(DeadlineKind.self, forKey: .kind)
            dueAt = try c.decode(Date.self, forKey: .dueAt)
            startedAt = try c.decodeIfPresent(Date.self, forKey: .startedAt) ?? dueAt
            clock = try c.decodeIfPresent(SLAClock.self, forKey: .clock) ?? .continuous
        }

        /// A deadline with this limit's kind, instants and clock (no timer steps or actions),
        /// enough for ``Light/of(_:at:calendar:)``.
        public var deadline: Deadline { Deadline(kind: kind, dueAt: dueAt, startedAt: startedAt, clock: clock) }
    }

    public init(
        id: String, number: String, state: CaseState, category: String, priority: Priority, areaCode: String,
        assignedUnitId: String?, description: String, address: String, lat: Double, lng: Double, createdAt: Date,
        deadlines: [Limit]
    ) {
        self.id = id
        self.number = number
        self.state = state
        self.category = category
        self.priority = priority
        self.areaCode = areaCode
        self.assignedUnitId = assignedUnitId
        self.description = description
        self.address = address
        self.lat = lat
        self.lng = lng
        self.createdAt = createdAt
        self.deadlines = deadlines
    }

    /// The row of a whole case: what ``CaseStore/caseRows(_:viewer:limit:)`` must return for it.
    public init(_ subject: Case) {
        self.init(
            id: subject.id, number: subject.number, state: subject.state, category: subject.category,
            priority: subject.priority, areaCode: subject.areaCode, assignedUnitId: subject.assignedUnitId,
            description: subject.description, address: subject.location.address, lat: subject.location.lat,
            lng: subject.location.lng, createdAt: subject.createdAt,
            deadlines: subject.deadlines.map(Limit.init))
    }
}

/// The newest rows matching a query, and whether more cases match than were returned.
public struct CaseRowScan: Sendable, Equatable {
    public var rows: [CaseRow]
    public var more: Bool

    /// The most rows one scan returns.
    public static let maxLimit = 2_000

    public init(rows: [CaseRow], more: Bool) {
        self.rows = rows
        self.more = more
    }
}
