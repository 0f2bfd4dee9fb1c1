import Testing
import WangchaoCore
import WangchaoGeo

@Suite struct GridIndexTests {
    @Test func candidatesIncludeEveryBoxHoldingThePoint() {
        var boxes: [BoundingBox] = []
        for row in 0..<20 {
            for column in 0..<30 {
                let lng = 120.2 + Double(column) * 0.0015, lat = 30.1 + Double(row) * 0.0013
                boxes.append(BoundingBox(minLng: lng, minLat: lat, maxLng: lng + 0.0015, maxLat: lat + 0.0013))
            }
        }
        let index = GridIndex(boxes: boxes)
        #expect(index.columns * index.rows >= boxes.count / 2)
        var state: UInt64 = 7
        for _ in 0..<2_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let lng = 120.2 + Double(state >> 40) / Double(1 << 24) * 0.045
            let lat = 30.1 + Double((state >> 16) & 0xFFFFFF) / Double(1 << 24) * 0.026
            let candidates = Set(index.candidates(lng: lng, lat: lat).map(Int.init))
            for (position, box) in boxes.enumerated() where box.contains(lng: lng, lat: lat) {
                #expect(candidates.contains(position))
            }
        }
        // Box corners, shared by four boxes, find all four.
        let corner: Set<Int> = Set(index.candidates(lng: 120.2 + 3 * 0.0015, lat: 30.1 + 3 * 0.0013).map(Int.init))
        let sharing: Set<Int> = [62, 63, 92, 93]  // rows 2–3, columns 2–3
        #expect(corner.isSuperset(of: sharing))
    }

    @Test func pointsOutsideFindNothing() {
        let index = GridIndex(boxes: [BoundingBox(minLng: 120, minLat: 30, maxLng: 121, maxLat: 31)])
        #expect(index.candidates(lng: 119, lat: 30.5).isEmpty)
        #expect(index.candidates(lng: .nan, lat: 30.5).isEmpty)
        #expect(GridIndex(boxes: []).candidates(lng: 0, lat: 0).isEmpty)
    }
}
