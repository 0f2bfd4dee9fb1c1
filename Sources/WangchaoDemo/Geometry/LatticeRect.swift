/// A point of the integer lattice the demo district is tiled on (one unit is 10⁻⁶ degree).
///
/// Tiling on integers makes every split exact: a point a cut creates is the same point for
/// both sides of the cut, and a point on an axis-parallel side lies exactly on it.
struct LatticePoint: Hashable, Sendable {
    var x: Int
    var y: Int
}

/// An axis-aligned rectangle of the lattice: the shape of an area before its edges are warped.
struct LatticeRect: Equatable, Sendable {
    var minX: Int
    var minY: Int
    var maxX: Int
    var maxY: Int

    var width: Int { maxX - minX }
    var height: Int { maxY - minY }

    /// The corners counter-clockwise from the south-west one.
    var corners: [LatticePoint] {
        [.init(x: minX, y: minY), .init(x: maxX, y: minY), .init(x: maxX, y: maxY), .init(x: minX, y: maxY)]
    }
}

/// The direction in which a rectangle is cut into consecutive slices.
enum SliceAxis {
    /// Slices side by side from west to east (the cuts run north–south).
    case westToEast
    /// Slices stacked from south to north (the cuts run east–west).
    case southToNorth
}
