/// Where a matter is: a WGS-84 point and the address as given.
public struct Location: Sendable, Equatable, Codable {
    public var lat: Double
    public var lng: Double
    public var address: String

    public init(lat: Double, lng: Double, address: String) {
        self.lat = lat
        self.lng = lng
        self.address = address
    }
}
