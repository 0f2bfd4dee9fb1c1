/// A sketch of where Xiaoshan's towns lie relative to each other, as nested slices: the
/// mountainous south in one band; north of it the old town 城厢 between 蜀山 and 北干, in a
/// column of its own so that it comes out roughly square near its real centre (≈120.26 E,
/// 30.16 N); the river towns along the north and the east.
indirect enum TownLayout {
    case town(code: String)
    case slices(SliceAxis, [TownLayout])

    /// The layout of the 22 towns and streets of 萧山区.
    static let xiaoshan: TownLayout = .slices(.southToNorth, [
        .slices(.westToEast, [
            column("330109100", "330109101"),  // 楼塔镇, 河上镇
            column("330109102", "330109106"),  // 戴村镇, 义桥镇
            column("330109103", "330109105"),  // 浦阳镇, 临浦镇
            column("330109104", "330109107"),  // 进化镇, 所前镇
        ]),
        .slices(.westToEast, [
            column("330109013", "330109015"),  // 闻堰街道, 盈丰街道
            column("330109003", "330109001", "330109002"),  // 蜀山街道, 城厢街道, 北干街道
            column("330109004", "330109014"),  // 新塘街道, 宁围街道
            .slices(.southToNorth, [
                row("330109108", "330109113", "330109120"),  // 衙前镇, 瓜沥镇, 党湾镇
                row("330109012", "330109006", "330109005", "330109115"),  // 新街街道, 南阳街道, 靖江街道, 益农镇
            ]),
        ]),
    ])

    /// Every town code in the layout.
    var townCodes: [String] {
        switch self {
        case .town(let code): [code]
        case .slices(_, let parts): parts.flatMap(\.townCodes)
        }
    }

    /// Rectangles for the towns, each sized by its weight within ±10 %.
    func tile(
        _ rect: LatticeRect, weights: [String: Double], using rng: inout SeededGenerator
    ) -> [String: LatticeRect] {
        switch self {
        case .town(let code):
            return [code: rect]
        case .slices(let axis, let parts):
            let partWeights = parts.map { $0.townCodes.reduce(0) { $0 + weights[$1, default: 0] } }
            let pieces = Guillotine.slice(rect, along: axis, weights: partWeights, jitter: 0.1, using: &rng)
            var result: [String: LatticeRect] = [:]
            for (part, piece) in zip(parts, pieces) {
                result.merge(part.tile(piece, weights: weights, using: &rng)) { first, _ in first }
            }
            return result
        }
    }

    private static func column(_ codes: String...) -> TownLayout { .slices(.southToNorth, codes.map { .town(code: $0) }) }
    private static func row(_ codes: String...) -> TownLayout { .slices(.westToEast, codes.map { .town(code: $0) }) }
}
