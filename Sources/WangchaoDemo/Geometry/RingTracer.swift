/// Traces the boundary ring of each rectangle of a tiling through every point that lies on it.
///
/// Two rings sharing a stretch of border must list the same points along it, or after warping a
/// point on one side would bulge away from the other's straight segment and open a sliver. So a
/// side passes through every corner of every rectangle (of any level) lying on it, plus points
/// at every multiple of `step` so that long borders bend smoothly. Both sets depend only on the
/// line and the stretch, so neighbours, parents and children agree exactly.
struct RingTracer {
    private let step: Int
    /// For each horizontal line `y`, the sorted x of corners on it.
    private let cornersOnRow: [Int: [Int]]
    /// For each vertical line `x`, the sorted y of corners on it.
    private let cornersOnColumn: [Int: [Int]]

    init(rects: [LatticeRect], step: Int) {
        var rows: [Int: Set<Int>] = [:]
        var columns: [Int: Set<Int>] = [:]
        for corner in rects.lazy.flatMap(\.corners) {
            rows[corner.y, default: []].insert(corner.x)
            columns[corner.x, default: []].insert(corner.y)
        }
        self.step = step
        cornersOnRow = rows.mapValues { $0.sorted() }
        cornersOnColumn = columns.mapValues { $0.sorted() }
    }

    /// The closed ring of `rect`, counter-clockwise from its south-west corner, first point repeated last.
    func ring(of rect: LatticeRect) -> [LatticePoint] {
        var ring: [LatticePoint] = []
        for x in [rect.minX] + stops(cornersOnRow[rect.minY], from: rect.minX, to: rect.maxX) {
            ring.append(.init(x: x, y: rect.minY))
        }
        for y in [rect.minY] + stops(cornersOnColumn[rect.maxX], from: rect.minY, to: rect.maxY) {
            ring.append(.init(x: rect.maxX, y: y))
        }
        for x in [rect.maxX] + stops(cornersOnRow[rect.maxY], from: rect.minX, to: rect.maxX).reversed() {
            ring.append(.init(x: x, y: rect.maxY))
        }
        for y in [rect.maxY] + stops(cornersOnColumn[rect.minX], from: rect.minY, to: rect.maxY).reversed() {
            ring.append(.init(x: rect.minX, y: y))
        }
        ring.append(ring[0])
        return ring
    }

    /// The sorted coordinates strictly between `low` and `high` where the side must have a point:
    /// corners on its line and multiples of `step`.
    private func stops(_ corners: [Int]?, from low: Int, to high: Int) -> [Int] {
        var result = Set(stride(from: (low / step + 1) * step, to: high, by: step))
        if let corners {
            var index = firstIndex(in: corners, above: low)
            while index < corners.count, corners[index] < high {
                result.insert(corners[index])
                index += 1
            }
        }
        return result.sorted()
    }

    /// The index of the first element greater than `value` in a sorted array.
    private func firstIndex(in sorted: [Int], above value: Int) -> Int {
        var low = 0, high = sorted.count
        while low < high {
            let mid = (low + high) / 2
            if sorted[mid] <= value { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
