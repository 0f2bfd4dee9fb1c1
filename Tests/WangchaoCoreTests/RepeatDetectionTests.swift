import Foundation
import Testing
import WangchaoCore
import WangchaoTesting

/// The pure repeat decision: distances, windows, keys, ranking and policy validation.
@Suite struct RepeatDetectionTests {
    static let metresPerDegree = GreatCircle.earthRadius * Double.pi / 180

    /// An earlier case `metresNorth` north of the fixture point, `ago` seconds before `Fixtures.now`.
    static func earlier(
        _ id: String, category: String = "SR03", north metresNorth: Double = 0, ago: TimeInterval = 3600,
        address: String = "湘湖路1号", phone: String? = nil, state: CaseState = .reported
    ) -> Case {
        var intake = Fixtures.intake(category: category)
        intake.location.lat += metresNorth / metresPerDegree
        intake.location.address = address
        intake.reporter = Reporter(phone: phone)
        var c = intake.makeCase(
            id: id, number: "XS-20261124-\(id)", trackingCode: "ABCDEFGH", areaCode: Fixtures.grid,
            category: CategoryCatalog.bundled[category]!, at: Fixtures.now - ago)
        c.state = state
        return c
    }

    static func probe(category: String = "SR03", address: String = "湘湖路999号", phone: String? = nil) -> RepeatProbe {
        var intake = Fixtures.intake(category: category)
        intake.location.address = address
        intake.reporter = Reporter(phone: phone)
        return RepeatProbe(intake, at: Fixtures.now)
    }

    @Test func haversineDistances() {
        // One degree of latitude on the mean sphere.
        #expect(abs(GreatCircle.distance(lat1: 30, lng1: 120, lat2: 31, lng2: 120) - 111_195.08) < 0.1)
        // One degree of longitude at 30° N: cos(30°) of that.
        let east = GreatCircle.distance(lat1: 30, lng1: 120, lat2: 30, lng2: 121)
        #expect(abs(east - 96_298.9) < 5)
        #expect(GreatCircle.distance(lat1: 30.16, lng1: 120.26, lat2: 30.16, lng2: 120.26) == 0)
        let box = GreatCircle.boundingBox(lat: 30.16, lng: 120.26, metres: 100)
        #expect(GreatCircle.distance(lat1: 30.16, lng1: 120.26, lat2: box.maxLat, lng2: 120.26) > 100)
        #expect(GreatCircle.distance(lat1: 30.16, lng1: 120.26, lat2: 30.16, lng2: box.maxLng) > 100)
        #expect(GreatCircle.distance(lat1: 30.16, lng1: 120.26, lat2: box.maxLat, lng2: 120.26) < 102)
    }

    @Test func radiusWindowAndCategory() {
        let policy = RepeatPolicy.standard
        let probe = Self.probe()
        #expect(policy.reasons(probe, against: Self.earlier("a", north: 95)).first == .nearby(distanceMetres: 95))
        #expect(policy.reasons(probe, against: Self.earlier("a", north: 105)).isEmpty)
        #expect(policy.reasons(probe, against: Self.earlier("a", ago: 72 * 3600 - 60)).count == 1)
        #expect(policy.reasons(probe, against: Self.earlier("a", ago: 72 * 3600)).count == 1)
        #expect(policy.reasons(probe, against: Self.earlier("a", ago: 72 * 3600 + 60)).isEmpty)
        #expect(policy.reasons(probe, against: Self.earlier("a", ago: -60)).isEmpty)
        #expect(policy.reasons(probe, against: Self.earlier("a", category: "SR01", north: 10)).isEmpty)
        for state in RepeatPolicy.excludedStates {
            #expect(policy.reasons(probe, against: Self.earlier("a", north: 10, state: state)).isEmpty)
        }
        #expect(!policy.reasons(probe, against: Self.earlier("a", north: 10, state: .closed)).isEmpty)
    }

