import Testing
import WangchaoCore
import WangchaoGeo

/// Point-in-polygon on the hard spots: edges, vertices, holes, several polygons, and real
/// Xiaoshan coordinates (around 120.2° E, 30.1° N: far from the antimeridian, but not small
/// numbers near zero either).
@Suite struct PlanarShapeTests {
    /// 城厢街道's rough extent in real coordinates, with 湘湖 cut out as a hole.
    let chengxiang = Boundary.polygon([
        GeoFixtures.ring(120.22, 30.12, 120.30, 30.19),
        GeoFixtures.ring(120.23, 30.13, 120.25, 30.15),
    ])

    @Test(arguments: [
        (120.2640, 30.1650, PointLocation.inside),  // near the district government
        (120.2400, 30.1400, .outside),  // in the lake: the hole
        (120.3100, 30.1650, .outside),  // east of the street
        (120.2200, 30.1500, .onBoundary),  // on the west edge
        (120.2600, 30.1900, .onBoundary),  // on the north edge
        (120.3000, 30.1200, .onBoundary),  // the south-east vertex
        (120.2200, 30.1200, .onBoundary),  // the south-west vertex (first and last position)
        (120.2300, 30.1400, .onBoundary),  // on the hole's west edge
        (120.2500, 30.1500, .onBoundary),  // the hole's north-east vertex
        (120.2300 - 1e-7, 30.1400, .inside),  // just outside the hole: inside the street
        (120.2300 + 1e-7, 30.1400, .outside),  // just inside the hole
    ])
    func realCoordinatesWithAHole(lng: Double, lat: Double, expected: PointLocation) {
        #expect(chengxiang.locate(lng: lng, lat: lat) == expected)
    }

    @Test func pointsWithinTheToleranceOfAnEdgeAreOnIt() {
        let shape = PlanarShape(.polygon([GeoFixtures.ring(120.22, 30.12, 120.30, 30.19)]))
        #expect(shape.locate(lng: 120.22 + 5e-10, lat: 30.15) == .onBoundary)
        #expect(shape.locate(lng: 120.22 - 5e-10, lat: 30.15) == .onBoundary)
        #expect(shape.locate(lng: 120.22 + 5e-9, lat: 30.15) == .inside)
        #expect(shape.locate(lng: 120.22 - 5e-9, lat: 30.15) == .outside)
    }

    @Test func aRayThroughAVertexCountsOnce() {
        // A diamond: the eastward ray from the centre passes exactly through the east vertex.
        let diamond = Boundary.polygon([[
            GeoFixtures.position(120.25, 30.10), GeoFixtures.position(120.27, 30.12),
            GeoFixtures.position(120.25, 30.14), GeoFixtures.position(120.23, 30.12),
            GeoFixtures.position(120.25, 30.10),
        ]])
        #expect(diamond.locate(lng: 120.25, lat: 30.12) == .inside)
        #expect(diamond.locate(lng: 120.22, lat: 30.12) == .outside)
        #expect(diamond.locate(lng: 120.27, lat: 30.12) == .onBoundary)
        #expect(diamond.locate(lng: 120.26, lat: 30.11) == .onBoundary)  // mid-edge, diagonal
    }

    @Test func concaveRingsAreHandled() {
        // A U shape open to the north: the notch is outside.
        let u = Boundary.polygon([[
            GeoFixtures.position(0, 0), GeoFixtures.position(3, 0), GeoFixtures.position(3, 3),
            GeoFixtures.position(2, 3), GeoFixtures.position(2, 1), GeoFixtures.position(1, 1),
            GeoFixtures.position(1, 3), GeoFixtures.position(0, 3), GeoFixtures.position(0, 0),
        ].map { GeoFixtures.position(120 + $0.lng / 100, 30 + $0.lat / 100) }])
        #expect(u.locate(lng: 120.015, lat: 30.02) == .outside)
        #expect(u.locate(lng: 120.005, lat: 30.02) == .inside)
        #expect(u.locate(lng: 120.025, lat: 30.02) == .inside)
        #expect(u.locate(lng: 120.015, lat: 30.005) == .inside)
        #expect(u.locate(lng: 120.015, lat: 30.01) == .onBoundary)
    }

    @Test func multiPolygonsHoldPointsOfEveryPart() {
        let islands = Boundary.multiPolygon([
            [GeoFixtures.ring(120.20, 30.10, 120.21, 30.11)],
            [GeoFixtures.ring(120.30, 30.20, 120.32, 30.22), GeoFixtures.ring(120.305, 30.205, 120.315, 30.215)],
        ])
        #expect(islands.locate(lng: 120.205, lat: 30.105) == .inside)
        #expect(islands.locate(lng: 120.302, lat: 30.21) == .inside)
        #expect(islands.locate(lng: 120.31, lat: 30.21) == .outside)  // the second part's hole
        #expect(islands.locate(lng: 120.25, lat: 30.15) == .outside)  // between the parts
        #expect(islands.locate(lng: 120.21, lat: 30.11) == .onBoundary)
        #expect(islands.locate(lng: 120.305, lat: 30.21) == .onBoundary)
    }

    @Test func anIslandInsideAHoleIsInside() {
        // A ring with a hole and, as a second polygon, an island filling part of the hole.
        let shape = Boundary.multiPolygon([
            [GeoFixtures.ring(0, 0, 10, 10), GeoFixtures.ring(2, 2, 8, 8)],
            [GeoFixtures.ring(4, 4, 6, 6)],
        ])
        #expect(shape.locate(lng: 5, lat: 5) == .inside)
        #expect(shape.locate(lng: 3, lat: 3) == .outside)
        #expect(shape.locate(lng: 1, lat: 1) == .inside)
    }
}
