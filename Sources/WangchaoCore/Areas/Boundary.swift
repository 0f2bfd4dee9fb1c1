/// An area's boundary as a GeoJSON geometry (RFC 7946): a Polygon or a MultiPolygon, longitude
/// first, rings closed, the first ring of each polygon its exterior.
public enum Boundary: Sendable, Equatable {
    /// One polygon: exterior ring then holes; each ring a list of `[lng, lat]` positions.
    case polygon([[Position]])
    /// Several polygons.
    case multiPolygon([[[Position]]])

    /// A `[longitude, latitude]` pair.
    public struct Position: Sendable, Equatable, Codable {
        public var lng: Double
        public var lat: Double

        public init(lng: Double, lat: Double) {
            self.lng = lng
            self.lat = lat
        }

        public init(from decoder: any Decoder) throws {
            var container = try decoder.unkeyedContainer()
            lng = try container.decode(Double.self)
            lat = try container.decode(Double.self)
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.unkeyedContainer()
            try container.encode(lng)
            try container.encode(lat)
        }
    }

    /// All polygons of the geometry, each as exterior ring then holes.
    public var polygons: [[[Position]]] {
        switch self {
        case .polygon(let rings): [rings]
        case .multiPolygon(let polygons): polygons
        }
    }
}

extension Boundary: Codable {
    private enum CodingKeys: String, CodingKey { case type, coordinates }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.decode(String.self, forKey: .type) {
        case "Polygon":
            self = .polygon(try container.decode([[Position]].self, forKey: .coordinates))
        case "MultiPolygon":
            self = .multiPolygon(try container.decode([[[Position]]].self, forKey: .coordinates))
        case let other:
            throw DecodingError.dataCorruptedError(
                forKey: .type, in: container, debugDescription: "geometry type \(other) is not Polygon or MultiPolygon")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .polygon(let rings):
            try container.encode("Polygon", forKey: .type)
            try container.encode(rings, forKey: .coordinates)
        case .multiPolygon(let polygons):
            try container.encode("MultiPolygon", forKey: .type)
            try container.encode(polygons, forKey: .coordinates)
        }
    }
}
