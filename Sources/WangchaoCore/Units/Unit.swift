/// Anyone who can be assigned a case: a grid team, a village or community, a town office, one of
/// a town's four platforms, a department, or the district command centre.
public struct Unit: Sendable, Equatable, Codable, Identifiable {
    /// What kind of body the unit is; it decides the tier the unit works at.
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case gridTeam
        case community
        case townOffice
        case platform
        case department
        case commandCenter
    }

    /// A stable identifier such as `grid-330109001001001` or `dept-market`.
    public var id: String
    /// The Chinese name shown to users, e.g. `城厢街道综合执法平台`.
    public var name: String
    public var kind: Kind
    /// The area the unit belongs to; it works on cases of that subtree.
    public var areaCode: String
    /// The platform, for platform units and departments that belong to one.
    public var platform: Platform?

    public init(id: String, name: String, kind: Kind, areaCode: String, platform: Platform? = nil) {
        self.id = id
        self.name = name
        self.kind = kind
        self.areaCode = areaCode
        self.platform = platform
    }
}
