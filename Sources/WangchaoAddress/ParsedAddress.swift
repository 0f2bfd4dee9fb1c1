/// What the parser made of one line: standard names and codes per level, the detail below the
/// village, and how sure it is. Keys and meaning follow `../shared/data/README.md`.
public struct ParsedAddress: Sendable, Equatable {
    public var text: String
    public var province: String?
    public var city: String?
    public var district: String?
    public var town: String?
    public var village: String?
    public var road: String?
    public var number: String?
    public var building: String?
    public var unit: String?
    public var room: String?
    public var districtCode: String?
    public var townCode: String?
    /// 0…1: lowered by inference, short forms, corrected characters and ambiguity.
    public var confidence: Double = 0
    /// Levels filled from a lower level rather than read in the text ("province", "city", …).
    public var inferred: [String] = []
    /// Levels whose name was read with one wrong character and corrected.
    public var corrected: [String] = []
    /// True when the text fits more than one place; the fields hold the best of `candidates`.
    public var ambiguous = false
    /// Full names ("福建省福州市鼓楼区") of the places the text could mean, best first.
    public var candidates: [String] = []
    /// Remarks for the reader, e.g. a street written under its former district.
    public var notes: [String] = []

    public init(text: String) { self.text = text }

    /// The ten scored components, in the order of the data README.
    public var components: [String?] {
        [province, city, district, town, village, road, number, building, unit, room]
    }

    public static let componentNames = [
        "province", "city", "district", "town", "village", "road", "number", "building", "unit", "room",
    ]
}
