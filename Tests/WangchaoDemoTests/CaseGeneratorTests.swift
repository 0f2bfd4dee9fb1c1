import Foundation
import Testing
import WangchaoCore
@testable import WangchaoDemo

@Suite struct CaseGeneratorTests {
    let run = Fixtures.defaultRun
    let now = Fixtures.now

    @Test func theDefaultRunHasFortyThousandCasesInEveryState() {
        #expect(run.count == 40_000)
        let states = Set(run.map(\.case.state))
        for state in CaseState.lifecycle { #expect(states.contains(state), "no case is \(state)") }
    }

    /// Each history starts at intake, chains states, counts versions and moves forward in time,
    /// as the state machine's table says.
    @Test func everyHistoryIsAPathThroughTheStateMachine() throws {
        let earliest = now.addingTimeInterval(-Double(Fixtures.defaultOptions.days) * 86_400)
        for generated in run {
            let c = generated.case, history = generated.history
            let first = try #require(history.first)
            #expect(first.action == Transition.intakeAction && first.fromState == nil && first.toState == .reported)
            #expect(first.version == 1 && first.at == c.createdAt && c.createdAt >= earliest)
            for (previous, step) in zip(history, history.dropFirst()) {
                let action = try #require(CaseAction(rawValue: step.action))
                #expect(step.fromState == previous.toState, "\(c.number) v\(step.version)")
                #expect(step.version == previous.version + 1)
                #expect(step.at >= previous.at)
                #expect(step.payload?.action == action)
                #expect(Lifecycle.nextState(from: previous.toState, action: action) != nil, "\(c.number): \(action) from \(previous.toState)")
            }
            let last = try #require(history.last)
            #expect(last.at <= now)
            #expect(c.state == last.toState && c.version == last.version && c.updatedAt == last.at)
        }
    }

    /// Replaying every recorded command through `Lifecycle.apply`, as the recorded actor at the
    /// recorded time, reproduces each transition and the final case exactly.
    @Test func replayingTheHistoriesReproducesTheCases() throws {
        let catalog = CategoryCatalog.bundled
        let byId = Dictionary(uniqueKeysWithValues: run.map { ($0.case.id, $0.case) })
        let units = Fixtures.unitsById
        for generated in run {
            let c = generated.case
            let category = try #require(catalog[c.category])
            let intake = Intake(
                category: c.category, description: c.description, source: c.source, priority: c.priority,
                location: c.location, reporter: c.reporter, attachments: c.attachments, areaCode: c.areaCode)
            var replayed = intake.makeCase(
                id: c.id, number: c.number, trackingCode: c.trackingCode, areaCode: c.areaCode, category: category,
                at: c.createdAt)
            replayed.repeatCandidates = c.repeatCandidates  // decided at intake from earlier cases, see RepeatIndex
            replayed.likelyRepeat = c.likelyRepeat
            let context = TransitionContext(unit: { units[$0] }, visibleCase: { byId[$0] }, category: category)
            for recorded in generated.history.dropFirst() {
                let command = try #require(recorded.payload)
                let next: Case
                let transition: Transition
                if recorded.actor == Lifecycle.reporterActor, case .rate(let satisfaction, .reporter) = command {
                    (next, transition) = try Lifecycle.applyReporterRating(
                        satisfaction: satisfaction, comment: recorded.note, to: replayed, at: recorded.at)
                } else {
                    let actor = try #require(Fixtures.usersByName[recorded.actor])
                    let input = TransitionInput(
                        command: command, expectedVersion: replayed.version, note: recorded.note,
                        attachments: recorded.attachments)
                    (next, transition) = try Lifecycle.apply(input, to: replayed, by: actor, at: recorded.at, context: context)
                }
                #expect(transition == recorded)
                replayed = next
            }
            #expect(replayed == c, "\(c.number)")
        }
    }

    @Test func actorsWorkWhereTheyAct() throws {
        for generated in run {
            let c = generated.case
            for step in generated.history.dropFirst() where step.actor != Lifecycle.reporterActor {
                let actor = try #require(Fixtures.usersByName[step.actor])
                switch CaseAction(rawValue: step.action)! {
                case .sign, .arrive, .handle, .return, .escalate, .requestExtension, .requestPark, .requestVoid, .answerSupervision:
                    #expect(c.involvedUnitIds.contains(actor.unitId ?? ""), "\(c.number): \(step.action) by \(actor.username)")
                case .accept, .reject, .merge, .close, .rate:
                    #expect(actor.role == .townDispatcher && c.areaCode.hasPrefix(actor.scope.text))
                default:
                    #expect(actor.role.seesWholeDistrict || c.areaCode.hasPrefix(actor.scope.text) || c.involvedUnitIds.contains(actor.unitId ?? ""))
                }
            }
        }
    }

    @Test func numbersIdsAndTrackingCodesAreWellFormedAndUnique() {
        #expect(Set(run.map(\.case.id)).count == run.count)
        #expect(Set(run.map(\.case.number)).count == run.count)
        #expect(run.allSatisfy { $0.case.trackingCode.count == 8 })
        #expect(run.allSatisfy { UUID(uuidString: $0.case.id) != nil })
        var expected: [String: Int] = [:]
        for generated in run {
            let day = CaseNumber.day(of: generated.case.createdAt)
            expected[day, default: 0] += 1
            #expect(generated.case.number == CaseNumber.format(day: day, sequence: expected[day]!))
        }
        #expect(zip(run, run.dropFirst()).allSatisfy { $0.case.createdAt <= $1.case.createdAt })
    }

    @Test func casesLieInsideTheirMicroGrid() throws {
        for generated in run.prefix(5_000) {
            let c = generated.case
            let microGrid = try #require(Fixtures.areasByCode[c.areaCode])
            #expect(microGrid.level == .microGrid)
            #expect(RingGeometry.contains(Fixtures.ring(microGrid), lng: c.location.lng, lat: c.location.lat))
            let town = try #require(Fixtures.areasByCode[String(c.areaCode.prefix(9))])
            #expect(c.location.address.hasPrefix("萧山区" + town.name))
        }
    }

    @Test func theMixLooksLikeADistrictMonth() {
        let share = { (predicate: (Case) -> Bool) in Double(run.count { predicate($0.case) }) / Double(run.count) }
        #expect((0.36...0.44).contains(share { $0.areaCode.hasPrefix("330109001") }), "城厢 share")
        #expect((0.06...0.10).contains(share { $0.priority == .urgent }), "urgent share")
        #expect(share { $0.source == .hotline12345 } > share { $0.source == .citizenApp })
        #expect(share { $0.source == .gridPatrol } > share { $0.source == .citizenApp })
        #expect(run.allSatisfy { $0.case.source != .gridPatrol || $0.case.reporter == Reporter() })
        let old = run.filter { now.timeIntervalSince($0.case.createdAt) > 7 * 86_400 }
        #expect(Double(old.count { [.closed, .rated].contains($0.case.state) }) > 0.85 * Double(old.count))
        let ratings = run.compactMap(\.case.satisfaction)
        #expect(Double(ratings.count { $0 >= 4 }) > 0.75 * Double(ratings.count))
    }

    @Test func demoUsersHaveWorkInSeveralStates() {
        let gridCases = run.filter { $0.case.areaCode.hasPrefix(DemoUsers.gridCode) }
        let gridTeamCases = run.filter { $0.case.involvedUnitIds.contains("grid-\(DemoUsers.gridCode)") }
        let communityCases = run.filter { $0.case.involvedUnitIds.contains("community-\(DemoUsers.communityCode)") }
        let platformCases = run.filter { $0.case.involvedUnitIds.contains(DemoUsers.handlerUnitId) }
        for cases in [gridCases, gridTeamCases, communityCases, platformCases] {
            #expect(cases.count >= 20)
            #expect(Set(cases.map(\.case.state)).count >= 3)
            #expect(cases.contains { $0.case.state.isOpen })
        }
        let actors = Set(run.flatMap { $0.history.map(\.actor) })
        for username in ["demo.grid", "demo.community", "demo.dispatcher", "demo.handler", "demo.commander"] {
            #expect(actors.contains(username), "\(username) acts in some case")
        }
    }

    @Test func sameSeedSameCasesOtherSeedOtherCases() throws {
        let options = DemoOptions(cases: 1_500, now: now)
        let first = Array(CaseGenerator(district: Fixtures.district, options: options))
        let again = Array(CaseGenerator(district: try DemoDistrict.build(seed: options.seed), options: options))
        #expect(first == again)
        var otherOptions = options
        otherOptions.seed = 1
        let other = Array(CaseGenerator(district: Fixtures.district, options: otherOptions))
        #expect(other.map(\.case.id) != first.map(\.case.id))
        #expect(other.map(\.case.description) != first.map(\.case.description))
    }

    @Test func batchesYieldTheSameCasesInOrder() {
        let options = DemoOptions(cases: 700, now: now)
        let generator = CaseGenerator(district: Fixtures.district, options: options)
        let batches = Array(generator.batches(of: 256))
        #expect(batches.map(\.count) == [256, 256, 188])
        #expect(batches.flatMap { $0 } == Array(generator))
        #expect(generator.count == 700)
    }

    @Test func everyCategoryHasDescriptionsAndResults() {
        for category in CategoryCatalog.bundled.categories {
            let texts = DescriptionTemplates.byCategory[category.code]
            #expect((texts?.descriptions.count ?? 0) >= 2 && (texts?.results.count ?? 0) >= 2, "\(category.code)")
            #expect(CategoryMix.weights[category.code] != nil && CategoryMix.departments[category.code] != nil, "\(category.code)")
        }
    }
}
