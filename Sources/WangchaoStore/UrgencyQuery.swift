import Foundation
import WangchaoCore

/// What ``CaseStore/casesByUrgency(_:viewer:)`` reads: the 工作台's page. Every case matching
/// `cases` that the viewer may see is counted by state and light; the rows are those also in
/// `state` and of `light`, most urgent first (``UrgencyPage/order``), `limit` of them from
/// `offset`. The whole visible set is ranked, not only the newest cases, so a red case filed
/// weeks ago still heads the page.
public struct UrgencyQuery: Sendable {
    /// Visibility filters of the case list (states, area, unit, category, source, dates, text);
    /// its cursor and limit do not apply.
    public var cases: CaseQuery
    /// Rows in this state only (the counts still cover `cases`).
    public var state: CaseState?
    /// Rows of this light only (a case without a running limit has none).
    public var light: Light?
    /// The instant lights are taken at.
    public var now: Date
    public var offset: Int
    public var limit: Int

    /// The most rows one page returns.
    public static let maxLimit = 200
    /// The deepest a page may start.
    public static let maxOffset = 100_000

    public init(
        cases: CaseQuery = CaseQuery(), state: CaseState? = nil, light: Light? = nil, now: Date, offset: Int = 0,
        limit: Int = 30
    ) {
        self.cases = cases
        self.state = state
        self.light = light
        self.now = now
        self.offset = offset
        self.limit = limit
    }
}

/// A row of the 工作台 and its light at the query's instant.
public struct UrgentRow: Sendable, Equatable {
    public var row: CaseRow
    /// ``Light/listed(earliestDue:earliestYellow:at:)``: nil when no limit runs.
    public var light: Light?

    public init(row: CaseRow, light: Light?) {
        self.row = row
        self.light = light
    }
}

/// How many visible cases are in one state with one light.
public struct UrgencyCount: Sendable, Hashable {
    public var state: CaseState
    public var light: Light?
    public var count: Int

    public init(state: CaseState, light: Light?, count: Int) {
        self.state = state
        self.light = light
        self.count = count
    }
}

/// One page of the 工作台.
public struct UrgencyPage: Sendable, Equatable {
    public var rows: [UrgentRow]
    /// Cases matching the whole query (state and light included), over all pages.
    public var total: Int
    /// Cases matching `cases` per state and light (no zero entries), in state then light order.
    public var counts: [UrgencyCount]

    public init(rows: [UrgentRow], total: Int, counts: [UrgencyCount]) {
        self.rows = rows
        self.total = total
        self.counts = counts
    }

    /// The urgency order: red, yellow, green, no limit; within a light the earliest due first;
    /// then the newest filed; `seq` (filing order) breaks the last ties.
    public static func order(
        _ a: (light: Light?, earliestDue: Date?, createdAt: Date, seq: Int64),
        _ b: (light: Light?, earliestDue: Date?, createdAt: Date, seq: Int64)
    ) -> Bool {
        func rank(_ light: Light?) -> Int {
            switch light {
            case .red: 0
            case .yellow: 1
            case .green: 2
            case nil: 3
            }
        }
        if rank(a.light) != rank(b.light) { return rank(a.light) < rank(b.light) }
        let dueA = a.earliestDue ?? .distantFuture
        let dueB = b.earliestDue ?? .distantFuture
        if dueA != dueB { return dueA < dueB }
        if a.createdAt != b.createdAt { return a.createdAt > b.createdAt }
        return a.seq > b.seq
    }
}
