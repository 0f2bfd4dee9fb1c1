import WangchaoCore

/// Plane geometry on closed rings of positions, treating longitude and latitude as x and y.
/// Good enough at district scale, where it is used to place case locations and to check tiles.
enum RingGeometry {
    /// The shoelace area in square degrees: positive for a counter-clockwise ring.
    static func signedArea(_ ring: [Boundary.Position]) -> Double {
        var twice = 0.0
        for (a, b) in zip(ring, ring.dropFirst()) {
            twice += a.lng * b.lat - b.lng * a.lat
        }
        return twice / 2
    }

    /// Whether the point lies inside the ring (even–odd rule; points exactly on an edge may go either way).
    static func contains(_ ring: [Boundary.Position], lng: Double, lat: Double) -> Bool {
        var inside = false
        for (a, b) in zip(ring, ring.dropFirst()) where (a.lat > lat) != (b.lat > lat) {
            let crossing = a.lng + (lat - a.lat) / (b.lat - a.lat) * (b.lng - a.lng)
            if lng < crossing { inside.toggle() }
        }
        return inside
    }

    /// The smallest box holding the ring.
    static func bounds(_ ring: [Boundary.Position]) -> BoundingBox {
        var box = BoundingBox(minLng: .infinity, minLat: .infinity, maxLng: -.infinity, maxLat: -.infinity)
        for position in ring {
            box.minLng = min(box.minLng, position.lng)
            box.maxLng = max(box.maxLng, position.lng)
            box.minLat = min(box.minLat, position.lat)
            box.maxLat = max(box.maxLat, position.lat)
        }
        return box
    }
}

/// A longitude/latitude box.
struct BoundingBox: Equatable, Sendable {
    var minLng: Double
    var minLat: Double
    var maxLng: Double
    var maxLat: Double

    func contains(lng: Double, lat: Double) -> Bool {
        (minLng...maxLng).contains(lng) && (minLat...maxLat).contains(lat)
    }
}
