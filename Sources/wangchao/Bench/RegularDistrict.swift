import WangchaoCore

/// A generated district tiled by identical rectangles, for measuring lookups at a size no real
/// street has: 10 towns × 100 communities × 5 grids × 10 micro-grids = 50,000 micro-grids by
/// default, each about 145 m × 145 m near Xiaoshan.
///
/// Every boundary is computed from integer lattice corners with one formula, so a border shared
/// by two areas has bit-identical coordinates in both, as in real, topologically clean data.
enum RegularDistrict {
    /// Micro-grid columns and rows per block at each level below the district, top down:
    /// town, community, grid, micro-grid (1 × 1).
    struct Layout {
        var towns = (columns: 5, rows: 2)
        var communitiesPerTown = (columns: 10, rows: 10)
        var gridsPerCommunity = (columns: 1, rows: 5)
        var microGridsPerGrid = (columns: 5, rows: 2)

        var microGridCount: Int {
            towns.columns * towns.rows * communitiesPerTown.columns * communitiesPerTown.rows
                * gridsPerCommunity.columns * gridsPerCommunity.rows * microGridsPerGrid.columns * microGridsPerGrid.rows
        }
    }

    static let originLng = 120.17
    static let originLat = 29.97
    static let cellLng = 0.0015
    static let cellLat = 0.0013

    /// Every area, parents first.
    static func build(_ layout: Layout = Layout()) -> [Area] {
        let levels: [(AreaLevel, (columns: Int, rows: Int))] = [
            (.town, layout.towns), (.community, layout.communitiesPerTown), (.grid, layout.gridsPerCommunity),
            (.microGrid, layout.microGridsPerGrid),
        ]
        // Block size in micro-grid cells of one area at each depth, bottom up.
        var sizes: [(columns: Int, rows: Int)] = [(1, 1)]
        for (_, split) in levels.reversed().dropLast() {
            let below = sizes[0]
            sizes.insert((below.columns * split.columns, below.rows * split.rows), at: 0)
        }
        let districtSize = (columns: sizes[0].columns * layout.towns.columns, rows: sizes[0].rows * layout.towns.rows)
        var areas = [Area(code: "330109", name: "基准区", level: .district, parentCode: nil,
                          boundary: rectangle(column: 0, row: 0, size: districtSize))]
        var parents = [(code: areas[0].code, column: 0, row: 0)]
        for (depth, (level, split)) in levels.enumerated() {
            var next: [(code: String, column: Int, row: Int)] = []
            for parent in parents {
                var number = 0
                for row in 0..<split.rows {
                    for column in 0..<split.columns {
                        number += 1
                        let code = parent.code + String(number + 1000).dropFirst()
                        let origin = (parent.column + column * sizes[depth].columns, parent.row + row * sizes[depth].rows)
                        areas.append(Area(
                            code: code, name: "\(level.chineseName)\(code.suffix(3))", level: level, parentCode: parent.code,
                            boundary: rectangle(column: origin.0, row: origin.1, size: sizes[depth])))
                        next.append((code, origin.0, origin.1))
                    }
                }
            }
            parents = next
        }
        return areas
    }

    /// A counter-clockwise closed rectangle over lattice cells.
    private static func rectangle(column: Int, row: Int, size: (columns: Int, rows: Int)) -> Boundary {
        func corner(_ x: Int, _ y: Int) -> Boundary.Position {
            Boundary.Position(lng: originLng + Double(x) * cellLng, lat: originLat + Double(y) * cellLat)
        }
        let (x0, y0, x1, y1) = (column, row, column + size.columns, row + size.rows)
        return .polygon([[corner(x0, y0), corner(x1, y0), corner(x1, y1), corner(x0, y1), corner(x0, y0)]])
    }
}
