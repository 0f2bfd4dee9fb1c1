import WangchaoCore

/// Draws what comes in: where, what kind, through which channel, how urgent, described how and
/// by whom.
struct IntakeSampler: Sendable {
    /// 城厢街道's share of all cases: the old town is the busiest street.
    static let detailedTownShare = 0.4
    /// How much likelier each micro-grid of `demo.grid`'s grid is than another of 城厢's, so the
    /// demo account has a full inbox.
    static let demoGridBoost = 4.0

    private static let mobilePrefixes = [
        "130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "155", "157", "158", "159",
        "166", "177", "180", "181", "182", "186", "187", "188", "189", "198", "199",
    ]

    private let index: DistrictIndex
    private let categories: [Category]
    private let categoryWeights: [Double]
    private let towns: [String]
    private let townWeights: [Double]
    private let placeWeightsByTown: [String: [Double]]

    init(index: DistrictIndex, catalog: CategoryCatalog) {
        self.index = index
        categories = catalog.categories
        categoryWeights = catalog.categories.map { CategoryMix.weights[$0.code] ?? 0 }
        towns = index.placesByTown.keys.sorted()
        let communities = towns.map { town in Set(index.placesByTown[town]!.map { index.places[$0].community.code }).count }
        let otherCommunities = Double(zip(towns, communities).filter { $0.0 != DistrictBuilder.detailedTownCode }.map(\.1).reduce(0, +))
        townWeights = zip(towns, communities).map { town, count in
            town == DistrictBuilder.detailedTownCode
                ? Self.detailedTownShare : (1 - Self.detailedTownShare) * Double(count) / otherCommunities
        }
        placeWeightsByTown = index.placesByTown.mapValues { places in
            places.map { index.places[$0].gridCode == DemoUsers.gridCode ? Self.demoGridBoost : 1 }
        }
    }

    /// A micro-grid, 城厢 getting its share and the rest by number of communities.
    func place(using rng: inout SeededGenerator) -> DistrictIndex.Place {
        let town = towns[rng.index(weights: townWeights)]
        let places = index.placesByTown[town]!
        return index.places[places[rng.index(weights: placeWeightsByTown[town]!)]]
    }

    func category(using rng: inout SeededGenerator) -> Category {
        categories[rng.index(weights: categoryWeights)]
    }

    func source(for category: Category, using rng: inout SeededGenerator) -> SourceChannel {
        let weights = CategoryMix.sourceWeights(category)
        return weights[rng.index(weights: weights.map(\.1))].0
    }

    func priority(for category: Category, using rng: inout SeededGenerator) -> Priority {
        rng.chance(CategoryMix.urgentShare(category)) ? .urgent : .normal
    }

    /// A point inside the micro-grid and an address on one of its community's streets.
    func location(in place: DistrictIndex.Place, scene: Scene, using rng: inout SeededGenerator) -> Location {
        let address = "\(index.districtName)\(place.town.name)\(place.community.name)\(scene.road)\(scene.number)号"
        let box = place.bounds
        for _ in 0..<100 {
            let lng = rng.double(in: box.minLng...box.maxLng), lat = rng.double(in: box.minLat...box.maxLat)
            if RingGeometry.contains(place.ring, lng: lng, lat: lat) { return Location(lat: lat, lng: lng, address: address) }
        }
        preconditionFailure("no point found inside micro-grid \(place.microGrid.code)")
    }

    /// The caller or sender, for channels that have one: patrols, city inspectors and connected
    /// systems report as themselves. Some callers stay anonymous; hotline callers often give only
    /// a surname.
    func reporter(for source: SourceChannel, using rng: inout SeededGenerator) -> Reporter? {
        switch source {
        case .gridPatrol, .cityManagement, .external:
            return nil
        case .hotline12345, .police110, .citizenApp, .chatGroup, .enterprise, .open311:
            let phone = rng.pick(Self.mobilePrefixes) + String((0..<8).map { _ in Character(String(rng.int(below: 10))) })
            if source != .enterprise, rng.chance(0.12) {
                return Reporter(phone: source == .hotline12345 || source == .police110 ? phone : nil, anonymous: true)
            }
            let name = source != .enterprise && rng.chance(0.5)
                ? ChineseNames.surname(using: &rng) + (rng.chance(0.5) ? "先生" : "女士")
                : ChineseNames.random(using: &rng)
            return Reporter(name: name, phone: phone)
        }
    }
}
