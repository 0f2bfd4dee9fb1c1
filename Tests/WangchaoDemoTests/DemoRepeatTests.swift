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
        let histories = Dictionary(uniqueKeysWithValues: run.map { ($0.case.id, $0.history) })
        let policy = RepeatPolicy.standard
        var flagged = 0
        for c in run.map(\.case) {
            #expect(c.likelyRepeat == !c.repeatCandidates.isEmpty)
            if c.likelyRepeat { flagged += 1 }
            for candidate in c.repeatCandidates {
                let earlier = try #require(byId[candidate.caseId])
                #expect(earlier.createdAt <= c.createdAt && candidate.number == earlier.number)
                let stateThen = histories[earlier.id]?.last { $0.at <= c.createdAt }?.toState
                #expect(candidate.state == stateThen, "\(c.number) → \(earlier.number): state at intake")
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

    /// Over 35 days, with pruning every 100 cases, the index finds exactly what comparing each
    /// case with every earlier one of the same category, address or caller finds (no other can
    /// be a candidate): cells cover the radius, pruning drops nothing needed.
    @Test func theIndexFindsWhatAFullComparisonFinds() throws {
        let options = DemoOptions(seed: 7, cases: 3_000, now: Fixtures.now, days: 35)
        let cases = Array(CaseGenerator(district: Fixtures.district, options: options))
        let keys = cases.map { ($0.case.category, RepeatKeys.address($0.case.location.address), RepeatKeys.caller($0.case.reporter.phone)) }
        var index = RepeatIndex(pruneInterval: 100)
        let policy = RepeatPolicy.standard
        var found = 0
        for (position, generated) in cases.enumerated() {
            let c = generated.case
            let intake = Intake(
                category: c.category, description: c.description, source: c.source, location: c.location,
                reporter: c.reporter)
            let (category, address, caller) = keys[position]
            var related: [Case] = []
            for previous in 0..<position {
                let other = keys[previous]
                guard other.0 == category || (address != nil && other.1 == address) || (caller != nil && other.2 == caller)
                else { continue }
                var asThen = cases[previous].case
                asThen.state = cases[previous].history.last { $0.at <= c.createdAt }?.toState ?? .reported
                related.append(asThen)
            }
            let expected = policy.candidates(for: RepeatProbe(intake, at: c.createdAt), among: related)
            #expect(index.candidates(for: intake, at: c.createdAt) == expected, "\(c.number)")
            #expect(c.repeatCandidates == expected, "\(c.number) as generated")
            found += expected.count
            index.record(generated)
        }
        #expect(found > 10, "only \(found) candidates")
    }
}
