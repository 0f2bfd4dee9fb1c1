/// A kind of matter (事项分类) with the defaults that decide who handles it and how fast.
public struct Category: Sendable, Equatable, Codable, Identifiable {
    /// A short stable code such as `AQ01`.
    public var code: String
    /// The Chinese name, e.g. `消防隐患`.
    public var name: String
    /// The group the category belongs to, e.g. `安全隐患`.
    public var group: String
    /// The platform that normally handles it.
    public var platform: Platform
    /// The lowest tier that normally handles it ("小事不出网格").
    public var tier: Tier
    /// Whether it is a dispute (矛盾纠纷) that goes through mediation.
    public var dispute: Bool
    /// Whether it is a major matter, which goes to the town at least ("大事不出镇街").
    public var major: Bool
    public var slaClass: SLAClass
    /// Words that suggest the category, for search and the intake form.
    public var keywords: [String]

    public var id: String { code }

    public init(
        code: String, name: String, group: String, platform: Platform, tier: Tier, dispute: Bool, major: Bool,
        slaClass: SLAClass, keywords: [String] = []
    ) {
        self.code = code
        self.name = name
        self.group = group
        self.platform = platform
        self.tier = tier
        self.dispute = dispute
        self.major = major
        self.slaClass = slaClass
        self.keywords = keywords
    }
}
