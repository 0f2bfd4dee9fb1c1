import WangchaoCore

/// Checks a boundary before it is stored: rings closed, at least four positions, coordinates
/// finite and in range, no ring crossing or touching itself.
///
/// Winding order is not checked (RFC 7946 asks parsers not to reject on it), nor whether holes
/// lie inside their exterior: both are harmless to ``PlanarShape``.
public enum GeometryValidator {
    /// Every problem found, at most one per ring (the first found), in ring order.
    public static func problems(in boundary: Boundary) -> [GeometryProblem] {
        var problems: [GeometryProblem] = []
        for (polygonIndex, rings) in boundary.polygons.enumerated() {
            if rings.isEmpty { problems.append(GeometryProblem(polygon: polygonIndex, ring: 0, kind: .noRings)) }
            for (ringIndex, ring) in rings.enumerated() {
                if let kind = problem(in: ring) {
                    problems.append(GeometryProblem(polygon: polygonIndex, ring: ringIndex, kind: kind))
                }
            }
        }
        return problems
    }

    /// The first problem of one ring, if any.
    public static func problem(in ring: [Boundary.Position]) -> GeometryProblem.Kind? {
        if let bad = ring.firstIndex(where: { !isValid($0) }) { return .invalidCoordinate(position: bad) }
        guard ring.count >= 4 else { return .tooFewPositions(ring.count) }
        guard ring.first == ring.last else { return .unclosedRing }
        return RingIntersection.firstCrossing(in: ring).map { .selfIntersection(edge: $0.0, otherEdge: $0.1) }
    }

    private static func isValid(_ position: Boundary.Position) -> Bool {
        position.lng.isFinite && position.lat.isFinite && abs(position.lng) <= 180 && abs(position.lat) <= 90
    }
}
