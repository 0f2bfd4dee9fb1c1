/// One node of the governance hierarchy: the district, a town or street (镇街), a cluster (网层),
/// a village or community (村社), a grid (网格) or a micro-grid (微网格).
public struct Area: Sendable, Equatable, Codable, Identifiable {
    /// The area code: MCA code for district and towns, parent's code plus three digits below.
    public var code: String
    /// The Chinese name, e.g. `城厢街道`.
    public var name: String
    public var level: AreaLevel
    /// The parent's code; `nil` only for the district.
    public var parentCode: String?
    /// The boundary, when known.
    public var boundary: Boundary?

    public var id: String { code }

    public init(code: String, name: String, level: AreaLevel, parentCode: String?, boundary: Boundary? = nil) {
        self.code = code
        self.name = name
        self.level = level
        self.parentCode = parentCode
        self.boundary = boundary
    }
}
