import Foundation
import WangchaoCore
import WangchaoDemo
import WangchaoServer
import WangchaoServices
import WangchaoStore

/// Writes the demo district into a store, printing progress and, at the end, what it made.
struct DemoLoader {
    let store: any CaseStore
    /// Where the store keeps its data, for the closing summary (a file path or a database URL).
    let destination: String
    let cases: Int
    let seed: UInt64
    var now = Date()
    /// The cost of the demo accounts' password hash.
    var passwordParameters: ScryptParameters = .production
    /// How many standard addresses to generate.
    var addresses = DemoOptionsDefaults.addresses

    /// The password of every demo account, as the README's table states.
    static let password = "wangchao-demo"

    /// Cases per transaction: large enough to amortise the commit, small enough to show progress.
    static let batchSize = 2000

    func load() async throws {
        let start = ContinuousClock.now
        let district = try DemoDistrict.build(seed: seed)
        try await store.saveAreas(district.areas)
        try await store.saveUnits(district.units)
        try await store.saveUsers(district.users)
        // Every demo staff account gets the README's password. One scrypt hash takes tens of
        // milliseconds and the district has thousands of staff, so the password is hashed once
        // and the same string (same salt) is stored for all of them: harmless for a password
        // printed in the README, and it keeps `wangchao demo` fast.
        let hash = try await PasswordHasher(parameters: passwordParameters).hash(Self.password)
        try await store.setPasswordHash(hash, for: district.users.map(\.username))
        report("区域 \(district.areas.count) 个，处置单位 \(district.units.count) 个，人员 \(district.users.count) 名")
        try await store.addSystem(
            IntegrationSystem(id: APIKey.demoSystemId, name: "演示 Open311 客户端", createdAt: now),
            apiKeyHash: APIKey.hash(APIKey.demoKey))
        try await loadRouting(district)

        let generator = CaseGenerator(district: district, options: DemoOptions(seed: seed, cases: cases, now: now))
        var written = 0
        var lastPercent = -1
        for batch in generator.batches(of: Self.batchSize) {
            try await store.importCases(batch.map { ImportedCase(case: $0.case, history: $0.history) })
            written += batch.count
            let percent = cases == 0 ? 100 : written * 100 / cases
            if percent / 10 != lastPercent / 10 || written == cases {
                report("案件 \(written)/\(cases)（\(percent)%）")
                lastPercent = percent
            }
        }
        try await loadStandardAddresses(district)
        let levels = Dictionary(grouping: district.areas, by: \.level).mapValues(\.count)
        let seconds = (ContinuousClock.now - start).seconds
        Console.line("""
            演示数据已写入 \(destination)（种子 \(seed)，用时 \(String(format: "%.1f", seconds)) 秒）：
              镇街 \(levels[.town] ?? 0)，网层 \(levels[.cluster] ?? 0)，村社 \(levels[.community] ?? 0)，网格 \(levels[.grid] ?? 0)，微网格 \(levels[.microGrid] ?? 0)
              处置单位 \(district.units.count)，人员 \(district.users.count)，案件 \(written)，标准地址 \(addresses)
            演示账号（密码均为 \(Self.password)）：
            """)
        for user in district.demoUsers {
            Console.line("  \(user.username.padding(toLength: 16, withPad: " ", startingAt: 0)) \(user.role.chineseName)  \(user.scopeDescription)")
        }
    }

    /// Standard addresses per transaction.
    static let addressBatchSize = 10_000

    /// The standard addresses of the district, in batches, with progress every tenth.
    private func loadStandardAddresses(_ district: DemoDistrict) async throws {
        guard addresses > 0 else { return }
        var generator = StandardAddressGenerator(district: district, seed: seed, count: addresses)
        var registry = DemoRegistryGenerator(seed: seed)
        var written = 0
        var lastTenth = -1
        var counts = (people: 0, enterprises: 0, facilities: 0)
        var registrySeconds = 0.0
        while let batch = generator.next(batchSize: Self.addressBatchSize) {
            try await store.saveStandardAddresses(batch)
            // The people, enterprises and facilities at these addresses (人企物), one transaction per batch.
            let registryStart = ContinuousClock.now
            let records = registry.records(for: batch)
            _ = try await store.saveRegistryRecords(records, report: nil)
            registrySeconds += (ContinuousClock.now - registryStart).seconds
            counts.people += records.people.count
            counts.enterprises += records.enterprises.count
            counts.facilities += records.facilities.count
            written += batch.count
            let tenth = written * 10 / addresses
            if tenth != lastTenth {
                report("标准地址 \(written)/\(addresses)（\(tenth * 10)%），人口 \(counts.people)，企业 \(counts.enterprises)，设施 \(counts.facilities)")
                lastTenth = tenth
            }
        }
        report("人企物：人口 \(counts.people)，企业 \(counts.enterprises)，设施 \(counts.facilities)（生成并写入用时 \(String(format: "%.1f", registrySeconds)) 秒）")
    }

    /// The bundled routing rules as version 1, and duty rosters for platforms and departments,
    /// so that acceptance dispatches and assigns by itself in the demo.
    private func loadRouting(_ district: DemoDistrict) async throws {
        let rules = try await store.saveRoutingRules(RoutingRuleSet.bundledData(), by: "demo", at: now)
        let rosters = DutyRosterBuilder.rosters(units: district.units, users: district.users)
        for roster in rosters { try await store.saveRoster(roster) }
        report("分流规则第 \(rules.version) 版（\(rules.ruleSet.rules.count) 条），值班表 \(rosters.count) 个单位")
    }

    private func report(_ line: String) {
        Console.line("[demo] " + line)
    }
}
