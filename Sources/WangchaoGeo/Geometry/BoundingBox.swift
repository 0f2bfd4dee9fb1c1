import WangchaoCore

/// An axis-aligned box in longitude/latitude degrees: the cheap first test before any polygon work.
public struct BoundingBox: Sendable, Equatable {
    public var minLng: Double
    public var minLat: Double
    public var maxLng: Double
    public var maxLat: Double

    public init(minLng: Double, minLat: Double, maxLng: Double, maxLat: Double) {
        self.minLng = minLng
        self.minLat = minLat
        self.maxLng = maxLng
        self.maxLat = maxLat
    }

    /// The empty box: contains nothing, and any union with it is the other box.
    public static let empty = BoundingBox(
        minLng: .infinity, minLat: .infinity, maxLng: -.infinity, maxLat: -.infinity)

    /// The smallest box holding every position.
    public init<S: Sequence>(_ positions: S) where S.Element == Boundary.Position {
        var box = BoundingBox.empty
        for position in positions { box.extend(lng: position.lng, lat: position.lat) }
        self = box
    }

    public var isEmpty: Bool { !(minLng <= maxLng && minLat <= maxLat) }

    public mutating func extend(lng: Double, lat: Double) {
        minLng = min(minLng, lng)
        maxLng = max(maxLng, lng)
        minLat = min(minLat, lat)
        maxLat = max(maxLat, lat)
    }

    public func union(_ other: BoundingBox) -> BoundingBox {
        BoundingBox(
            minLng: min(minLng, other.minLng), minLat: min(minLat, other.minLat),
            maxLng: max(maxLng, other.maxLng), maxLat: max(maxLat, other.maxLat))
    }

    /// Whether the point lies in the box or within `tolerance` of it (edges included).
    @inlinable
    public func contains(lng: Double, lat: Double, tolerance: Double = 0) -> Bool {
        lng >= minLng - tolerance && lng <= maxLng + tolerance && lat >= minLat - tolerance && lat <= maxLat + tolerance
    }
}
