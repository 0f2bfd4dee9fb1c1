/// A seeded, portable random number generator: xoshiro256** seeded through SplitMix64.
///
/// The demo must be reproducible — the same seed gives the same district, ids, numbers and
/// tracking codes on every machine and Swift version — so it never touches the system
/// generator, and draws its own integers and doubles here instead of relying on the standard
/// library's `random(in:using:)`, whose algorithm is not promised to stay the same.
struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: (UInt64, UInt64, UInt64, UInt64)

    /// A generator whose whole output is decided by `seed`.
    init(seed: UInt64) {
        var mixer = SplitMix64(state: seed)
        state = (mixer.next(), mixer.next(), mixer.next(), mixer.next())
    }

    /// An independent generator for one purpose (areas, staff, cases…), so that changing how
    /// much one part draws does not shift the numbers of another.
    init(seed: UInt64, stream: String) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a over the stream's UTF-8 bytes
        for byte in stream.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        self.init(seed: seed ^ SplitMix64.mix(hash))
    }

    mutating func next() -> UInt64 {
        let result = rotate(state.1 &* 5, 7) &* 9
        let shifted = state.1 << 17
        state.2 ^= state.0
        state.3 ^= state.1
        state.1 ^= state.2
        state.0 ^= state.3
        state.2 ^= shifted
        state.3 = rotate(state.3, 45)
        return result
    }

    private func rotate(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }
}

extension SeededGenerator {
    /// A double in `0..<1` with 53 random bits.
    mutating func unit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// An integer in `0..<bound` (Lemire's multiply-shift, bias below 2⁻³² for our bounds).
    mutating func int(below bound: Int) -> Int {
        precondition(bound > 0, "empty range")
        return Int(next().multipliedFullWidth(by: UInt64(bound)).high)
    }

    /// An integer in `range`.
    mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + int(below: range.count)
    }

    /// A double in `range`.
    mutating func double(in range: ClosedRange<Double>) -> Double {
        range.lowerBound + unit() * (range.upperBound - range.lowerBound)
    }

    /// A value in `range` skewed towards its lower end (the cube of a uniform draw): most draws
    /// are short, a few long, like the time people take to do something. Plain arithmetic, so the
    /// result is the same on every platform, unlike `log`/`exp`.
    mutating func skewed(in range: ClosedRange<Double>) -> Double {
        let u = unit()
        return range.lowerBound + u * u * u * (range.upperBound - range.lowerBound)
    }

    /// `true` with probability `p`.
    mutating func chance(_ p: Double) -> Bool { unit() < p }

    /// One element of a non-empty array, uniformly.
    mutating func pick<T>(_ items: [T]) -> T { items[int(below: items.count)] }

    /// An index drawn with probability proportional to `weights` (non-negative, not all zero).
    mutating func index(weights: [Double]) -> Int {
        var remaining = unit() * weights.reduce(0, +)
        for (index, weight) in weights.enumerated() {
            remaining -= weight
            if remaining < 0 { return index }
        }
        return weights.lastIndex { $0 > 0 }!
    }
}

/// SplitMix64, used to expand a 64-bit seed into xoshiro's 256-bit state and to mix hashes.
struct SplitMix64 {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        return Self.mix(state)
    }

    /// The SplitMix64 finaliser: a bijective scramble of 64 bits.
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}
