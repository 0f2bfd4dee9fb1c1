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
///
/// No look waits for a recount it does not need: a result no longer good but younger than
/// ``staleLimit`` is answered at once while one recount runs in the background (the next look
/// gets it; the page shows when its figures were counted), and looks that find nothing wait
/// for one shared count, not one each.
public actor IndicatorCache {
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
    public let maxAge: TimeInterval
    /// How long a result is reused whatever changed (seconds).
    public let freshFor: TimeInterval
    /// How old a result may be and still be answered while its recount runs (seconds).
    public let staleLimit: TimeInterval
    /// Results kept at most; beyond, the oldest half is dropped.
    public let capacity: Int
    private var entries: [Key: Entry] = [:]
    /// Counts running, by key: a miss waits for the running one; a stale hit starts at most one.
    private var running: [Key: Task<[IndicatorCounts], any Error>] = [:]

    public init(maxAge: TimeInterval = 30, freshFor: TimeInterval = 3, staleLimit: TimeInterval = 600, capacity: Int = 256) {
        self.maxAge = maxAge
        self.freshFor = freshFor
        self.staleLimit = staleLimit
        self.capacity = capacity
    }

    /// Areas by code and children by parent, kept ``areaMaxAge`` seconds: areas change only by
    /// an import, and a district's boundary is tens of kilobytes of JSON to decode.
    public let areaMaxAge: TimeInterval = 60
    private var areas: [String: (at: Date, area: Area?)] = [:]
    private var children: [String: (at: Date, areas: [Area])] = [:]

    public func area(_ code: String, now: Date, load: @Sendable () async throws -> Area?) async throws -> Area? {
        if let hit = areas[code], now >= hit.at, now.timeIntervalSince(hit.at) < areaMaxAge { return hit.area }
        let area = try await load()
        if areas.count >= capacity * 8 { areas = [:] }
        areas[code] = (now, area)
        return area
    }

    public func children(of code: String, now: Date, load: @Sendable () async throws -> [Area]) async throws -> [Area] {
        if let hit = children[code], now >= hit.at, now.timeIntervalSince(hit.at) < areaMaxAge { return hit.areas }
        let list = try await load()
        if children.count >= capacity * 8 { children = [:] }
        children[code] = (now, list)
        return list
    }

    /// The cached counts for `query` if still good at `stamp` and `query.now`; if stale (but
    /// younger than ``staleLimit``) the same, with a recount started; else the counts, computed
    /// once for every look waiting for them.
    public func counts(
        _ query: IndicatorQuery, stamp: Int64, compute: @escaping @Sendable (IndicatorQuery) async throws -> [IndicatorCounts]
    ) async throws -> [IndicatorCounts] {
        let key = Key(areaCode: query.areaCode, from: query.from, to: query.to, grouping: query.grouping, terms: query.terms)
        if let entry = entries[key], query.now >= entry.at {
            let age = query.now.timeIntervalSince(entry.at)
            if age < freshFor || (entry.stamp == stamp && age < maxAge) { return entry.counts }
            if age < staleLimit {
                if running[key] == nil { _ = recount(key, query, stamp: stamp, compute: compute) }
                return entry.counts
            }
        }
        return try await (running[key] ?? recount(key, query, stamp: stamp, compute: compute)).value
    }

    /// Starts counting `query` for `key`; the result replaces the entry when it comes.
    private func recount(
        _ key: Key, _ query: IndicatorQuery, stamp: Int64, compute: @escaping @Sendable (IndicatorQuery) async throws -> [IndicatorCounts]
    ) -> Task<[IndicatorCounts], any Error> {
        let task = Task {
            defer { running[key] = nil }
            let counts = try await compute(query)
            keep(key, Entry(stamp: stamp, at: query.now, counts: counts))
            return counts
        }
        running[key] = task
        return task
    }

    private func keep(_ key: Key, _ entry: Entry) {
        if let current = entries[key], current.at > entry.at { return }  // a later count came first
        if entries[key] == nil, entries.count >= capacity {
            let oldest = entries.sorted { $0.value.at < $1.value.at }.prefix(capacity / 2).map(\.key)
            for key in oldest { entries[key] = nil }
        }
        entries[key] = entry
    }

    /// Waits for the counts running now (tests: a recount started by a stale look).
    public func settle() async {
        for task in running.values { _ = try? await task.value }
    }
}
