import Foundation
import Testing
import WangchaoCore
import WangchaoStore

@testable import WangchaoServer

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
}
