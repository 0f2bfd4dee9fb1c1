import ArgumentParser
import Foundation
import WangchaoAddress
import WangchaoCore
import WangchaoDemo
import WangchaoStore

/// `wangchao bench address-match --addresses 3510000`: builds a standard-address table of that
/// size in a temporary store (generated like the demo's), then matches noisy queries one at a
/// time and prints build time, peak memory, match latency p50/p99 and how many were right.
struct AddressMatchBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "address-match",
        abstract: "Build a standard-address table of N addresses and time matching noisy queries against it.")

    @Option(help: "Standard addresses in the table (the seeds' district has 3,510,000).") var addresses = 200_000
    @Option(help: "Queries to match.") var queries = 10_000
    @Option(help: "Seed for the district, the addresses and the noise.") var seed = DemoOptionsDefaults.seed
    @Option(help: "Print up to this many queries whose best answer was wrong or missing.") var errors = 0

    func validate() throws {
        guard (1_000...20_000_000).contains(addresses) else { throw ValidationError("--addresses 须在 1000 到 20000000 之间") }
        guard (100...1_000_000).contains(queries) else { throw ValidationError("--queries 须在 100 到 1000000 之间") }
    }

    func run() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("wangchao-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("bench.sqlite").path
        let store = try SQLiteStore(path: path)

        // Build: generate like the demo, save in batches, keep a uniform sample for the queries.
        let clock = ContinuousClock()
        let start = clock.now
        let district = try DemoDistrict.build(seed: seed)
        var generator = StandardAddressGenerator(district: district, seed: seed, count: addresses)
        var rng = BenchRandom(seed: seed)
        var sample: [StandardAddress] = []
        var seen = 0
        var lastTenth = 0
        var generateTime = Duration.zero
        while true {
            let generateStart = clock.now
            guard let batch = generator.next(batchSize: 10_000) else { break }
            generateTime += clock.now - generateStart
            for address in batch {
                seen += 1
                if sample.count < queries {
                    sample.append(address)
                } else {
                    let slot = rng.below(seen)
                    if slot < queries { sample[slot] = address }
                }
            }
            try await store.saveStandardAddresses(batch)
            if seen * 10 / addresses > lastTenth {
                lastTenth = seen * 10 / addresses
                Console.line("[bench] 标准地址 \(seen)/\(addresses)（\(lastTenth * 10)%，\(String(format: "%.0f", (clock.now - start).seconds)) 秒）")
            }
        }
        let buildTime = clock.now - start
        let fileSize = ((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil) ?? 0
        let walSize = ((try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int) ?? nil) ?? 0
        let buildPeak = PeakRSS.megabytes()

        // Match: warm up (gazetteer, character table, statements), then one query at a time.
        let loadStart = clock.now
        let matcher = try AddressMatcher(homeDistrictCode: district.areas[0].code)
        let loadTime = clock.now - loadStart
        func lookup(_ probes: [StandardAddressProbe], limit: Int) async throws -> [StandardAddress] {
            try await store.standardAddressCandidates(probes, limit: limit)
        }
        for address in sample.prefix(200) { _ = try await matcher.match(NoisyQuery.make(address, kind: 0).text, lookup: lookup) }

        var latencies: [Duration] = []
        latencies.reserveCapacity(sample.count)
        var right = 0, wrong = 0, unmatched = 0
        var byKind: [String: (right: Int, total: Int)] = [:]
        var printed = 0
        for (i, address) in sample.enumerated() {
            let query = NoisyQuery.make(address, kind: i)
            let t0 = clock.now
            let result = try await matcher.match(query.text, lookup: lookup)
            latencies.append(clock.now - t0)
            let ok = result.matched && result.best?.address.code == address.code
            if ok { right += 1 } else if result.matched { wrong += 1 } else { unmatched += 1 }
            byKind[query.noise, default: (0, 0)].total += 1
            if ok { byKind[query.noise, default: (0, 0)].right += 1 }
            if !ok && printed < errors {
                printed += 1
                Console.line("✗ [\(query.noise)] \(query.text) → \(result.best?.address.text ?? "无")（\(result.reason ?? "匹配到他处")）")
            }
        }
        latencies.sort()
        func percentile(_ p: Double) -> String {
            LatencyRecorder.milliseconds(latencies[min(latencies.count - 1, Int(Double(latencies.count) * p))])
        }

        Console.line("标准地址 \(addresses) 条：生成并写入 \(String(format: "%.1f", buildTime.seconds)) 秒（其中生成 \(String(format: "%.1f", generateTime.seconds)) 秒，\(String(format: "%.0f", Double(addresses) / buildTime.seconds)) 条/秒）")
        Console.line("数据库文件 \(fileSize / 1_048_576) MB（WAL \(walSize / 1_048_576) MB）；建表后峰值内存 \(buildPeak) MB")
        Console.line("地名库加载 \(String(format: "%.0f", loadTime.seconds * 1000)) ms")
        Console.line("匹配 \(latencies.count) 条（单连接逐条）：p50 \(percentile(0.50)) ms  p99 \(percentile(0.99)) ms  max \(LatencyRecorder.milliseconds(latencies.last!)) ms")
        Console.line(String(format: "  正确 %.2f %%，匹配到错误地址 %.2f %%，未匹配 %.2f %%",
            100 * Double(right) / Double(sample.count), 100 * Double(wrong) / Double(sample.count),
            100 * Double(unmatched) / Double(sample.count)))
        for noise in NoisyQuery.kinds {
            guard let counts = byKind[noise] else { continue }
            Console.line(String(format: "  %-16@ %6.2f %%（%d 条）", noise as NSString, 100 * Double(counts.right) / Double(counts.total), counts.total))
        }
        Console.line("峰值内存（getrusage maxrss）：\(PeakRSS.megabytes()) MB")
    }
}

