/// Where a point lies relative to a polygon.
///
/// Kept three-valued rather than a `Bool` because a point on a border shared by two areas belongs
/// to both polygons; only the caller (``AreaLocator``) can decide which one wins.
public enum PointLocation: Sendable, Equatable {
    case inside
    /// On an edge or a vertex, within ``PlanarRing/tolerance``.
    case onBoundary
    case outside
}
