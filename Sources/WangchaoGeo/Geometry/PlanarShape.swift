import WangchaoCore

/// A ``Boundary`` prepared for repeated point tests: every polygon's exterior and holes as
/// ``PlanarRing``s, and the bounding box of the whole.
///
/// ```swift
/// let shape = PlanarShape(area.boundary!)
/// if shape.locate(lng: 120.26, lat: 30.16) != .outside { … }
/// ```
public struct PlanarShape: Sendable {
    /// One polygon: its exterior ring and its holes.
    struct Polygon: Sendable {
        let exterior: PlanarRing
        let holes: [PlanarRing]
    }

    let polygons: [Polygon]
    public let bounds: BoundingBox

    public init(_ boundary: Boundary) {
        polygons = boundary.polygons.compactMap { rings in
            guard let exterior = rings.first else { return nil }
            return Polygon(exterior: PlanarRing(exterior), holes: rings.dropFirst().map(PlanarRing.init))
        }
        bounds = polygons.reduce(BoundingBox.empty) { $0.union($1.exterior.bounds) }
    }

    /// Inside when inside some polygon's exterior and not inside or on any of its holes; on the
    /// boundary when on an exterior or a hole's ring (a hole's edge is the area's edge too).
    public func locate(lng: Double, lat: Double) -> PointLocation {
        guard bounds.contains(lng: lng, lat: lat, tolerance: PlanarRing.tolerance) else { return .outside }
        var onBoundary = false
        for polygon in polygons {
            switch Self.locate(lng: lng, lat: lat, in: polygon) {
            case .inside: return .inside
            case .onBoundary: onBoundary = true
            case .outside: break
            }
        }
        return onBoundary ? .onBoundary : .outside
    }

    private static func locate(lng: Double, lat: Double, in polygon: Polygon) -> PointLocation {
        let exterior = polygon.exterior.locate(lng: lng, lat: lat)
        guard exterior == .inside else { return exterior }
        for hole in polygon.holes {
            switch hole.locate(lng: lng, lat: lat) {
            case .inside: return .outside
            case .onBoundary: return .onBoundary
            case .outside: continue
            }
        }
        return .inside
    }
}

extension Boundary {
    /// Where the point lies relative to this boundary; prepare a ``PlanarShape`` once instead when
    /// testing many points.
    public func locate(lng: Double, lat: Double) -> PointLocation {
        PlanarShape(self).locate(lng: lng, lat: lat)
    }
}
