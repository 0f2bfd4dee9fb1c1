/// What is wrong with one ring of a boundary, and where: polygon and ring index (0 = exterior),
/// both counted from 0 as in the GeoJSON arrays.
public struct GeometryProblem: Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// A polygon without any ring.
        case noRings
        /// The last position differs from the first.
        case unclosedRing
        /// Fewer than the four positions a closed ring needs.
        case tooFewPositions(Int)
        /// A longitude outside ±180, a latitude outside ±90, or a value that is not finite.
        case invalidCoordinate(position: Int)
        /// Two edges of the ring cross, touch or overlap (edge i runs from position i to i + 1).
        case selfIntersection(edge: Int, otherEdge: Int)
    }

    public var polygon: Int
    public var ring: Int
    public var kind: Kind

    public init(polygon: Int, ring: Int, kind: Kind) {
        self.polygon = polygon
        self.ring = ring
        self.kind = kind
    }

    public var description: String {
        let place = "多边形 \(polygon) 的\(ring == 0 ? "外环" : "第 \(ring) 个内环")"
        switch kind {
        case .noRings: return "多边形 \(polygon) 没有环"
        case .unclosedRing: return "\(place)未闭合（首尾坐标不同）"
        case .tooFewPositions(let count): return "\(place)只有 \(count) 个坐标，闭合环至少需要 4 个"
        case .invalidCoordinate(let position): return "\(place)第 \(position) 个坐标无效（非有限数或超出经纬度范围）"
        case .selfIntersection(let edge, let other): return "\(place)自相交（第 \(edge) 条边与第 \(other) 条边）"
        }
    }
}
