import Foundation
import WangchaoCore

extension Intake: StrictBody {
    /// Intake's JSON fields are its stored properties (synthesised `Codable`); they are read by
    /// reflection from a sample, so a field added to the domain type is accepted without
    /// touching this list.
    static let knownFields: Set<String> = Set(
        Mirror(
            reflecting: Intake(
                category: "", description: "", source: .hotline12345, location: Location(lat: 0, lng: 0, address: ""))
        ).children.compactMap(\.label))
}
