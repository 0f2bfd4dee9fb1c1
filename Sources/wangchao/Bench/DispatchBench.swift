import ArgumentParser
import Foundation
import WangchaoCore
import WangchaoDemo
import WangchaoGeo

/// `wangchao bench dispatch`: point → micro-grid lookups per second, on the demo street
/// (城厢街道, 1,904 micro-grids) and on a generated district of 50,000 micro-grids, with the
/// time to build each index.
///
/// Routing decisions and timer throughput (issue 6, item 8) are measured once routing rules and
/// durable timers exist; this command prints only the lookups for now.
struct DispatchBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dispatch",
        abstract: "Point → micro-grid lookups per second on the demo street and on a 50,000 micro-grid district.")

    @Option(help: "Random points per measurement.") var points = 200_000
    @Option(help: "Seed for the demo district and the points.") var seed = DemoOptionsDefaults.seed
    @Option(help: "Generated intakes for the routing-decision measurement.") var decisions = 100_000

    func validate() throws {
        guard (1_000...10_000_000).contains(points) else { throw ValidationError("--points 须在 1000 到 10000000 之间") }
        guard (1_000...10_000_000).contains(decisions) else { throw ValidationError("--decisions 须在 1000 到 10000000 之间") }
    }

    func run() async throws {
        Console.line("点 → 微网格查找（单线程；每组 \(points) 个随机点，点位均匀分布在区域内）")
        let clock = ContinuousClock()
        var district: [Area] = []
        let demoTime = try clock.measure { district = try DemoDistrict.build(seed: seed).areas }
        let street = district.filter { $0.level == .district || $0.code.hasPrefix(Self.chengxiang) }
        Console.line("演示区生成 \(Self.format(demoTime))")
        try measure("演示街道 城厢街道", areas: street, sampleWithin: Self.chengxiang)

        var generated: [Area] = []
        let generateTime = clock.measure { generated = RegularDistrict.build() }
        Console.line("生成规则网格区 \(Self.format(generateTime))")
        try measure("生成区", areas: generated, sampleWithin: "330109")
        try await RoutingBench.run(seed: seed, intakes: decisions)
        Console.line("（计时器吞吐待持久计时器实现后加入。）")
    }

    static let chengxiang = "330109001"

    private func measure(_ label: String, areas: [Area], sampleWithin code: String) throws {
        let clock = ContinuousClock()
        var built: AreaLocator?
        let buildTime = try clock.measure { built = try AreaLocator(areas: areas) }
        guard let locator = built, let target = areas.first(where: { $0.code == code })?.boundary else {
            throw ValidationError("\(label)：没有区域 \(code) 的边界")
        }
        let sample = Self.points(count: points, inside: target, seed: seed)
        var reasons: [String: Int] = [:]
        for point in sample.prefix(10_000) {
            reasons[Self.kind(locator.locate(latitude: point.lat, longitude: point.lng).reason), default: 0] += 1
        }
        var checksum = 0
        let lookupTime = clock.measure {
            for point in sample { checksum &+= locator.locate(latitude: point.lat, longitude: point.lng).chain.count }
        }
        let seconds = Double(lookupTime.components.seconds) + Double(lookupTime.components.attoseconds) * 1e-18
        let perSecond = Double(sample.count) / seconds
        Console.line(
            "\(label)：\(locator.indexedMicroGridCount) 个微网格，索引构建 \(Self.format(buildTime))；"
                + "\(Int(perSecond)) 次/秒（\(String(format: "%.2f", 1e6 / perSecond)) µs/次，校验和 \(checksum)）")
        Console.line("  前 10000 点归属：" + reasons.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: "，"))
    }

    private static func kind(_ reason: LocationResolution.Reason) -> String {
        switch reason {
        case .insideMicroGrid: "微网格内"
        case .onBoundary: "边界上"
        case .overlapping: "重叠"
        case .noMicroGridContainsPoint: "无微网格"
        case .outsideDistrict: "区外"
        case .invalidCoordinate: "坐标无效"
        }
    }

    /// Points drawn uniformly from the boundary's box, kept when the boundary holds them.
    private static func points(count: Int, inside boundary: Boundary, seed: UInt64) -> [Boundary.Position] {
        let shape = PlanarShape(boundary)
        let box = shape.bounds
        var state = seed
        func unit() -> Double {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Double((z ^ (z >> 31)) >> 11) * 0x1.0p-53
        }
        var result: [Boundary.Position] = []
        result.reserveCapacity(count)
        while result.count < count {
            let point = Boundary.Position(
                lng: box.minLng + unit() * (box.maxLng - box.minLng), lat: box.minLat + unit() * (box.maxLat - box.minLat))
            if shape.locate(lng: point.lng, lat: point.lat) == .inside { result.append(point) }
        }
        return result
    }

    private static func format(_ duration: Duration) -> String {
        let milliseconds = Double(duration.components.seconds) * 1e3 + Double(duration.components.attoseconds) * 1e-15
        return String(format: "%.1f ms", milliseconds)
    }
}
