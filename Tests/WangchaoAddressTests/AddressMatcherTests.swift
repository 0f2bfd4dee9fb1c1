import Foundation
import Testing
import WangchaoAddress
import WangchaoCore

/// Matching free text to standard addresses, against an in-memory table that answers probes
/// the way the store's indexes do.
@Suite("address matching")
struct AddressMatcherTests {
    /// 人民路123号 in 湘湖社区 (城厢街道): building 5 unit 2 rooms 301/302 and building 6 unit 1
    /// room 301; a shop at 人民路125号; a rural house at 临浦镇三峰村18号 (no road).
    static let table: [StandardAddress] = {
        func flat(_ serial: Int, _ building: String, _ unit: String, _ room: String) -> StandardAddress {
            StandardAddress(
                code: "SA-\(serial)", province: "浙江省", city: "杭州市", district: "萧山区", town: "城厢街道",
                village: "湘湖社区", road: "人民路", number: "123", building: building, unit: unit, room: room,
                districtCode: "330109", townCode: "330109001", lat: 30.16, lng: 120.26,
                microGridCode: "330109001001001001001", kind: .dwelling)
        }
        return [
            flat(1, "5", "2", "301"), flat(2, "5", "2", "302"), flat(3, "6", "1", "301"),
            StandardAddress(
                code: "SA-4", province: "浙江省", city: "杭州市", district: "萧山区", town: "城厢街道", village: "湘湖社区",
                road: "人民路", number: "125", districtCode: "330109", townCode: "330109001", lat: 30.161, lng: 120.261,
                microGridCode: "330109001001001001001", kind: .shop),
            StandardAddress(
                code: "SA-5", province: "浙江省", city: "杭州市", district: "萧山区", town: "临浦镇", village: "三峰村",
                road: nil, number: "18", districtCode: "330109", townCode: "330109105", lat: 30.05, lng: 120.25,
                microGridCode: "330109105001001001", kind: .dwelling),
        ]
    }()

    /// The probes answered by scanning the small table (the store answers them from its indexes).
    static func lookup(_ probes: [StandardAddressProbe], limit: Int) -> [StandardAddress] {
        var found: [StandardAddress] = []
        for probe in probes {
            let hits = table.filter { a in
                switch probe {
                case .textDigest(let d): return StandardAddressKeys.textDigest(a.text) == d
                case .door(let key, let b, let u, let r):
                    return a.doorKey == key && (b == nil || a.building == b) && (u == nil || a.unit == u)
                        && (r == nil || a.room == r)
                }
            }.prefix(limit)
            for hit in hits where !found.contains(where: { $0.code == hit.code }) { found.append(hit) }
        }
        return found
    }

    static func match(_ text: String, home: String? = nil) async throws -> AddressMatch {
        try await AddressMatcher(parser: Fixture.parser(), homeDistrictCode: home).match(text) { lookup($0, limit: $1) }
    }

    @Test("the standard text itself matches with score 1 and the rest of its building as runners-up")
    func exact() async throws {
        let result = try await Self.match(Self.table[0].text)
        #expect(result.matched)
        #expect(result.reason == nil)
        #expect(result.best?.address.code == "SA-1")
        #expect(result.best?.score == 1)
        // The first round reads the flat and its building; the other building is not needed.
        #expect(result.runnersUp.map(\.address.code) == ["SA-2"])
        #expect(result.runnersUp.allSatisfy { $0.score < 1 && $0.score > 0 })
    }