    @Test func sameAddressAndCallerWithin30Days() {
        let policy = RepeatPolicy.standard
        let probe = Self.probe(category: "SR01", address: "湘湖路１００号 ", phone: "138 0000 0001")
        let day: TimeInterval = 86_400
        let address = Self.earlier("a", north: 5_000, ago: 29 * day, address: "湘湖路，100号。")
        #expect(policy.reasons(probe, against: address) == [.sameAddress])
        #expect(policy.reasons(probe, against: Self.earlier("a", north: 5_000, ago: 31 * day, address: "湘湖路100号")).isEmpty)
        let caller = Self.earlier("a", north: 5_000, ago: 29 * day, address: "金城路8号", phone: "13800000001")
        #expect(policy.reasons(probe, against: caller) == [.sameCaller])
        #expect(
            policy.reasons(probe, against: Self.earlier("a", north: 5_000, ago: 31 * day, address: "金城路8号", phone: "13800000001"))
                .isEmpty)
    }

    @Test func rankingAndLimit() {
        var policy = RepeatPolicy.standard
        let probe = Self.probe(phone: "13800000001")
        let cases = [
            Self.earlier("far", north: 80, ago: 60),
            Self.earlier("near", north: 20, ago: 7200),
            Self.earlier("nearer-older", north: 20, ago: 9000),
            Self.earlier("both", north: 90, ago: 7200, phone: "13800000001"),
            Self.earlier("none", north: 500),
        ]
        let ranked = policy.candidates(for: probe, among: cases + cases)
        #expect(ranked.map(\.caseId) == ["both", "near", "nearer-older", "far"])
        #expect(ranked.first?.reasons == [.nearby(distanceMetres: 90), .sameCaller])
        #expect(RepeatPolicy.isLikelyRepeat(ranked))
        #expect(!RepeatPolicy.isLikelyRepeat(policy.candidates(for: probe, among: [cases[4]])))
        policy.maxCandidates = 2
        #expect(policy.candidates(for: probe, among: cases).map(\.caseId) == ["both", "near"])
        policy.radiusMetres = 10
        #expect(policy.candidates(for: probe, among: cases).map(\.caseId) == ["both"])
    }

    @Test func addressAndCallerKeys() {
        #expect(RepeatKeys.address(" 萧山区 城厢街道，湘湖路１００号。") == "萧山区城厢街道湘湖路100号")
        #expect(RepeatKeys.address("湘湖路100号") == RepeatKeys.address("湘湖路 100 号"))
        #expect(RepeatKeys.address("Ａ座（3楼）") == "a座3楼")
        #expect(RepeatKeys.address("湘湖路100号") != RepeatKeys.address("湘湖路102号"))
        #expect(RepeatKeys.address("萧山区城厢街道") == nil)  // a whole street, too vague
        #expect(RepeatKeys.address("  。 ") == nil)
        #expect(RepeatKeys.address("人民路与市心路交叉口东北角") != nil)
        #expect(RepeatKeys.caller("138-0000-0001") == "13800000001")
        #expect(RepeatKeys.caller("+86 138 0000 0001") == "8613800000001")
        #expect(RepeatKeys.caller("12345") == nil)
        #expect(RepeatKeys.caller(nil) == nil)
    }

    @Test(arguments: [
        ("radiusMetres", RepeatPolicy(radiusMetres: 0)), ("radiusMetres", RepeatPolicy(radiusMetres: -5)),
        ("radiusMetres", RepeatPolicy(radiusMetres: .nan)), ("radiusMetres", RepeatPolicy(radiusMetres: 5_001)),
        ("windowHours", RepeatPolicy(windowHours: 0)), ("windowHours", RepeatPolicy(windowHours: .infinity)),
        ("windowHours", RepeatPolicy(windowHours: 721)), ("sameAddressDays", RepeatPolicy(sameAddressDays: 0)),
        ("sameCallerDays", RepeatPolicy(sameCallerDays: 366)), ("maxCandidates", RepeatPolicy(maxCandidates: 0)),
        ("maxCandidates", RepeatPolicy(maxCandidates: 51)),
    ])
    func badPolicyRefusedWithField(_ field: String, _ policy: RepeatPolicy) {
        do {
            try policy.validate()
            Issue.record("\(field) accepted")
        } catch {
            #expect(error.code == .invalid)
            #expect(error.field == field)
        }
    }

    @Test func goodPoliciesAccepted() throws {
        try RepeatPolicy.standard.validate()
        try RepeatPolicy(radiusMetres: 5_000, windowHours: 720, sameAddressDays: 365, sameCallerDays: 1, maxCandidates: 50)
            .validate()
    }

    @Test func reportMonthsInChina() throws {
        let november = try ReportMonth.parse("2026-11")
        #expect(november.description == "2026-11")
        // 2026-11-01 00:00 in China is 2026-10-31 16:00 UTC.
        #expect(november.start == Date(timeIntervalSince1970: 1_793_462_400))
        #expect(november.end == (try ReportMonth.parse("2026-12")).start)
        #expect(ReportMonth(containing: Date(timeIntervalSince1970: 1_796_056_200)).description == "2026-12")
        #expect(ReportMonth(containing: Fixtures.now) == november)
        for bad in ["2026-13", "2026-1", "26-11", "2026/11", "", "2026-00", "abcd-ef"] {
            #expect(throws: DomainError.self) { try ReportMonth.parse(bad) }
        }
    }

    @Test func reasonsRoundTripAsJSON() throws {
        let candidate = RepeatCandidate(
            caseId: "a", number: "XS-20261124-000001", state: .accepted,
            reasons: [.nearby(distanceMetres: 42.5), .sameAddress, .sameCaller], createdAt: Fixtures.now)
        let data = try JSONEncoder().encode(candidate)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains(#"{"kind":"nearby","distanceMetres":42.5}"#) || text.contains(#""distanceMetres":42.5"#))
        #expect(try JSONDecoder().decode(RepeatCandidate.self, from: data) == candidate)
    }
}
