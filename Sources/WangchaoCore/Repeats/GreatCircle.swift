import Foundation

/// Distances on the WGS-84 ellipsoid's mean sphere: the haversine formula is exact enough (a
/// few parts in a thousand) at the hundred-metre scale repeat detection works at.
public enum GreatCircle {
    /// The IUGG mean Earth radius for WGS-84, in metres.
    public static let earthRadius = 6_371_008.8

    /// The great-circle distance in metres between two points given in degrees.
    public static func distance(lat1: Double, lng1: Double, lat2: Double, lng2: Double) -> Double {
        let radians = Double.pi / 180
        let dLat = (lat2 - lat1) * radians
        let dLng = (lng2 - lng1) * radians
        let a = sin(dLat / 2) * sin(dLat / 2)
            + cos(lat1 * radians) * cos(lat2 * radians) * sin(dLng / 2) * sin(dLng / 2)
        return 2 * earthRadius * asin(min(1, sqrt(a)))
    }

    /// A latitude/longitude box that contains every point within `metres` of the centre, for
    /// an indexed pre-selection; the exact distance decides afterwards.
    public static func boundingBox(lat: Double, lng: Double, metres: Double)
        -> (minLat: Double, maxLat: Double, minLng: Double, maxLng: Double)
    {
        let dLat = metres * 1.01 / earthRadius * 180 / Double.pi  // 1 % margin against rounding
        let cosLat = cos(min(89.9, abs(lat) + dLat) * Double.pi / 180)
        let dLng = min(180, dLat / max(cosLat, 1e-6))
        return (lat - dLat, lat + dLat, lng - dLng, lng + dLng)
    }
}
