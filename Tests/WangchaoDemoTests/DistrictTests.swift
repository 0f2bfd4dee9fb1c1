import Testing
import WangchaoCore
@testable import WangchaoDemo

@Suite struct DistrictTests {
    let areas = Fixtures.district.areas

    @Test func chengxiangHasItsRealSize() {
        let chengxiang = areas.filter { $0.code.hasPrefix("330109001") }
        #expect(chengxiang.count { $0.level == .cluster } == 14)
        #expect(chengxiang.count { $0.level == .community } == 36)
        #expect(chengxiang.count { $0.level == .grid } == 186)
        #expect(chengxiang.count { $0.level == .microGrid } == 1_904)
        for cluster in chengxiang where cluster.level == .cluster {
            #expect((2...3).contains(Fixtures.children(of: cluster.code).count), "\(cluster.name)")
        }
    }

    @Test func theDistrictHasItsTwentyTwoRealTowns() {
        let towns = areas.filter { $0.level == .town }
        #expect(areas.first?.code == "330109")
        #expect(areas.first?.parentCode == nil)
        #expect(towns.count == 22)
        #expect(towns.contains { $0.code == "330109001" && $0.name == "城厢街道" })
        #expect(towns.contains { $0.code == "330109120" && $0.name == "党湾镇" })
    }

    @Test func otherTownsAreCoarse() {
        for town in areas where town.level == .town && town.code != "330109001" {
            let communities = Fixtures.children(of: town.code)
            #expect(!communities.isEmpty, "\(town.name)")
            #expect(communities.allSatisfy { $0.level == .community }, "\(town.name) has no clusters")
            for community in communities {
                let grids = Fixtures.children(of: community.code)
                #expect((1...2).contains(grids.count))
                for grid in grids { #expect((1...2).contains(Fixtures.children(of: grid.code).count)) }
            }
        }
    }

    @Test func everyCodeIsValidUniqueAndItsParentComesFirst() {
        var seen: [String: AreaLevel] = [:]
        for area in areas {
            #expect(seen[area.code] == nil, "duplicate \(area.code)")
            #expect(AreaCode.isValid(area.code, level: area.level, parentCode: area.parentCode), "\(area.code)")
            if let parentCode = area.parentCode {
                let parentLevel = seen[parentCode]
                #expect(parentLevel != nil, "parent of \(area.code) comes before it")
                #expect(parentLevel?.allowedChildLevels.contains(area.level) == true, "\(area.code) under \(parentCode)")
            }
            seen[area.code] = area.level
        }
    }

    @Test func unitsExistForEveryGridCommunityAndTown() {
        let units = Fixtures.unitsById
        #expect(units.count == Fixtures.district.units.count, "unit ids are unique")
        for area in areas {
            switch area.level {
            case .grid: #expect(units["grid-\(area.code)"]?.kind == .gridTeam)
            case .community: #expect(units["community-\(area.code)"]?.kind == .community)
            case .town:
                #expect(units["town-\(area.code)"]?.kind == .townOffice)
                for platform in Platform.allCases {
                    let unit = units["platform-\(area.code)-\(platform.rawValue)"]
                    #expect(unit?.kind == .platform && unit?.platform == platform && unit?.areaCode == area.code)
                }
            default: break
            }
        }
        #expect(units["platform-330109001-enforcement"]?.name == "城厢街道综合执法平台")
        #expect(units["district-330109"]?.name == "萧山区社会治理中心")
        let departments = ["market", "enforcement", "emergency", "police", "hrss", "housing", "transport", "health"]
        for id in departments { #expect(units["dept-\(id)"]?.kind == .department, "dept-\(id)") }
    }

    @Test func everyUnitIsStaffed() {
        let users = Fixtures.district.users
        #expect(Set(users.map(\.username)).count == users.count, "usernames are unique")
        #expect(users.allSatisfy { $0.username.allSatisfy(\.isASCII) && !$0.displayName.isEmpty })
        let byUnit = Dictionary(grouping: users.filter { $0.unitId != nil }) { $0.unitId! }
        for unit in Fixtures.district.units {
            let staff = byUnit[unit.id] ?? []
            switch unit.kind {
            case .gridTeam:
                #expect(staff.count == 1 && staff[0].role == .gridWorker && staff[0].scope == .area(unit.areaCode))
            case .community:
                #expect((1...2).contains(staff.count) && staff.allSatisfy { $0.role == .communityStaff && $0.scope == .area(unit.areaCode) })
            case .townOffice:
                #expect(staff.count == 2 && staff.allSatisfy { $0.role == .townDispatcher && $0.scope == .area(unit.areaCode) })
            case .platform, .department:
                #expect((1...2).contains(staff.count) && staff.allSatisfy { $0.role == .departmentHandler && $0.scope == .unit(unit.id) })
            case .commandCenter:
                #expect(staff.count == 2 && staff.allSatisfy { $0.role == .districtCommander })
            }
        }
        #expect(users.count { $0.role == .admin } == 1)
        #expect(users.count { $0.role == .observer } == 1)
    }

    @Test func demoUsersHaveTheirDocumentedRolesAndPlaces() throws {
        let expected: [(String, Role, Scope)] = [
            ("demo.grid", .gridWorker, .area(DemoUsers.gridCode)),
            ("demo.community", .communityStaff, .area(DemoUsers.communityCode)),
            ("demo.dispatcher", .townDispatcher, .area("330109001")),
            ("demo.handler", .departmentHandler, .unit("platform-330109001-enforcement")),
            ("demo.commander", .districtCommander, .area("330109")),
            ("demo.admin", .admin, .area("330109")),
            ("demo.observer", .observer, .area("330109")),
        ]
        #expect(Fixtures.district.demoUsers.map(\.username) == expected.map(\.0))
        for (username, role, scope) in expected {
            let user = try #require(Fixtures.usersByName[username])
            #expect(user.role == role && user.scope == scope, "\(username)")
            let demo = try #require(Fixtures.district.demoUsers.first { $0.username == username })
            #expect(demo.role == role && demo.scope == scope && demo.displayName == user.displayName)
        }
        #expect(Fixtures.usersByName["demo.handler"]?.unitId == "platform-330109001-enforcement")
        #expect(Fixtures.areasByCode[DemoUsers.gridCode]?.parentCode == DemoUsers.communityCode)
        #expect(Fixtures.district.demoUsers[0].scopeDescription.hasPrefix("城厢街道"))
        #expect(Fixtures.district.demoUsers[3].scopeDescription == "城厢街道综合执法平台")
    }

    @Test func sameSeedSameDistrictOtherSeedOtherDistrict() throws {
        let again = try DemoDistrict.build(seed: DemoOptions.defaultSeed)
        #expect(again.areas == Fixtures.district.areas)
        #expect(again.units == Fixtures.district.units)
        #expect(again.users == Fixtures.district.users)
        let other = try DemoDistrict.build(seed: 7)
        #expect(other.areas != Fixtures.district.areas)
        #expect(other.users.map(\.displayName) != Fixtures.district.users.map(\.displayName))
    }

    @Test func partitionIsExactAndWithinBounds() {
        var rng = SeededGenerator(seed: 1)
        for _ in 0..<50 {
            let parts = DistrictBuilder.partition(1_904, into: 186, each: 7...14, using: &rng)
            #expect(parts.reduce(0, +) == 1_904)
            #expect(parts.allSatisfy { (7...14).contains($0) })
        }
    }
}
