/// What a user does in the loop. Which actions each role may take is one table, in
/// ``Lifecycle/allowedRoles(for:)``.
public enum Role: String, Codable, Sendable, CaseIterable {
    /// 网格员: patrols a grid, reports, handles small matters, checks results on site.
    case gridWorker
    /// 村社干部: village or community staff.
    case communityStaff
    /// 镇街调度员: accepts and dispatches a town's cases; the town's 值班长 for approvals.
    case townDispatcher
    /// 部门处置员: handles cases assigned to a department or platform.
    case departmentHandler
    /// 区级指挥: the district command centre; sees and directs everything.
    case districtCommander
    /// 系统管理员: manages accounts and configuration.
    case admin
    /// 观察员: reads everything, writes nothing.
    case observer

    public var chineseName: String {
        switch self {
        case .gridWorker: "网格员"
        case .communityStaff: "村社干部"
        case .townDispatcher: "镇街调度员"
        case .departmentHandler: "部门处置员"
        case .districtCommander: "区级指挥"
        case .admin: "系统管理员"
        case .observer: "观察员"
        }
    }

    /// Whether the role sees the whole district regardless of its scope.
    public var seesWholeDistrict: Bool {
        switch self {
        case .districtCommander, .admin, .observer: true
        default: false
        }
    }
}
