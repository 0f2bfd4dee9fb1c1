import WangchaoCore

/// Every body a case can be assigned to in the demo district, with stable ids: a team per grid,
/// a committee per community, per town its office and four platforms (四平台), the district
/// command centre and eight district departments.
enum UnitBuilder {
    /// A district department of the demo.
    struct Department {
        let id: String
        let name: String
        let platform: Platform
    }

    static let commandCenterName = "萧山区社会治理中心"

    static let departments: [Department] = [
        .init(id: "dept-market", name: "区市场监管局", platform: .market),
        .init(id: "dept-enforcement", name: "区综合行政执法局", platform: .enforcement),
        .init(id: "dept-emergency", name: "区应急管理局", platform: .governance),
        .init(id: "dept-police", name: "公安萧山分局", platform: .governance),
        .init(id: "dept-hrss", name: "区人力社保局", platform: .service),
        .init(id: "dept-housing", name: "区住建局", platform: .service),
        .init(id: "dept-transport", name: "区交通运输局", platform: .governance),
        .init(id: "dept-health", name: "区卫生健康局", platform: .service),
    ]

    static func gridTeamId(_ gridCode: String) -> String { "grid-\(gridCode)" }
    static func communityId(_ communityCode: String) -> String { "community-\(communityCode)" }
    static func townOfficeId(_ townCode: String) -> String { "town-\(townCode)" }
    static func platformId(_ townCode: String, _ platform: Platform) -> String { "platform-\(townCode)-\(platform.rawValue)" }
    static func commandCenterId(_ districtCode: String) -> String { "district-\(districtCode)" }

    /// The units of `areas` (ordered parents first): district units, then per town its office and
    /// platforms, then communities, then grid teams.
    static func units(for areas: [Area]) -> [Unit] {
        var units: [Unit] = []
        for area in areas {
            switch area.level {
            case .district:
                units.append(Unit(id: commandCenterId(area.code), name: commandCenterName, kind: .commandCenter, areaCode: area.code))
                units += departments.map {
                    Unit(id: $0.id, name: $0.name, kind: .department, areaCode: area.code, platform: $0.platform)
                }
            case .town:
                let office = area.name.hasSuffix("镇") ? "人民政府" : "办事处"
                units.append(Unit(id: townOfficeId(area.code), name: area.name + office, kind: .townOffice, areaCode: area.code))
                units += Platform.allCases.map { platform in
                    Unit(
                        id: platformId(area.code, platform), name: "\(area.name)\(platform.chineseName)平台", kind: .platform,
                        areaCode: area.code, platform: platform)
                }
            case .community:
                let committee = area.name.hasSuffix("村") ? "村民委员会" : "居民委员会"
                units.append(Unit(id: communityId(area.code), name: area.name + committee, kind: .community, areaCode: area.code))
            case .grid:
                units.append(Unit(id: gridTeamId(area.code), name: area.name + "服务团队", kind: .gridTeam, areaCode: area.code))
            case .cluster, .microGrid:
                break
            }
        }
        return units
    }
}
