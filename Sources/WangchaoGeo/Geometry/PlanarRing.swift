import WangchaoCore

/// One closed ring prepared for fast point tests: coordinates flattened into one array of
/// `lng, lat` pairs (first position repeated at the end) and its bounding box.
///
/// Coordinates are treated as planar. That is exact enough for a district of a few tens of
/// kilometres away from the antimeridian and the poles, which is what Wangchao serves.
public struct PlanarRing: Sendable {
    /// Distance in degrees (about 0.1 mm) within which a point counts as on an edge or a vertex.
    ///
    /// Far below GPS precision, far above the rounding error of the crossing test, so a point is
    /// either clearly on the boundary or classified by a well-conditioned computation: the two
    /// never disagree.
    public static let tolerance = 1e-9

    /// `lng0, lat0, lng1, lat1, …`, closed.
    let coordinates: [Double]
    public let bounds: BoundingBox

    /// Prepares `ring`; an unclosed ring is closed here so the test stays well defined.
    public init(_ ring: [Boundary.Position]) {
        var flat: [Double] = []
        flat.reserveCapacity(ring.count * 2 + 2)
        for position in ring {
            flat.append(position.lng)
            flat.append(position.lat)
        }
        if let first = ring.first, let last = ring.last, first != last {
            flat.append(first.lng)
            flat.append(first.lat)
        }
        coordinates = flat
        bounds = BoundingBox(ring)
    }

    /// Classifies the point: on the boundary when within ``tolerance`` of an edge, else inside or
    /// outside by the crossing rule (a horizontal ray to the east, half-open in latitude so a ray
    /// through a vertex counts once).
    public func locate(lng: Double, lat: Double) -> PointLocation {
        let tolerance = Self.tolerance
        guard bounds.contains(lng: lng, lat: lat, tolerance: tolerance) else { return .outside }
        return coordinates.withUnsafeBufferPointer { c in
            var inside = false
            var index = 0
            let end = c.count - 2
            while index < end {
                let ax = c[index], ay = c[index + 1], bx = c[index + 2], by = c[index + 3]
                index += 2
                if lng >= min(ax, bx) - tolerance, lng <= max(ax, bx) + tolerance,
                    lat >= min(ay, by) - tolerance, lat <= max(ay, by) + tolerance,
                    Self.distanceSquared(lng, lat, ax, ay, bx, by) <= tolerance * tolerance
                {
                    return .onBoundary
                }
                if (ay > lat) != (by > lat) {
                    let crossing = ax + (lat - ay) / (by - ay) * (bx - ax)
                    if lng < crossing { inside.toggle() }
                }
            }
            return inside ? .inside : .outside
        }
    }

    /// The squared distance from the point to the segment a–b.
    @inline(__always)
    static func distanceSquared(_ px: Double, _ py: Double, _ ax: Double, _ ay: Double, _ bx: Double, _ by: Double)
        -> Double
    {
        let dx = bx - ax, dy = by - ay
        let lengthSquared = dx * dx + dy * dy
        var t = lengthSquared > 0 ? ((px - ax) * dx + (py - ay) * dy) / lengthSquared : 0
        t = min(1, max(0, t))
        let ex = ax + t * dx - px, ey = ay + t * dy - py
        return ex * ex + ey * ey
    }
}
