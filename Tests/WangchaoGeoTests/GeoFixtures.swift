import WangchaoCore
import WangchaoDemo
import WangchaoGeo

/// Shared, built once: the demo district, its locator and the prepared micro-grids of it.
enum GeoFixtures {
    static let chengxiang = "330109001"
    static let demo: [Area] = (try? DemoDistrict.build(seed: DemoOptions.defaultSeed).areas) ?? []
    static let locator: AreaLocator? = try? AreaLocator(areas: demo)
    /// Every micro-grid of the district with its prepared shape, for brute-force checks.
    static let microGrids: [(area: Area, shape: PlanarShape)] = demo.compactMap { area in
        guard area.level == .microGrid, let boundary = area.boundary else { return nil }
        return (area, PlanarShape(boundary))
    }

    static func position(_ lng: Double, _ lat: Double) -> Boundary.Position { .init(lng: lng, lat: lat) }

    /// A closed counter-clockwise rectangle.
    static func ring(_ minLng: Double, _ minLat: Double, _ maxLng: Double, _ maxLat: Double) -> [Boundary.Position] {
        [
            position(minLng, minLat), position(maxLng, minLat), position(maxLng, maxLat), position(minLng, maxLat),
            position(minLng, minLat),
        ]
    }

    /// Micro-grids holding the point by brute force: codes strictly inside, codes on the boundary.
    static func holders(lng: Double, lat: Double) -> (inside: [String], onBoundary: [String]) {
        var inside: [String] = [], onBoundary: [String] = []
        for (area, shape) in microGrids where shape.bounds.contains(lng: lng, lat: lat, tolerance: 1e-9) {
            switch shape.locate(lng: lng, lat: lat) {
            case .inside: inside.append(area.code)
            case .onBoundary: onBoundary.append(area.code)
            case .outside: break
            }
        }
        return (inside.sorted(), onBoundary.sorted())
    }
}
