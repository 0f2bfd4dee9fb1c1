import Foundation
import Testing
import WangchaoCore
import WangchaoServices
import WangchaoStore

@Suite("Indicator cache")
struct IndicatorCacheTests {
    actor Counter {
        var calls = 0
        func next() -> [IndicatorCounts] {
            calls += 1
            return []
        }
    }

    static let start = Date(timeIntervalSince1970: 1_795_000_000)

    static func query(at seconds: TimeInterval, area: String = "330109") -> IndicatorQuery {
        IndicatorQuery(areaCode: area, terms: [], now: start.addingTimeInterval(seconds))
    }

    func ask(_ cache: IndicatorCache, _ counter: Counter, at seconds: TimeInterval, stamp: Int64, area: String = "330109")
        async throws
    {
        _ = try await cache.counts(Self.query(at: seconds, area: area), stamp: stamp) { _ in await counter.next() }
        await cache.settle()
    }

    @Test("a result is reused while nothing changed, up to maxAge; a change recounts once freshFor has passed")
    func reuseRules() async throws {
        let cache = IndicatorCache(maxAge: 30, freshFor: 3)
        let counter = Counter()
        try await ask(cache, counter, at: 0, stamp: 1)
        try await ask(cache, counter, at: 2, stamp: 5)  // changed, but within freshFor
        #expect(await counter.calls == 1)
        try await ask(cache, counter, at: 4, stamp: 5)  // changed and older than freshFor
        #expect(await counter.calls == 2)
        try await ask(cache, counter, at: 20, stamp: 5)  // unchanged, within maxAge
        #expect(await counter.calls == 2)
        try await ask(cache, counter, at: 35, stamp: 5)  // unchanged but older than maxAge: time alone moves overdue
        #expect(await counter.calls == 3)
        try await ask(cache, counter, at: 35, stamp: 5, area: "330109001")  // another area is another result
        #expect(await counter.calls == 4)
        try await ask(cache, counter, at: 30, stamp: 5)  // a clock gone back never reuses
        #expect(await counter.calls == 5)
    }

    /// Counts that finish only when told, numbered by call.
    actor Gate {
        var calls = 0
        var waiting: [CheckedContinuation<Void, Never>] = []
        func count() async -> [IndicatorCounts] {
            calls += 1
            let call = calls
            await withCheckedContinuation { waiting.append($0) }
            return [IndicatorCounts(key: "call", values: [Double(call)])]
        }
        func open() {
            for continuation in waiting { continuation.resume() }
            waiting = []
        }
    }

    static func value(_ counts: [IndicatorCounts]) -> Double? { counts.first?.values.first }

    @Test("a stale result is answered at once while one recount runs; looks finding nothing share one count")
    func staleWhileRecounting() async throws {
        let cache = IndicatorCache(maxAge: 30, freshFor: 3, staleLimit: 600)
        let gate = Gate()
        let compute: @Sendable (IndicatorQuery) async throws -> [IndicatorCounts] = { _ in await gate.count() }

        // Three looks at once with nothing cached: one count, all three get it.
        async let a = cache.counts(Self.query(at: 0), stamp: 1, compute: compute)
        async let b = cache.counts(Self.query(at: 0), stamp: 1, compute: compute)
        async let c = cache.counts(Self.query(at: 0), stamp: 1, compute: compute)
        while await gate.waiting.count < 1 { await Task.yield() }
        await gate.open()
        let first = try await [a, b, c].map(Self.value)
        #expect(first == [1, 1, 1])
        #expect(await gate.calls == 1)

        // The history changed and freshFor passed: the old figures come back at once, twice,
        // while a single recount runs; once it is done, the next look gets the new figures.
        #expect(Self.value(try await cache.counts(Self.query(at: 10), stamp: 2, compute: compute)) == 1)
        #expect(Self.value(try await cache.counts(Self.query(at: 11), stamp: 2, compute: compute)) == 1)
        while await gate.waiting.count < 1 { await Task.yield() }
        #expect(await gate.calls == 2)
        await gate.open()
        await cache.settle()
        #expect(Self.value(try await cache.counts(Self.query(at: 12), stamp: 2, compute: compute)) == 2)

        // Older than staleLimit: the look waits for the recount.
        async let late = cache.counts(Self.query(at: 700), stamp: 2, compute: compute)
        while await gate.waiting.count < 1 { await Task.yield() }
        await gate.open()
        #expect(Self.value(try await late) == 3)
        #expect(await gate.calls == 3)
    }
}
