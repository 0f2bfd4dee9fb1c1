import WangchaoCore

/// Turns lattice points into longitude/latitude, bending straight lattice lines into natural
/// looking borders with a smooth, seeded displacement.
///
/// The displacement is value noise in three octaves (about 900 m, 150 m and 20 m of sway over
/// 15 km, 3.6 km and 700 m). Each partial derivative of the displacement stays below 0.4, so
/// its Jacobian's norm stays below 0.8 and the map is one-to-one and keeps orientation: tiles
/// stay tiles and rings stay counter-clockwise. It uses only `+ - * /`, so a point projects to
/// the same bits on every platform, and a point shared by two rings is identical in both.
struct LatticeProjection: Sendable {
    /// The south-west corner of the lattice, in degrees.
    static let originLongitude = 120.17
    static let originLatitude = 29.97
    /// Degrees per lattice unit.
    static let unit = 1e-6
    /// The lattice's extent: 0.36° × 0.31°, which with the largest displacement (0.0107°) stays
    /// well inside the box 120.15–120.55 E, 29.95–30.30 N.
    static let bounds = LatticeRect(minX: 0, minY: 0, maxX: 360_000, maxY: 310_000)

    /// (cell size, amplitude) in lattice units; slope per octave ≤ 3 × amplitude / cell.
    private static let octaves: [(cell: Double, amplitude: Double)] = [(150_000, 9_000), (36_000, 1_500), (7_000, 200)]

    private let seed: UInt64

    init(seed: UInt64) {
        self.seed = seed
    }

    func position(_ point: LatticePoint) -> Boundary.Position {
        let x = Double(point.x), y = Double(point.y)
        var dx = 0.0, dy = 0.0
        for (index, octave) in Self.octaves.enumerated() {
            dx += octave.amplitude * noise(x / octave.cell, y / octave.cell, channel: UInt64(2 * index))
            dy += octave.amplitude * noise(x / octave.cell, y / octave.cell, channel: UInt64(2 * index + 1))
        }
        return Boundary.Position(
            lng: Self.originLongitude + (x + dx) * Self.unit, lat: Self.originLatitude + (y + dy) * Self.unit)
    }

    /// Smooth noise in `-1...1`: random values at integer cell corners, blended with smoothstep.
    private func noise(_ x: Double, _ y: Double, channel: UInt64) -> Double {
        let cellX = x.rounded(.down), cellY = y.rounded(.down)
        let fx = smoothstep(x - cellX), fy = smoothstep(y - cellY)
        let ix = Int64(cellX), iy = Int64(cellY)
        let south = lerp(corner(ix, iy, channel), corner(ix + 1, iy, channel), fx)
        let north = lerp(corner(ix, iy + 1, channel), corner(ix + 1, iy + 1, channel), fx)
        return lerp(south, north, fy)
    }

    private func corner(_ ix: Int64, _ iy: Int64, _ channel: UInt64) -> Double {
        var key = SplitMix64.mix(seed ^ channel)
        key = SplitMix64.mix(key ^ UInt64(bitPattern: ix))
        key = SplitMix64.mix(key ^ UInt64(bitPattern: iy))
        return Double(key >> 11) * 0x1.0p-52 - 1
    }

    private func smoothstep(_ t: Double) -> Double { t * t * (3 - 2 * t) }

    private func lerp(_ a: Double, _ b: Double, _ t: Double) -> Double { a + (b - a) * t }
}
