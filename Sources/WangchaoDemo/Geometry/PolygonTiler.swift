import WangchaoCore

/// Draws a boundary for every area of a plan such that the towns tile the district and the
/// children of every area tile their parent exactly: no gaps, no overlaps, and a border shared by
/// two areas is the identical polyline in both.
///
/// Areas are first laid out as lattice rectangles — towns after ``TownLayout``, everything below
/// by ``Guillotine`` cuts sized by micro-grid counts — then traced with ``RingTracer`` and bent
/// into natural-looking shapes by ``LatticeProjection``.
enum PolygonTiler {
    /// Lattice spacing of the extra points that let long borders bend (≈150 m).
    static let bendStep = 1_500

    /// Boundaries by area code for `district` and everything below it.
    static func boundaries(
        for district: AreaPlan, layout: TownLayout, using rng: inout SeededGenerator
    ) -> [String: Boundary] {
        let rects = rectangles(for: district, layout: layout, using: &rng)
        let tracer = RingTracer(rects: Array(rects.values), step: bendStep)
        let projection = LatticeProjection(seed: rng.next())
        return rects.mapValues { rect in
            .polygon([tracer.ring(of: rect).map(projection.position)])
        }
    }

    /// The lattice rectangle of every area.
    static func rectangles(
        for district: AreaPlan, layout: TownLayout, using rng: inout SeededGenerator
    ) -> [String: LatticeRect] {
        let communityCounts = Dictionary(uniqueKeysWithValues: district.children.map { town in
            (town.code, Double(town.levelOrder.count(where: { $0.level == .community })))
        })
        precondition(Set(layout.townCodes) == Set(communityCounts.keys), "the town layout must name every town once")
        var rects = layout.tile(LatticeProjection.bounds, weights: communityCounts, using: &rng)
        rects[district.code] = LatticeProjection.bounds
        for town in district.children {
            subdivide(town, in: rects[town.code]!, into: &rects, using: &rng)
        }
        return rects
    }

    /// Tiles `area`'s rectangle with its children, each sized by its micro-grids, and recurses.
    private static func subdivide(
        _ area: AreaPlan, in rect: LatticeRect, into rects: inout [String: LatticeRect],
        using rng: inout SeededGenerator
    ) {
        guard !area.children.isEmpty else { return }
        let weights = area.children.map { Double($0.microGridCount) }
        let pieces = Guillotine.tile(rect, weights: weights, jitter: 0.25, using: &rng)
        for (child, piece) in zip(area.children, pieces) {
            rects[child.code] = piece
            subdivide(child, in: piece, into: &rects, using: &rng)
        }
    }
}
