import Foundation
import WangchaoCore

/// A small district for tests: 萧山区 with two towns, a community and grid in each, their
/// units, and one user per role, so that scope and role rules have something to bite on.
public enum Fixtures {
    public static let district = "330109"
    public static let town = "330109001"  // 城厢街道
    public static let community = "330109001001"
    public static let grid = "330109001001001"
    public static let otherTown = "330109002"  // 北干街道
    public static let otherCommunity = "330109002001"
    public static let otherGrid = "330109002001001"

    /// 2026-11-24 10:00 in China (02:00 UTC).
    public static let now = Date(timeIntervalSince1970: 1_795_485_600)

    public static let areas: [Area] = [
        Area(code: district, name: "萧山区", level: .district, parentCode: nil, boundary: square(120.15, 29.95, 0.4)),
        Area(code: town, name: "城厢街道", level: .town, parentCode: district, boundary: square(120.15, 29.95, 0.2)),
        Area(code: community, name: "湘湖社区", level: .community, parentCode: town),
        Area(code: grid, name: "湘湖社区第一网格", level: .grid, parentCode: community),
        Area(code: otherTown, name: "北干街道", level: .town, parentCode: district),
        Area(code: otherCommunity, name: "金城社区", level: .community, parentCode: otherTown),
        Area(code: otherGrid, name: "金城社区第一网格", level: .grid, parentCode: otherCommunity),
    ]

    public static let gridTeam = "grid-\(grid)"
    public static let otherGridTeam = "grid-\(otherGrid)"
    public static let communityUnit = "community-\(community)"
    public static let enforcementPlatform = "platform-\(town)-enforcement"
    public static let marketDepartment = "dept-market"

    public static let units: [WangchaoCore.Unit] = [
        .init(id: gridTeam, name: "湘湖社区第一网格", kind: .gridTeam, areaCode: grid),
        .init(id: otherGridTeam, name: "金城社区第一网格", kind: .gridTeam, areaCode: otherGrid),
        .init(id: communityUnit, name: "湘湖社区", kind: .community, areaCode: community),
        .init(id: "town-\(town)", name: "城厢街道办事处", kind: .townOffice, areaCode: town),
        .init(id: enforcementPlatform, name: "城厢街道综合执法平台", kind: .platform, areaCode: town, platform: .enforcement),
        .init(id: marketDepartment, name: "区市场监管局", kind: .department, areaCode: district, platform: .market),
    ]

    public static let gridWorker = User(
        username: "gw", displayName: "王网格", role: .gridWorker, scope: .area(grid), unitId: gridTeam)
    public static let otherGridWorker = User(
        username: "gw2", displayName: "李网格", role: .gridWorker, scope: .area(otherGrid), unitId: otherGridTeam)
    public static let communityStaff = User(
        username: "cs", displayName: "张社区", role: .communityStaff, scope: .area(community), unitId: communityUnit)
    public static let dispatcher = User(username: "td", displayName: "陈调度", role: .townDispatcher, scope: .area(town))
    public static let secondDispatcher = User(
        username: "td2", displayName: "周调度", role: .townDispatcher, scope: .area(town))
    public static let otherDispatcher = User(
        username: "td3", displayName: "吴调度", role: .townDispatcher, scope: .area(otherTown))
    public static let handler = User(
        username: "dh", displayName: "刘执法", role: .departmentHandler, scope: .unit(enforcementPlatform),
        unitId: enforcementPlatform)
    public static let commander = User(
        username: "dc", displayName: "赵指挥", role: .districtCommander, scope: .area(district))
    public static let admin = User(username: "admin", displayName: "系统管理员", role: .admin, scope: .area(district))
    public static let observer = User(username: "ob", displayName: "孙观察", role: .observer, scope: .area(district))
    public static let disabled = User(
        username: "gone", displayName: "已停用", role: .townDispatcher, scope: .area(town), disabled: true)

    public static let users: [User] = [
        gridWorker, otherGridWorker, communityStaff, dispatcher, secondDispatcher, otherDispatcher, handler, commander,
        admin, observer, disabled,
    ]

    /// One user for each role, for tables of who may do what.
    public static let userByRole: [Role: User] = [
        .gridWorker: gridWorker, .communityStaff: communityStaff, .townDispatcher: dispatcher,
        .departmentHandler: handler, .districtCommander: commander, .admin: admin, .observer: observer,
    ]

    /// A valid intake in the fixture town's grid.
    public static func intake(
        category: String = "SR03", description: String = "人行道被流动摊贩占用，行人只能走机动车道",
        source: SourceChannel = .hotline12345, priority: Priority? = nil, areaCode: String? = grid
    ) -> Intake {
        Intake(
            category: category, description: description, source: source, priority: priority,
            location: Location(lat: 30.16, lng: 120.26, address: "萧山区城厢街道湘湖路100号"),
            reporter: Reporter(name: "市民甲", phone: "13800000000"), attachments: [], areaCode: areaCode)
    }

    /// Metadata of a JPEG uploaded by `user`, with a made-up digest derived from `id`.
    public static func attachment(id: String, by user: User = gridWorker, at now: Date = now) -> Attachment {
        let hex = Array("0123456789abcdef")
        let digest = String((0..<64).map { index in hex[(id.unicodeScalars.reduce(index) { $0 &* 31 &+ Int($1.value) }) & 15] })
        return Attachment(
            id: id, sha256: digest, contentType: .jpeg, size: 1024, uploadedBy: user.username, createdAt: now)
    }

    /// A square polygon `size` degrees wide with its south-west corner at (`lng`, `lat`).
    public static func square(_ lng: Double, _ lat: Double, _ size: Double) -> Boundary {
        let ring = [(lng, lat), (lng + size, lat), (lng + size, lat + size), (lng, lat + size), (lng, lat)]
        return .polygon([ring.map { Boundary.Position(lng: $0.0, lat: $0.1) }])
    }
}
