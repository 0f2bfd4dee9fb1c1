/// A level of the governance hierarchy 区 → 镇街 → 网层 → 村社 → 网格 → 微网格.
///
/// The cluster (网层) is optional: it groups two or three communities of a town, so a community's
/// parent is either a town or a cluster.
public enum AreaLevel: String, Codable, Sendable, CaseIterable, Comparable {
    case district
    case town
    case cluster
    case community
    case grid
    case microGrid

    /// The Chinese name used in every user-facing text.
    public var chineseName: String {
        switch self {
        case .district: "区"
        case .town: "镇街"
        case .cluster: "网层"
        case .community: "村社"
        case .grid: "网格"
        case .microGrid: "微网格"
        }
    }

    /// The levels a child of this level may have; a town's community may skip the cluster.
    public var allowedChildLevels: [AreaLevel] {
        switch self {
        case .district: [.town]
        case .town: [.cluster, .community]
        case .cluster: [.community]
        case .community: [.grid]
        case .grid: [.microGrid]
        case .microGrid: []
        }
    }

    private var depth: Int { AreaLevel.allCases.firstIndex(of: self)! }

    public static func < (lhs: AreaLevel, rhs: AreaLevel) -> Bool { lhs.depth < rhs.depth }
}
