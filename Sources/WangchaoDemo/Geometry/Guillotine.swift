/// Cuts rectangles into consecutive slices with seeded, slightly irregular proportions.
///
/// Every cut runs straight across its rectangle (a guillotine cut), so the pieces tile the
/// rectangle exactly; jitter on the proportions and the choice of axis keep the result from
/// looking like a chessboard.
enum Guillotine {
    /// Slices `rect` along `axis` into pieces whose sizes follow `weights` within ±`jitter`, in
    /// order (west or south first).
    static func slice(
        _ rect: LatticeRect, along axis: SliceAxis, weights: [Double], jitter: Double,
        using rng: inout SeededGenerator
    ) -> [LatticeRect] {
        let shares = weights.map { $0 * rng.double(in: (1 - jitter)...(1 + jitter)) }
        let total = shares.reduce(0, +)
        let (start, length) = axis == .westToEast ? (rect.minX, rect.width) : (rect.minY, rect.height)
        precondition(length >= weights.count, "rectangle too small for \(weights.count) slices")
        var pieces: [LatticeRect] = []
        var low = start
        var cumulative = 0.0
        for (index, share) in shares.enumerated() {
            cumulative += share
            let remaining = shares.count - index - 1
            let ideal = index == shares.count - 1 ? start + length : start + Int((Double(length) * cumulative / total).rounded())
            let high = min(max(ideal, low + 1), start + length - remaining)
            pieces.append(axis == .westToEast
                ? LatticeRect(minX: low, minY: rect.minY, maxX: high, maxY: rect.maxY)
                : LatticeRect(minX: rect.minX, minY: low, maxX: rect.maxX, maxY: high))
            low = high
        }
        return pieces
    }

    /// Tiles `rect` with one piece per weight, sizes proportional to the weights within
    /// ±`jitter`, by recursive two-way cuts across the longer side; neighbouring weights stay
    /// neighbouring pieces.
    static func tile(
        _ rect: LatticeRect, weights: [Double], jitter: Double, using rng: inout SeededGenerator
    ) -> [LatticeRect] {
        guard weights.count > 1 else { return [rect] }
        let split = splitIndex(weights, using: &rng)
        let halves = [weights[..<split].reduce(0, +), weights[split...].reduce(0, +)]
        let pieces = slice(rect, along: longerAxis(of: rect, using: &rng), weights: halves, jitter: jitter, using: &rng)
        return tile(pieces[0], weights: Array(weights[..<split]), jitter: jitter, using: &rng)
            + tile(pieces[1], weights: Array(weights[split...]), jitter: jitter, using: &rng)
    }

    /// Where to split the list: the index whose prefix weight is nearest a share drawn around
    /// one half, so the two groups are comparable but not always equal.
    private static func splitIndex(_ weights: [Double], using rng: inout SeededGenerator) -> Int {
        let target = weights.reduce(0, +) * rng.double(in: 0.38...0.62)
        var best = 1
        var bestDistance = Double.infinity
        var prefix = 0.0
        for index in 1..<weights.count {
            prefix += weights[index - 1]
            if abs(prefix - target) < bestDistance {
                bestDistance = abs(prefix - target)
                best = index
            }
        }
        return best
    }

    /// Cuts across the longer side measured on the ground (a degree of longitude is about 0.87
    /// of a degree of latitude at 30° N); near-square rectangles go either way.
    private static func longerAxis(of rect: LatticeRect, using rng: inout SeededGenerator) -> SliceAxis {
        let ratio = Double(rect.width) * 0.87 / Double(rect.height)
        if ratio > 1.25 { return .westToEast }
        if ratio < 0.8 { return .southToNorth }
        return rng.chance(0.5) ? .westToEast : .southToNorth
    }
}
