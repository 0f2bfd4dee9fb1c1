import Foundation
import WangchaoCore
import WangchaoStore

extension StoreConformance {
    /// The checks on repeat detection at intake and repeat statistics.
    static let repeatChecks: [Check] = [
        Check("repeatCheckRadiusAndWindow") { try await $0.repeatCheckRadiusAndWindow() },
        Check("repeatSameAddressAndCallerWithin30Days") { try await $0.repeatSameAddressAndCallerWithin30Days() },
        Check("intakeStoresRepeatCandidates") { try await $0.intakeStoresRepeatCandidates() },
        Check("repeatStatisticsPerAreaAndMonth") { try await $0.repeatStatisticsPerAreaAndMonth() },
    ]

    // MARK: - Repeat reports

    /// Same category nearby counts within the radius and the window only (95 m in, 105 m out;
    /// 71 h 59 min in, 72 h 1 min out), and never for another category; the check stores nothing.
    public func repeatCheckRadiusAndWindow() async throws {
        let store = try await makeStore()
        let first = try await store.fileCase(RepeatFixtures.intake(address: "湘湖路1号", phone: "13900000001"))
        let policy = RepeatPolicy.standard
        func candidates(north metres: Double, after seconds: TimeInterval, category: String = "SR03") async throws
            -> [RepeatCandidate]
        {
            let probe = RepeatFixtures.intake(
                category: category, north: metres, address: "湘湖路\(Int(metres) + 500)号", phone: "13900000002")
            return try await store.repeatCandidates(for: probe, at: Fixtures.now + seconds, policy: policy)
        }

        let near = try await candidates(north: 95, after: 3600)
        try expectEqual(near.map(\.caseId), [first.id], "candidates 95 m away after 1 h")
        let metres = try unwrap(near.first?.distanceMetres, "distance of the nearby candidate")
        try expect(abs(metres - 95) < 0.5, "distance 95 m reported as \(metres)")
        try expectEqual(near.first?.number, first.number, "candidate number")
        try expectEqual(near.first?.state, .reported, "candidate state")
        try expectEqual(near.first?.createdAt, first.createdAt, "candidate createdAt")
        try expectEqual(try await candidates(north: 105, after: 3600).count, 0, "candidates 105 m away")
        try expectEqual(try await candidates(north: 95, after: 3600, category: "SR01").count, 0, "other category 95 m away")
        try expectEqual(
            try await candidates(north: 0, after: 72 * 3600 - 60).map(\.caseId), [first.id], "same point after 71 h 59 min")
        try expectEqual(try await candidates(north: 0, after: 72 * 3600 + 60).count, 0, "same point after 72 h 1 min")
        try expectEqual(try await candidates(north: 0, after: -60).count, 0, "a case made after the check's time")

        var wide = policy
        wide.radiusMetres = 120
        let widened = try await store.repeatCandidates(
            for: RepeatFixtures.intake(north: 105, address: "湘湖路900号"), at: Fixtures.now + 60, policy: wide)
        try expectEqual(widened.map(\.caseId), [first.id], "105 m with a 120 m radius")
        var bad = policy
        bad.radiusMetres = 0
        try await expectError(.invalid, field: "radiusMetres", "zero radius") {
            try await store.repeatCandidates(for: RepeatFixtures.intake(), at: Fixtures.now, policy: bad)
        }
        try await expectError(.invalid, field: "category", "unknown category") {
            try await store.repeatCandidates(for: RepeatFixtures.intake(category: "XX99"), at: Fixtures.now, policy: policy)
        }
        let page = try await store.listCases(CaseQuery(), viewer: Fixtures.commander.viewer)
        try expectEqual(page.items.map(\.id), [first.id], "cases after repeat checks")
    }

    /// The same address (normalised) or the same phone counts within 30 days whatever the
    /// category and distance, and not at 31 days.
    public func repeatSameAddressAndCallerWithin30Days() async throws {
        let store = try await makeStore()
        let first = try await store.fileCase(
            RepeatFixtures.intake(category: "SR03", address: "萧山区城厢街道湘湖路100号", phone: "13800000001"))
        let day: TimeInterval = 86_400
        func check(address: String, phone: String?, after days: Double) async throws -> [RepeatCandidate] {
            try await store.repeatCandidates(
                for: RepeatFixtures.intake(category: "SR01", north: 3_000, address: address, phone: phone),
                at: Fixtures.now + days * day, policy: .standard)
        }

        let sameAddress = try await check(address: " 萧山区 城厢街道，湘湖路１００号。", phone: "13700000000", after: 29)
        try expectEqual(sameAddress.map(\.caseId), [first.id], "same address after 29 days")
        try expectEqual(sameAddress.first?.reasons, [.sameAddress], "reasons for the same address")
        try expectEqual(try await check(address: "萧山区城厢街道湘湖路100号", phone: nil, after: 31).count, 0, "same address after 31 days")
        try expectEqual(try await check(address: "萧山区城厢街道湘湖路102号", phone: nil, after: 1).count, 0, "another house number")

        let sameCaller = try await check(address: "北干街道金城路8号", phone: "138-0000-0001", after: 29)
        try expectEqual(sameCaller.map(\.caseId), [first.id], "same caller after 29 days")
        try expectEqual(sameCaller.first?.reasons, [.sameCaller], "reasons for the same caller")
        try expectEqual(try await check(address: "北干街道金城路8号", phone: "13800000001", after: 31).count, 0, "same caller after 31 days")

        let both = try await check(address: "萧山区城厢街道湘湖路100号", phone: "13800000001", after: 2)
        try expectEqual(both.first?.reasons, [.sameAddress, .sameCaller], "both reasons")
    }