/// A query made from a standard address the way people write it: in full, without province
/// and city, without the town, with one wrong character in the town or the community, with
/// Chinese numerals, in the `5-2-301` form, or among chatter.
struct NoisyQuery {
    var text: String
    var noise: String

    static let kinds = ["exact", "no_province_city", "no_town", "typo_town", "typo_village", "cn_numeral", "dash_form", "chatter"]

    static func make(_ a: StandardAddress, kind index: Int) -> NoisyQuery {
        let noise = kinds[index % kinds.count]
        var town = a.town
        var village = a.village ?? ""
        var upper = a.province + a.city
        let detail = (a.road ?? "") + (a.number.map { $0 + "号" } ?? "")
        var building = a.building.map { $0 + "幢" } ?? ""
        var unit = a.unit.map { $0 + "单元" } ?? ""
        let room = a.room.map { $0 + "室" } ?? ""
        switch noise {
        case "no_province_city": upper = ""
        case "no_town":
            upper = ""
            town = ""
        case "typo_town": town = misspell(town)
        case "typo_village": village = misspell(village)
        case "cn_numeral":
            upper = ""
            building = a.building.flatMap { Int($0) }.map { chinese($0) + "幢" } ?? building
            unit = a.unit.flatMap { Int($0) }.map { chinese($0) + "单元" } ?? unit
        case "dash_form":
            if let b = a.building, let u = a.unit, let r = a.room {
                return NoisyQuery(text: a.district + town + village + detail + "\(b)-\(u)-\(r)", noise: noise)
            }
        case "chatter":
            upper = "我家住在"
        default: break
        }
        var text = upper + a.district + town + village + detail + building + unit + room
        if noise == "chatter" { text += "，麻烦尽快来看一下" }
        return NoisyQuery(text: text, noise: noise)
    }

    /// The first character replaced by another (never the name's suffix).
    static func misspell(_ name: String) -> String {
        guard let first = name.first else { return name }
        let replacement: Character = first == "大" ? "太" : "大"
        return String(replacement) + name.dropFirst()
    }

    static func chinese(_ n: Int) -> String {
        let digits = Array("零一二三四五六七八九")
        if n < 10 { return String(digits[n]) }
        if n < 20 { return "十" + (n % 10 == 0 ? "" : String(digits[n % 10])) }
        return String(digits[n / 10]) + "十" + (n % 10 == 0 ? "" : String(digits[n % 10]))
    }
}

/// SplitMix64, for the bench's own sampling (the demo's generator is internal to its module).
struct BenchRandom {
    var state: UInt64

    init(seed: UInt64) { state = seed ^ 0x5DEE_CE66_D1CE_4E5B }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
}

/// The process's peak resident set from getrusage (kilobytes on Linux).
enum PeakRSS {
    static func megabytes() -> Int {
        var usage = rusage()
        #if canImport(Glibc)
            getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        #else
            getrusage(RUSAGE_SELF, &usage)
        #endif
        return Int(usage.ru_maxrss) / 1024
    }
}