    @Test(
        "abbreviated, misspelt and missing-level queries find the right standard address",
        arguments: [
            ("萧山城厢湘湖社区人民路123号5幢2单元301室", "SA-1"),  // no province/city, short forms
            ("萧山区城厢街道人民路123号5幢2单元302室", "SA-2"),  // no community
            ("萧山区人民路123号6幢1单元301室", "SA-3"),  // no town, no community
            ("萧山区城相街道湘湖社区人民路123号5幢2单元301室", "SA-1"),  // one wrong character in the town
            ("萧山区城厢街道湘胡社区人民路123号5幢2单元302室", "SA-2"),  // one wrong character in the community
            ("萧山区城厢街道大湖社区人民路123号5幢2单元301室", "SA-1"),  // a wrong character the parser leaves
            ("城厢街道人民路123号5-2-302", "SA-2"),  // dash form
            ("我家住在萧山区城厢街道人民路一二三号六幢一单元301室旁边", "SA-3"),  // chatter, Chinese numerals
            ("萧山区城厢街道人民路125号", "SA-4"),  // a shop
            ("萧山临浦镇三峰村18号", "SA-5"),  // a rural house: the village is the place
            ("萧山区三峰村18号", "SA-5"),  // …without its town
        ])
    func noisy(_ text: String, _ code: String) async throws {
        let result = try await Self.match(text)
        #expect(result.matched, "\(text): \(result.reason ?? "")")
        #expect(result.best?.address.code == code, "\(text) → \(result.best?.address.text ?? "nil")")
        #expect((result.best?.score ?? 0) >= AddressMatcher.threshold)
    }

    @Test("a text without its district is looked up in the home district")
    func homeDistrict() async throws {
        let text = "湘湖社区人民路123号5幢2单元301室"
        let away = try await Self.match(text)
        #expect(!away.matched)
        #expect(away.reason?.contains("区县") == true)
        let home = try await Self.match(text, home: "330109")
        #expect(home.matched)
        #expect(home.best?.address.code == "SA-1")
        #expect((home.best?.score ?? 1) < 1, "the district was not read")
    }

    @Test("a query that matches nothing says so, with the reason")
    func nothing() async throws {
        let missing = try await Self.match("萧山区城厢街道人民路999号")
        #expect(!missing.matched)
        #expect(missing.best == nil)
        #expect(missing.reason == "标准地址库中没有“人民路999号”")

        let chatter = try await Self.match("今天天气很好")
        #expect(!chatter.matched)
        #expect(chatter.reason != nil)

        let noNumber = try await Self.match("萧山区城厢街道人民路")
        #expect(!noNumber.matched)
        #expect(noNumber.reason == "缺少门牌号，无法定位到标准地址")

        let empty = try await Self.match("   ")
        #expect(!empty.matched)
        #expect(empty.reason == "地址为空")
    }

    @Test("the right door with a building that is not there is no match, and the nearest is shown")
    func conflictingBuilding() async throws {
        let result = try await Self.match("萧山区城厢街道人民路123号9幢2单元301室")
        #expect(!result.matched)
        #expect(result.best?.address.code == "SA-1")
        #expect(result.reason == "门牌相符但幢不符")
    }

    @Test("a query that leaves out the flat matches the door with a lower score")
    func lessPrecise() async throws {
        let result = try await Self.match("萧山区城厢街道人民路123号5幢")
        #expect(result.matched)
        #expect(["SA-1", "SA-2"].contains(result.best?.address.code ?? ""))
        let score = try #require(result.best?.score)
        #expect(score < 1 && score >= AddressMatcher.threshold)
        #expect(result.best?.differences.contains("未写室") == true)
    }

    @Test("JSON: matched, reason, score, best with its components, runnersUp")
    func json() async throws {
        let result = try await Self.match(Self.table[3].text)
        let data = try JSONEncoder().encode(result)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["matched"] as? Bool == true)
        #expect(object["score"] as? Double == 1)
        let best = try #require(object["best"] as? [String: Any])
        #expect(best["code"] as? String == "SA-4")
        #expect(best["kind"] as? String == "shop")
        #expect(best["road"] as? String == "人民路")
        #expect(best["microGridCode"] as? String == "330109001001001001001")
        #expect(best["score"] as? Double == 1)
        #expect(object["runnersUp"] is [Any])
    }
}
