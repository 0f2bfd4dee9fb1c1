import Foundation
import Testing
import WangchaoCore
@testable import WangchaoDemo

/// The demo's cases carry the repeat flags intake would have given them, and its merges fold
/// reports into cases intake offered as candidates.
@Suite struct DemoRepeatTests {
    let run = Fixtures.defaultRun

    @Test func mergedReportsPointAtACandidateNearby() throws {
        let merged = run.map(\.case).filter { $0.state == .merged }
        #expect(merged.count > 200)
        for c in merged {
            let target = try #require(c.mergedIntoCaseId)
            let candidate = try #require(c.repeatCandidates.first { $0.caseId == target }, "\(c.number): target not offered")
            let metres = try #require(candidate.distanceMetres, "\(c.number): target not nearby")
            #expect(metres <= 60.5)
            #expect(c.likelyRepeat)
        }
    }

    @Test func flagsMatchTheRepeatPolicyAndTheSeedsRate() throws {
        let byId = Dictionary(uniqueKeysWithValues: run.map { ($0.case.id, $0.case) })
        let policy = RepeatPolicy.standard
        var flagged = 0
        for c in run.map(\.case) {
            #expect(c.likelyRepeat == !c.repeatCandidates.isEmpty)
            if c.likelyRepeat { flagged += 1 }
            for candidate in c.repeatCandidates {
                let earlier = try #require(byId[candidate.caseId])
                #expect(earlier.createdAt <= c.createdAt && candidate.number == earlier.number)
                let probe = RepeatProbe(
                    category: c.category, lat: c.location.lat, lng: c.location.lng,
                    addressKey: RepeatKeys.address(c.location.address), callerKey: RepeatKeys.caller(c.reporter.phone),
                    at: c.createdAt)
                var asThen = earlier
                asThen.state = candidate.state
                #expect(policy.reasons(probe, against: asThen) == candidate.reasons, "\(c.number) → \(earlier.number)")
            }
        }
        // The seeds' 110 repeat-call rate is 10–11 %; the demo should look like a district.
        let rate = Double(flagged) / Double(run.count)
        #expect((0.05...0.15).contains(rate), "likely-repeat rate \(rate)")
    }
}
