/// A uniform grid over bounding boxes, built once: each cell lists the boxes that overlap it, so a
/// point lookup reads one cell and tests a handful of candidates.
///
/// A uniform grid suits tilings (micro-grids are many, small and of similar size) better than a
/// tree: a lookup is two multiplications and one array slice, with no pointer chasing. Cells are
/// sized for about one box per cell. Storage is compressed rows (one offsets array and one
/// entries array), so 50,000 boxes cost a few hundred kilobytes and no per-cell allocation.
public struct GridIndex: Sendable {
    public let bounds: BoundingBox
    public let columns: Int
    public let rows: Int
    private let cellWidth: Double
    private let cellHeight: Double
    /// Entries of cell `c` are `entries[offsets[c] ..< offsets[c + 1]]`.
    private let offsets: [Int32]
    private let entries: [Int32]

    /// Indexes `boxes`; a box's position in the array is the value ``candidates(lng:lat:)`` yields.
    ///
    /// - Parameter boxesPerCell: the aimed-for average number of boxes per cell.
    public init(boxes: [BoundingBox], boxesPerCell: Double = 1) {
        let total = boxes.reduce(BoundingBox.empty) { $1.isEmpty ? $0 : $0.union($1) }
        let usable = !total.isEmpty && !boxes.isEmpty
        bounds = usable ? total : BoundingBox(minLng: 0, minLat: 0, maxLng: 0, maxLat: 0)
        let width = max(bounds.maxLng - bounds.minLng, 1e-12), height = max(bounds.maxLat - bounds.minLat, 1e-12)
        let cells = max(1, Double(boxes.count) / max(boxesPerCell, 0.01))
        let columns = usable ? max(1, min(4096, Int((cells * width / height).squareRoot().rounded(.up)))) : 1
        let rows = usable ? max(1, min(4096, Int((cells / Double(columns)).rounded(.up)))) : 1
        self.columns = columns
        self.rows = rows
        cellWidth = width / Double(columns)
        cellHeight = height / Double(rows)

        var counts = [Int32](repeating: 0, count: columns * rows + 1)
        var spans: [(Int, Int, Int, Int)?] = []
        spans.reserveCapacity(boxes.count)
        for box in boxes {
            guard usable, !box.isEmpty else {
                spans.append(nil)
                continue
            }
            let slack = PlanarRing.tolerance
            let span = (
                Self.clamp(box.minLng - slack, bounds.minLng, cellWidth, columns),
                Self.clamp(box.maxLng + slack, bounds.minLng, cellWidth, columns),
                Self.clamp(box.minLat - slack, bounds.minLat, cellHeight, rows),
                Self.clamp(box.maxLat + slack, bounds.minLat, cellHeight, rows))
            spans.append(span)
            for row in span.2...span.3 {
                for column in span.0...span.1 { counts[row * columns + column + 1] += 1 }
            }
        }
        for cell in 1..<counts.count { counts[cell] += counts[cell - 1] }
        var next = counts
        var entries = [Int32](repeating: 0, count: Int(counts[counts.count - 1]))
        for (index, span) in spans.enumerated() {
            guard let span else { continue }
            for row in span.2...span.3 {
                for column in span.0...span.1 {
                    let cell = row * columns + column
                    entries[Int(next[cell])] = Int32(index)
                    next[cell] += 1
                }
            }
        }
        offsets = counts
        self.entries = entries
    }

    /// The indices of the boxes whose cell holds the point (a superset of the boxes containing it).
    ///
    /// Each box is registered in every cell its extent, widened by ``PlanarRing/tolerance``,
    /// touches; so a point on (or within tolerance of) a box's edge finds that box whichever side
    /// of a cell border rounding puts it.
    public func candidates(lng: Double, lat: Double) -> ArraySlice<Int32> {
        let slack = PlanarRing.tolerance
        guard bounds.contains(lng: lng, lat: lat, tolerance: slack) else { return [] }
        let column = Self.clamp(lng, bounds.minLng, cellWidth, columns)
        let row = Self.clamp(lat, bounds.minLat, cellHeight, rows)
        let cell = row * columns + column
        return entries[Int(offsets[cell])..<Int(offsets[cell + 1])]
    }

    /// The number of cell entries: a measure of the index's size.
    public var entryCount: Int { entries.count }

    @inline(__always)
    private static func clamp(_ value: Double, _ origin: Double, _ size: Double, _ count: Int) -> Int {
        let cell = ((value - origin) / size).rounded(.down)
        guard cell.isFinite else { return 0 }
        return min(count - 1, max(0, Int(cell)))
    }
}
