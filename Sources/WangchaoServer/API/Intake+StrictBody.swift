import Foundation
import WangchaoCore
import WangchaoGeo

extension Intake: StrictBody {
    /// Intake's JSON fields are its stored properties (synthesised `Codable`); they are read by
    /// reflection from a sample, so a field added to the domain type is accepted without
    /// touching this list.
    static let knownFields: Set<String> = Set(
        Mirror(
            reflecting: Intake(
                category: "", description: "", source: .hotline12345, location: Location(lat: 0, lng: 0, address: ""))
        ).children.compactMap(\.label)
    ).subtracting(["placementNote", "addressCheck"])

    /// Files the intake where its point lies when the caller named no area, and notes why on
    /// the intake's history row (on a boundary, outside every micro-grid, outside the district).
    mutating func place(with locator: AreaLocator?) {
        guard areaCode == nil, let locator else { return }
        let resolution = locator.locate(latitude: location.lat, longitude: location.lng)
        areaCode = resolution.area?.code
        placementNote = "按坐标定位：\(resolution.reason)"
    }
}
