import WangchaoCore

/// One of the fixed accounts documented in the README for trying Wangchao: a person of each
/// role, placed where the generated cases make their screens interesting.
public struct DemoUser: Sendable, Equatable {
    public let username: String
    public let role: Role
    public let scope: Scope
    /// The generated Chinese name shown in the UI.
    public let displayName: String
    /// Where the account works, in Chinese, e.g. `城厢街道萧然社区第1网格` or `萧山区（全区）`.
    public let scopeDescription: String
}

/// The fixed demo accounts and the generated slots they take: the grid worker of 城厢's first
/// grid, a staff member of the community holding it, a dispatcher of 城厢街道, a handler of its
/// 综合执法 platform, and the district's commander, administrator and observer.
public enum DemoUsers {
    public static let grid = "demo.grid"
    public static let community = "demo.community"
    public static let dispatcher = "demo.dispatcher"
    public static let handler = "demo.handler"
    public static let commander = "demo.commander"
    public static let admin = "demo.admin"
    public static let observer = "demo.observer"

    /// The 城厢 grid of `demo.grid`: first cluster, first community, first grid.
    public static let gridCode = "330109001001001001"
    /// The community of `demo.community`, holding ``gridCode``.
    public static let communityCode = "330109001001001"
    /// The street of `demo.dispatcher`.
    public static let townCode = "330109001"
    /// The unit of `demo.handler`.
    public static let handlerUnitId = "platform-330109001-enforcement"

    /// In README order.
    public static let usernames = [grid, community, dispatcher, handler, commander, admin, observer]

    private static let slots: [String: String] = [
        "gw\(gridCode)": grid,
        "cs\(communityCode)-1": community,
        "td\(townCode)-1": dispatcher,
        "dh-\(handlerUnitId)-1": handler,
        "dc-1": commander,
        "admin-1": admin,
        "observer-1": observer,
    ]

    /// The demo username that takes the generated slot `username`, if any.
    static func username(forSlot username: String) -> String? { slots[username] }
}
