/// The tier that handles a matter: "小事不出网格、大事不出镇街".
public enum Tier: String, Codable, Sendable, CaseIterable, Comparable {
    case grid
    case community
    case town
    case district

    public var chineseName: String {
        switch self {
        case .grid: "网格"
        case .community: "村社"
        case .town: "镇街"
        case .district: "区级"
        }
    }

    /// The tier above this one, where an escalated case goes; `nil` at the district.
    public var parent: Tier? {
        switch self {
        case .grid: .community
        case .community: .town
        case .town: .district
        case .district: nil
        }
    }

    private var rank: Int { Tier.allCases.firstIndex(of: self)! }

    public static func < (lhs: Tier, rhs: Tier) -> Bool { lhs.rank < rhs.rank }
}
