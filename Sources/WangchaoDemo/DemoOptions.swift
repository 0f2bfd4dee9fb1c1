import Foundation

/// What to generate: the seed, how many cases, and the month they fall in.
public struct DemoOptions: Sendable, Equatable {
    /// The seed of the documented demo (the day Wangchao's demo was first cut).
    public static let defaultSeed: UInt64 = 20261124

    /// Decides everything generated; same seed, same data.
    public var seed: UInt64
    /// How many cases to generate.
    public var cases: Int
    /// The moment the demo is "now": no case or step is later.
    public var now: Date
    /// How many days before `now` the cases are spread over.
    public var days: Int

    public init(seed: UInt64 = defaultSeed, cases: Int = 40_000, now: Date, days: Int = 30) {
        self.seed = seed
        self.cases = cases
        self.now = now
        self.days = days
    }
}