    /// Intake stores the candidates and the flag on the case, in the same transaction; the
    /// first case of a place is not flagged; merged cases are not offered again.
    public func intakeStoresRepeatCandidates() async throws {
        let store = try await makeStore()
        let first = try await store.fileCase(RepeatFixtures.intake(address: "湘湖路1号", phone: "13900000001"))
        try expectEqual(first.likelyRepeat, false, "first case flagged")
        try expectEqual(first.repeatCandidates, [], "first case candidates")

        let second = try await store.fileCase(
            RepeatFixtures.intake(north: 40, address: "湘湖路3号", phone: "13900000002"), at: Fixtures.now + 600)
        try expectEqual(second.likelyRepeat, true, "second case 40 m away flagged")
        try expectEqual(second.repeatCandidates.map(\.caseId), [first.id], "second case candidates")
        try expectEqual(try await store.getCase(id: second.id), second, "stored second case")

        try await store.act(.merge(intoCaseId: first.id), on: second.id, by: Fixtures.dispatcher, at: Fixtures.now + 900)
        let third = try await store.fileCase(
            RepeatFixtures.intake(north: 20, address: "湘湖路5号", phone: "13900000003"), at: Fixtures.now + 1200)
        try expectEqual(third.repeatCandidates.map(\.caseId), [first.id], "third case: the merged case is left out")
        let distances = third.repeatCandidates.compactMap(\.distanceMetres)
        try expect(distances.count == 1 && abs(distances[0] - 20) < 0.5, "third case distance \(distances)")
    }

    /// Per child area and month (China time): cases, likely repeats, merged and the rate;
    /// a case at 00:30 on the 1st in China belongs to that month.
    public func repeatStatisticsPerAreaAndMonth() async throws {
        let store = try await makeStore()
        // November 2026 in China: Fixtures.now is 2026-11-24 10:00.
        let a = try await store.fileCase(RepeatFixtures.intake(address: "湘湖路1号", phone: "13900000001"))
        let b = try await store.fileCase(
            RepeatFixtures.intake(north: 30, address: "湘湖路3号", phone: "13900000002"), at: Fixtures.now + 600)
        _ = try await store.fileCase(
            RepeatFixtures.intake(north: 1_000, address: "湘湖路50号", phone: "13900000003"), at: Fixtures.now + 700)
        try await store.act(.merge(intoCaseId: a.id), on: b.id, by: Fixtures.dispatcher, at: Fixtures.now + 900)
        _ = try await store.fileCase(
            RepeatFixtures.intake(north: 5_000, address: "金城路8号", phone: "13900000004", areaCode: Fixtures.otherGrid),
            at: Fixtures.now + 800)
        // 2026-12-01 00:30 in China (2026-11-30 16:30 UTC): December.
        let december = Date(timeIntervalSince1970: 1_796_056_200)
        _ = try await store.fileCase(
            RepeatFixtures.intake(north: 10, address: "湘湖路7号", phone: "13900000001"), at: december)

        let november = try ReportMonth.parse("2026-11")
        let stats = try await store.repeatStatistics(areaCode: Fixtures.district, month: november)
        try expectEqual(stats.month, november, "month")
        try expectEqual(stats.total.cases, 4, "cases in the district in November")
        try expectEqual(stats.total.likelyRepeats, 1, "likely repeats in the district")
        try expectEqual(stats.total.merged, 1, "merged in the district")
        try expectEqual(stats.total.repeats, 1, "repeats in the district")
        try expectEqual(stats.total.rate, 0.25, "rate in the district")
        try expectEqual(stats.children.map(\.areaCode), [Fixtures.town, Fixtures.otherTown], "child rows")
        try expectEqual(stats.children.map(\.cases), [3, 1], "cases per town")
        try expectEqual(stats.children.map(\.merged), [1, 0], "merged per town")
        try expectEqual(stats.children.map(\.rate), [0.3333, 0], "rate per town")
        try expectEqual(stats.children.first?.areaName, "城厢街道", "child name")

        let decemberStats = try await store.repeatStatistics(areaCode: Fixtures.town, month: try ReportMonth.parse("2026-12"))
        try expectEqual(decemberStats.total.cases, 1, "cases in the town in December")
        try expectEqual(decemberStats.total.likelyRepeats, 1, "December case: the same caller as in November")
        try expectEqual(decemberStats.children.map(\.cases), [1], "December per community")
        let empty = try await store.repeatStatistics(areaCode: Fixtures.otherTown, month: try ReportMonth.parse("2026-10"))
        try expectEqual(empty.total.rate, nil, "rate without cases")
        try await expectError(.notFound, "unknown area") {
            try await store.repeatStatistics(areaCode: "999999", month: november)
        }
    }
}

/// Intakes for the repeat checks: a point north of the fixture intake's, an address and a phone.
enum RepeatFixtures {
    static func intake(
        category: String = "SR03", north metres: Double = 0, address: String = "湘湖路1号", phone: String? = nil,
        areaCode: String = Fixtures.grid
    ) -> Intake {
        var intake = Fixtures.intake(category: category, areaCode: areaCode)
        intake.location.lat += metres / GreatCircle.earthRadius * 180 / Double.pi
        intake.location.address = address
        intake.reporter = Reporter(name: "市民乙", phone: phone)
        return intake
    }
}
