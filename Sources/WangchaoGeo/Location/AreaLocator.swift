import WangchaoCore

/// Resolves a point to the micro-grid holding it and the whole chain up to the district.
///
/// Built once from every area (the spatial index over micro-grid bounding boxes is the costly
/// part); afterwards lookups are read-only and the locator can be shared across tasks.
///
/// **Placement rules**, in order:
/// 1. Micro-grids whose polygon holds the point strictly inside win; if several do (overlapping
///    data), the lowest code wins and the reason says so.
/// 2. Else micro-grids with the point on an edge or a vertex: the **lowest code wins**. Codes
///    are unique and totally ordered, so the answer never depends on input or index order.
/// 3. Else the hierarchy is descended from the district, each step taking the child whose
///    boundary holds the point (same tie rule), and the point goes to the lowest area reached,
///    with reason ``LocationResolution/Reason/noMicroGridContainsPoint``.
/// 4. If not even a town holds it, the district: with reason
///    ``LocationResolution/Reason/noMicroGridContainsPoint`` when the district's own boundary
///    holds it, else ``LocationResolution/Reason/outsideDistrict``.
///
/// ```swift
/// let locator = try AreaLocator(areas: try await store.areas(level: nil, parentCode: nil))
/// let place = locator.locate(latitude: 30.16, longitude: 120.26)
/// place.chain.map(\.name)   // ["萧山区", "城厢街道", …, "…微网格"]
/// ```
public struct AreaLocator: Sendable {
    private let areas: [Area]
    private let parents: [Int]
    private let children: [[Int]]
    private let shapes: [PlanarShape?]
    private let root: Int
    /// Area indices of the indexed micro-grids, by their position in ``index``.
    private let microGrids: [Int]
    private let index: GridIndex

    /// Prepares every boundary and indexes the micro-grids.
    ///
    /// - Throws: ``AreaLocatorError`` when there is not exactly one root area, a code repeats or
    ///   a parent is missing.
    public init(areas: [Area]) throws(AreaLocatorError) {
        var positions: [String: Int] = [:]
        positions.reserveCapacity(areas.count)
        for (position, area) in areas.enumerated() {
            guard positions.updateValue(position, forKey: area.code) == nil else {
                throw .duplicateCode(area.code)
            }
        }
        var parents = [Int](repeating: -1, count: areas.count)
        var children = [[Int]](repeating: [], count: areas.count)
        var roots: [Int] = []
        for (position, area) in areas.enumerated() {
            guard let parentCode = area.parentCode else {
                roots.append(position)
                continue
            }
            guard let parent = positions[parentCode] else { throw .missingParent(code: area.code, parent: parentCode) }
            parents[position] = parent
            children[parent].append(position)
        }
        guard let root = roots.first else { throw .noDistrict }
        guard roots.count == 1 else { throw .severalRoots(roots.map { areas[$0].code }.sorted()) }
        if let stranded = Self.firstNotReaching(root, parents: parents) { throw .cycle(areas[stranded].code) }

        let shapes = areas.map { $0.boundary.map(PlanarShape.init) }
        let microGrids = areas.indices.filter { areas[$0].level == .microGrid && shapes[$0] != nil }
        self.areas = areas
        self.parents = parents
        self.children = children
        self.shapes = shapes
        self.root = root
        self.microGrids = microGrids
        index = GridIndex(boxes: microGrids.map { shapes[$0]?.bounds ?? .empty })
    }

    /// How many micro-grids the spatial index holds.
    public var indexedMicroGridCount: Int { microGrids.count }

    /// Places the point (WGS-84 degrees, as in GeoJSON).
    public func locate(latitude: Double, longitude: Double) -> LocationResolution {
        guard latitude.isFinite, longitude.isFinite, abs(latitude) <= 90, abs(longitude) <= 180 else {
            return resolution(root, reason: .invalidCoordinate)
        }
        if let found = microGrid(lng: longitude, lat: latitude) { return found }
        let lowest = descend(lng: longitude, lat: latitude)
        let insideDistrict = shapes[root].map { $0.locate(lng: longitude, lat: latitude) != .outside } ?? false
        let reason: LocationResolution.Reason =
            lowest != root || insideDistrict ? .noMicroGridContainsPoint : .outsideDistrict
        return resolution(lowest, reason: reason)
    }

    /// Rules 1 and 2: the index's candidates, strictly inside first, then on the boundary.
    ///
    /// The common case (strictly inside one micro-grid) allocates nothing; the candidate lists
    /// for the reason are gathered in a second pass only when there is a tie to record.
    private func microGrid(lng: Double, lat: Double) -> LocationResolution? {
        let candidates = index.candidates(lng: lng, lat: lat)
        var inside = -1, insideCount = 0, onBoundaryCount = 0
        for candidate in candidates {
            let position = microGrids[Int(candidate)]
            switch shapes[position]?.locate(lng: lng, lat: lat) {
            case .inside:
                inside = position
                insideCount += 1
            case .onBoundary: onBoundaryCount += 1
            case .outside, nil: continue
            }
        }
        if insideCount == 1 { return resolution(inside, reason: .insideMicroGrid) }
        guard insideCount > 0 || onBoundaryCount > 0 else { return nil }
        let wanted: PointLocation = insideCount > 0 ? .inside : .onBoundary
        let holding = candidates.map { microGrids[Int($0)] }.filter { shapes[$0]?.locate(lng: lng, lat: lat) == wanted }
        let codes = holding.map { areas[$0].code }.sorted()
        let reason: LocationResolution.Reason =
            insideCount > 0 ? .overlapping(candidates: codes) : .onBoundary(candidates: codes)
        return resolution(lowest(holding), reason: reason)
    }

    /// Rule 3: from the district down, into the child holding the point, as far as it goes.
    private func descend(lng: Double, lat: Double) -> Int {
        var current = root
        while true {
            var inside: [Int] = []
            var onBoundary: [Int] = []
            for child in children[current] {
                switch shapes[child]?.locate(lng: lng, lat: lat) {
                case .inside: inside.append(child)
                case .onBoundary: onBoundary.append(child)
                case .outside, nil: continue
                }
            }
            let holding = inside.isEmpty ? onBoundary : inside
            guard !holding.isEmpty else { return current }
            current = lowest(holding)
        }
    }

    /// An area whose parent chain loops instead of reaching the root, if any.
    private static func firstNotReaching(_ root: Int, parents: [Int]) -> Int? {
        var reaches = [Bool](repeating: false, count: parents.count)
        reaches[root] = true
        for start in parents.indices where !reaches[start] {
            var path: [Int] = []
            var current = start
            while current >= 0, !reaches[current], path.count <= parents.count {
                path.append(current)
                current = parents[current]
            }
            guard current >= 0, reaches[current] else { return start }
            for visited in path { reaches[visited] = true }
        }
        return nil
    }

    private func lowest(_ positions: [Int]) -> Int {
        positions.min { areas[$0].code < areas[$1].code } ?? root
    }

    private func resolution(_ position: Int, reason: LocationResolution.Reason) -> LocationResolution {
        var chain: [Area] = []
        var current = position
        while current >= 0 {
            chain.append(areas[current])
            current = parents[current]
        }
        chain.reverse()
        return LocationResolution(chain: chain, matchedLevel: areas[position].level, reason: reason)
    }
}
