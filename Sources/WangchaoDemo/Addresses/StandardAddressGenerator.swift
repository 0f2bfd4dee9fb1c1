import WangchaoCore

/// The demo district's standard addresses: `count` of them spread over every micro-grid, each
/// with its point inside the micro-grid's polygon and the micro-grid's code.
///
/// Communities (社区) have two to four roads of their own with residential estates (幢/单元/室)
/// on them; villages (村) have rural houses numbered along the village (东山村12号) and a road
/// or two; shops sit on a community's main road; enterprises, facilities and public places are
/// spread over the roads. The same seed and count give the same addresses, batch by batch.
///
/// ```swift
/// var generator = StandardAddressGenerator(district: district, seed: seed, count: 200_000)
/// while let batch = generator.next(batchSize: 5_000) { try await store.saveStandardAddresses(batch) }
/// ```
public struct StandardAddressGenerator: Sendable {
    struct MicroGrid: Sendable {
        let code: String
        let ring: [Boundary.Position]
        let bounds: BoundingBox
        let community: Int
        let quota: Int
    }

    struct Community: Sendable {
        let name: String
        let townCode: String
        let townName: String
        let rural: Bool
        let roads: [String]
    }

    public let count: Int
    private let districtName: String
    private let districtCode: String
    private let microGrids: [MicroGrid]
    private let communities: [Community]
    private var rng: SeededGenerator
    private var nextNumber: [String: Int] = [:]
    private var microGridIndex = 0
    private var pending: [StandardAddress] = []
    private var pendingStart = 0

    public init(district: DemoDistrict, seed: UInt64, count: Int) {
        self.count = max(0, count)
        var rng = SeededGenerator(seed: seed, stream: "addresses")
        let root = district.areas[0]
        districtName = root.name
        districtCode = root.code
        let areas = Dictionary(uniqueKeysWithValues: district.areas.map { ($0.code, $0) })
        var roadNames = DemoRoadNames.shuffled(using: &rng)[...]
        var communities: [Community] = []
        var communityIndex: [String: Int] = [:]
        for area in district.areas where area.level == .community {
            let town = areas[String(area.code.prefix(9))]!
            let rural = area.name.hasSuffix("村")
            var roads: [String] = []
            for _ in 0..<(rural ? rng.int(in: 1...2) : rng.int(in: 2...4)) {
                // More communities than names: the rest share none and number along the village.
                if let name = roadNames.popFirst() { roads.append(name) }
            }
            communityIndex[area.code] = communities.count
            communities.append(Community(name: area.name, townCode: town.code, townName: town.name, rural: rural, roads: roads))
        }
        let grids = district.areas.filter { $0.level == .microGrid }
        microGrids = grids.enumerated().map { i, area in
            guard case .polygon(let rings)? = area.boundary else { preconditionFailure("micro-grids are polygons") }
            // The community is the micro-grid's grandparent (micro-grid → grid → community).
            let community = communityIndex[String(area.code.dropLast(6))]!
            let quota = (i + 1) * count / grids.count - i * count / grids.count
            return MicroGrid(
                code: area.code, ring: rings[0], bounds: RingGeometry.bounds(rings[0]), community: community, quota: quota)
        }
        self.communities = communities
        self.rng = rng
    }

    /// The next `batchSize` addresses (the last batch may be shorter), nil when all are made.
    public mutating func next(batchSize: Int) -> [StandardAddress]? {
        while pending.count - pendingStart < batchSize && microGridIndex < microGrids.count {
            if pendingStart > 0 {
                pending.removeFirst(pendingStart)
                pendingStart = 0
            }
            generate(microGrids[microGridIndex], serial: microGridIndex)
            microGridIndex += 1
        }
        guard pendingStart < pending.count else { return nil }
        let end = min(pending.count, pendingStart + batchSize)
        let batch = Array(pending[pendingStart..<end])
        pendingStart = end
        return batch
    }

    private mutating func generate(_ grid: MicroGrid, serial: Int) {
        let community = communities[grid.community]
        var made = 0
        func emit(
            road: String?, number: Int, building: Int? = nil, unit: Int? = nil, room: Int? = nil,
            kind: StandardAddressKind, at point: Boundary.Position
        ) {
            made += 1
            pending.append(
                StandardAddress(
                    code: "\(grid.code)-\(made.padded(5))", province: "浙江省", city: "杭州市", district: districtName,
                    town: community.townName, village: community.name, road: road, number: String(number),
                    building: building.map(String.init), unit: unit.map(String.init), room: room.map(String.init),
                    districtCode: districtCode, townCode: community.townCode, lat: point.lat, lng: point.lng,
                    microGridCode: grid.code, kind: kind))
        }
        while made < grid.quota {
            let roll = rng.unit()
            let road = community.roads.isEmpty ? nil : rng.pick(community.roads)
            if roll < 0.85 {
                if community.rural && (road == nil || rng.chance(0.75)) {
                    // A rural house, numbered along the village.
                    emit(road: nil, number: takeNumber(community.name, step: 1), kind: .dwelling, at: point(in: grid))
                    continue
                }
                // An estate: buildings of units of floors, two flats a floor, until the quota runs out.
                let number = takeNumber(road!, step: 2)
                let buildings = community.rural ? rng.int(in: 1...4) : rng.int(in: 2...12)
                let units = rng.int(in: 1...3)
                let floors = community.rural ? rng.int(in: 3...6) : rng.int(in: 5...18)
                estate: for building in 1...buildings {
                    let spot = point(in: grid)
                    for unit in 1...units {
                        for floor in 1...floors {
                            for flat in 1...2 {
                                guard made < grid.quota else { break estate }
                                emit(
                                    road: road, number: number, building: building, unit: unit, room: floor * 100 + flat,
                                    kind: .dwelling, at: spot)
                            }
                        }
                    }
                }
            } else if let road {
                let kind: StandardAddressKind =
                    roll < 0.92 ? .shop : roll < 0.96 ? .enterprise : roll < 0.985 ? .facility : .publicPlace
                // Shops line the community's main road.
                let onRoad = kind == .shop ? community.roads[0] : road
                let number = takeNumber(onRoad, step: rng.int(in: 1...2))
                let building = kind == .enterprise && rng.chance(0.4) ? rng.int(in: 1...6) : nil
                emit(road: onRoad, number: number, building: building, kind: kind, at: point(in: grid))
            } else {
                emit(road: nil, number: takeNumber(community.name, step: 1), kind: .dwelling, at: point(in: grid))
            }
        }
    }

    /// The next house number on `place`, which runs across the place's micro-grids.
    private mutating func takeNumber(_ place: String, step: Int) -> Int {
        let number = nextNumber[place, default: 1]
        nextNumber[place] = number + step
        return number
    }

    /// A point inside the micro-grid's polygon (its first vertex if a hundred draws miss).
    private mutating func point(in grid: MicroGrid) -> Boundary.Position {
        let box = grid.bounds
        for _ in 0..<100 {
            let lng = rng.double(in: box.minLng...box.maxLng), lat = rng.double(in: box.minLat...box.maxLat)
            if RingGeometry.contains(grid.ring, lng: lng, lat: lat) { return Boundary.Position(lng: lng, lat: lat) }
        }
        return grid.ring[0]
    }
}

extension Int {
    fileprivate func padded(_ width: Int) -> String {
        let s = String(self)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}
