import WangchaoCore

/// Finds two edges of a closed ring that meet anywhere other than at the vertex they share as
/// neighbours: a crossing, a touch (a ring pinched at a point) or a collinear overlap (a spike).
///
/// Edges are swept in order of their west end, so only edges whose longitude ranges overlap are
/// compared: about n log n for the compact rings of real areas, n² only for pathological ones.
enum RingIntersection {
    private struct Edge {
        let index: Int
        let a: Boundary.Position
        let b: Boundary.Position
        var minLng: Double { min(a.lng, b.lng) }
        var maxLng: Double { max(a.lng, b.lng) }
        var minLat: Double { min(a.lat, b.lat) }
        var maxLat: Double { max(a.lat, b.lat) }
    }

    /// The first pair of offending edges (by position index of their start), if any. Repeated
    /// consecutive positions are zero-length edges and are skipped.
    static func firstCrossing(in ring: [Boundary.Position]) -> (Int, Int)? {
        var edges: [Edge] = []
        for index in 0..<(ring.count - 1) where ring[index] != ring[index + 1] {
            edges.append(Edge(index: index, a: ring[index], b: ring[index + 1]))
        }
        // Fewer than three distinct edges cannot enclose anything: the ring folds onto itself.
        guard edges.count >= 3 else { return (edges.first?.index ?? 0, edges.last?.index ?? 0) }
        // Positions of each edge in `edges`, to tell neighbours (sharing a vertex) apart.
        let order = edges.indices.sorted { edges[$0].minLng < edges[$1].minLng }
        var found: (Int, Int)?
        for (rank, i) in order.enumerated() {
            let edge = edges[i]
            for j in order[(rank + 1)...] {
                let other = edges[j]
                if other.minLng > edge.maxLng { break }
                guard other.minLat <= edge.maxLat, other.maxLat >= edge.minLat else { continue }
                let neighbours = abs(i - j) == 1 || abs(i - j) == edges.count - 1
                if neighbours ? overlapBeyondSharedVertex(edge, other) : intersect(edge, other) {
                    let pair = (min(edge.index, other.index), max(edge.index, other.index))
                    if found.map({ pair < $0 }) ?? true { found = pair }
                }
            }
        }
        return found
    }

    private static func orientation(_ p: Boundary.Position, _ q: Boundary.Position, _ r: Boundary.Position) -> Double {
        (q.lng - p.lng) * (r.lat - p.lat) - (q.lat - p.lat) * (r.lng - p.lng)
    }

    /// Whether `r`, known collinear with p–q, lies within the segment's box.
    private static func onSegment(_ p: Boundary.Position, _ q: Boundary.Position, _ r: Boundary.Position) -> Bool {
        r.lng >= min(p.lng, q.lng) && r.lng <= max(p.lng, q.lng) && r.lat >= min(p.lat, q.lat)
            && r.lat <= max(p.lat, q.lat)
    }

    /// Closed-segment intersection: crossing, touching or overlapping.
    private static func intersect(_ e: Edge, _ f: Edge) -> Bool {
        let o1 = orientation(e.a, e.b, f.a), o2 = orientation(e.a, e.b, f.b)
        let o3 = orientation(f.a, f.b, e.a), o4 = orientation(f.a, f.b, e.b)
        if (o1 > 0 && o2 < 0 || o1 < 0 && o2 > 0) && (o3 > 0 && o4 < 0 || o3 < 0 && o4 > 0) { return true }
        return o1 == 0 && onSegment(e.a, e.b, f.a) || o2 == 0 && onSegment(e.a, e.b, f.b)
            || o3 == 0 && onSegment(f.a, f.b, e.a) || o4 == 0 && onSegment(f.a, f.b, e.b)
    }

    /// Neighbouring edges share a vertex; they are at fault only when they fold back over each
    /// other (collinear and the far end of one lies on the other).
    private static func overlapBeyondSharedVertex(_ e: Edge, _ f: Edge) -> Bool {
        let shared = e.a == f.a || e.a == f.b ? e.a : e.b
        let farE = e.a == shared ? e.b : e.a
        let farF = f.a == shared ? f.b : f.a
        guard orientation(shared, farE, farF) == 0 else { return false }
        return onSegment(shared, farE, farF) || onSegment(shared, farF, farE)
    }
}
