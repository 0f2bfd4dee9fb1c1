import Foundation
import WangchaoCore
import WangchaoStore

/// Keeps indicator counts until the history changes (the store's change stamp moves) or
/// ``maxAge`` passes (for what depends on the time alone: overdue, today). The cockpit is
/// one big screen many people look at: the same area and period are asked for again and
/// again, and between two changes the answer is the same.
///
/// A busy district changes every second (intake, transitions, the SLA timers' lights), which
/// would make every look a full recount; so a result younger than ``freshFor`` is reused even
/// when the stamp moved: the figures are at most that many seconds behind, and the cockpit's
/// live refresh brings the next ones.
actor IndicatorCache {
    struct Key: Hashable {
        let areaCode: String
        let from: Date?
        let to: Date?
        let grouping: IndicatorQuery.Grouping
        let terms: [CountTerm]
    }

    private struct Entry {
        let stamp: Int64
        let at: Date
        let counts: [IndicatorCounts]
    }

    /// How long a result may be reused when nothing changed (seconds).
    let maxAge: TimeInterval
    /// How long a result is reused whatever changed (seconds).
    let freshFor: TimeInterval
    /// Results kept at most; beyond, the oldest half is dropped.
    let capacity: Int
    private var entries: [Key: Entry] = [:]

    init(maxAge: TimeInterval = 30, freshFor: TimeInterval = 3, capacity: Int = 256) {
        self.maxAge = maxAge
        self.freshFor = freshFor
        self.capacity = capacity
    }

    /// Areas by code and children by parent, kept ``areaMaxAge`` seconds: areas change only by
    /// an import, and a district's boundary is tens of kilobytes of JSON to decode.
    let areaMaxAge: TimeInterval = 60
    private var areas: [String: (at: Date, area: Area?)] = [:]
    private var children: [String: (at: Date, areas: [Area])] = [:]

    func area(_ code: String, now: Date, load: @Sendable () async throws -> Area?) async throws -> Area? {
        if let hit = areas[code], now >= hit.at, now.timeIntervalSince(hit.at) < areaMaxAge { return hit.area }
        let area = try await load()
        if areas.count >= capacity * 8 { areas = [:] }
        areas[code] = (now, area)
        return area
    }

    func children(of code: String, now: Date, load: @Sendable () async throws -> [Area]) async throws -> [Area] {
        if let hit = children[code], now >= hit.at, now.timeIntervalSince(hit.at) < areaMaxAge { return hit.areas }
        let list = try await load()
        if children.count >= capacity * 8 { children = [:] }
        children[code] = (now, list)
        return list
    }

    /// The cached counts for `query` if still good at `stamp` and `query.now`, else computes them.
    func counts(
        _ query: IndicatorQuery, stamp: Int64, compute: @Sendable (IndicatorQuery) async throws -> [IndicatorCounts]
    ) async throws -> [IndicatorCounts] {
        let key = Key(areaCode: query.areaCode, from: query.from, to: query.to, grouping: query.grouping, terms: query.terms)
        if let entry = entries[key], query.now >= entry.at {
            let age = query.now.timeIntervalSince(entry.at)
            if age < freshFor || (entry.stamp == stamp && age < maxAge) { return entry.counts }
        }
        let counts = try await compute(query)
        if entries.count >= capacity {
            let oldest = entries.sorted { $0.value.at < $1.value.at }.prefix(capacity / 2).map(\.key)
            for key in oldest { entries[key] = nil }
        }
        entries[key] = Entry(stamp: stamp, at: query.now, counts: counts)
        return counts
    }
}
