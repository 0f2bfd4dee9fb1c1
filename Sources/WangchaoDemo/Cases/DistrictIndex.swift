import WangchaoCore

/// Lookups over a ``DemoDistrict`` that case generation needs: where each micro-grid lies and
/// who works for what.
struct DistrictIndex {
    /// One micro-grid with the places above it, for locating and routing a case.
    struct Place {
        let microGrid: Area
        let ring: [Boundary.Position]
        let bounds: BoundingBox
        let gridCode: String
        let community: Area
        let town: Area
        /// Position of the community in the district, to give it its own streets.
        let communityOrdinal: Int
    }

    let districtName: String
    let places: [Place]
    /// Indices into ``places`` by town code.
    let placesByTown: [String: [Int]]
    /// Indices into ``places`` by micro-grid code.
    let placeByMicroGrid: [String: Int]
    let unitsById: [String: Unit]
    let gridWorkers: [String: User]
    let usersByUnit: [String: [User]]
    let dispatchersByTown: [String: [User]]
    let commanders: [User]

    init(_ district: DemoDistrict) {
        let areas = Dictionary(uniqueKeysWithValues: district.areas.map { ($0.code, $0) })
        let communityOrdinals = Dictionary(
            uniqueKeysWithValues: district.areas.filter { $0.level == .community }.enumerated().map { ($1.code, $0) })
        districtName = district.areas[0].name
        let places = district.areas.filter { $0.level == .microGrid }.map { microGrid in
            let grid = areas[microGrid.parentCode!]!
            let community = areas[grid.parentCode!]!
            guard case .polygon(let rings)? = microGrid.boundary else { preconditionFailure("micro-grids are polygons") }
            return Place(
                microGrid: microGrid, ring: rings[0], bounds: RingGeometry.bounds(rings[0]), gridCode: grid.code,
                community: community, town: areas[String(microGrid.code.prefix(9))]!,
                communityOrdinal: communityOrdinals[community.code]!)
        }
        self.places = places
        placesByTown = Dictionary(grouping: places.indices) { places[$0].town.code }
        placeByMicroGrid = Dictionary(uniqueKeysWithValues: places.indices.map { (places[$0].microGrid.code, $0) })
        unitsById = Dictionary(uniqueKeysWithValues: district.units.map { ($0.id, $0) })
        gridWorkers = Dictionary(uniqueKeysWithValues: district.users.filter { $0.role == .gridWorker }.map {
            ($0.scope.text, $0)
        })
        usersByUnit = Dictionary(grouping: district.users.filter { $0.unitId != nil }) { $0.unitId! }
        dispatchersByTown = Dictionary(grouping: district.users.filter { $0.role == .townDispatcher }) { $0.scope.text }
        commanders = district.users.filter { $0.role == .districtCommander }
    }
}
