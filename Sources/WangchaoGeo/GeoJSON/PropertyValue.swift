import Foundation

/// A GeoJSON property value read leniently: codes written as numbers (a common habit of GIS
/// tools) are kept as their decimal text, anything else not a string is remembered as such.
enum PropertyValue: Decodable, Sendable {
    case text(String)
    case null
    case other

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let text = try? container.decode(String.self) {
            self = .text(text)
        } else if let integer = try? container.decode(Int64.self) {
            self = .text(String(integer))
        } else {
            self = .other
        }
    }

    /// The text, trimmed; `nil` when absent, null, empty or not text.
    var text: String? {
        guard case .text(let value) = self else { return nil }
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }
}
