import WangchaoCore

/// The story of one case after intake: who accepts, dispatches, signs, handles, checks, closes
/// and rates it, what goes wrong on the way, and how long each step takes.
///
/// The script only chooses; every step is taken through ``CaseWalk`` and so by the real state
/// machine. It stops wherever the next step would fall after the demo's now, which leaves
/// recent cases spread over the open states and old ones mostly closed and rated.
struct CaseScript {
    /// How a case leaves the usual path, if it does.
    enum Fate {
        case usual
        /// Refused at intake.
        case rejected
        /// A repeat report, folded into an earlier case before or just after acceptance.
        case merged(into: Case, beforeAccepting: Bool)
        /// Approved to wait (挂账) after the unit asks.
        case parked
        /// Found void (作废) after the unit asks.
        case voided
    }

    /// A hand-off of the assigned unit after signing.
    enum HandOff {
        case escalate
        case giveBack
    }

    private(set) var walk: CaseWalk
    private(set) var rng: SeededGenerator
    private let index: DistrictIndex
    private let place: DistrictIndex.Place
    private let category: Category
    private let scene: Scene
    private let fate: Fate
    private let handOff: HandOff?
    /// Whether the first verification will fail; cleared once it has.
    private var reworkPending: Bool
    /// Whether hand-offs and complications are still to come; they happen on the first assignment only.
    private var firstAssignment = true
    private let extends: Bool
    private let supervised: Bool
    private let cooperates: Bool
    private let arrives: Bool
    /// The person of the assigned unit working on the case; set by every dispatch.
    private var worker: User?

    init(
        walk: CaseWalk, rng: SeededGenerator, index: DistrictIndex, place: DistrictIndex.Place, category: Category,
        scene: Scene, mergeTarget: Case?
    ) {
        var rng = rng
        let draw = rng.unit()
        fate = switch draw {
        case ..<0.015: .rejected
        case ..<0.04: mergeTarget.map { .merged(into: $0, beforeAccepting: draw < 0.0325) } ?? .usual
        case ..<0.048: .parked
        case ..<0.054: .voided
        default: .usual
        }
        let handOffDraw = rng.unit()
        handOff = handOffDraw < 0.02 ? .escalate : handOffDraw < 0.03 ? .giveBack : nil
        reworkPending = rng.chance(0.05)
        extends = category.slaClass != .consult && rng.chance(0.04)
        supervised = rng.chance(0.04)
        cooperates = rng.chance(0.03)
        let fast = walk.current.priority == .urgent || category.slaClass == .emergency
        arrives = rng.chance(fast ? 1 : category.slaClass == .dispute ? 0.7 : category.slaClass == .consult ? 0.2 : 0.55)
        self.walk = walk
        self.rng = rng
        self.index = index
        self.place = place
        self.category = category
        self.scene = scene
    }

    /// The earlier case this report will be merged into, if that is its fate.
    var mergeTarget: Case? {
        if case .merged(let target, _) = fate { return target }
        return nil
    }

    /// Moves the report before it is played; see ``CaseWalk/relocate(to:areaCode:)``.
    mutating func relocate(to location: Location, areaCode: String) {
        walk.relocate(to: location, areaCode: areaCode)
    }

    /// Plays the story until it ends or reaches the demo's now.
    mutating func play() {
        guard triage() else { return }
        var unit = firstUnit()
        var reopened = false
        while true {
            guard dispatch(to: unit), work(), walk.perform(.close, by: dispatcher(), after: delay(.close)) else { return }
            guard let satisfaction = rate(), satisfaction <= 2, !reopened, rng.chance(0.35),
                walk.perform(.reopen(reason: rng.pick(WorkflowPhrases.reopenReasons)), by: dispatcher(), after: delay(.wait))
            else { return }
            reopened = true
            unit = walk.current.assignedUnitId ?? unit
        }
    }

    // MARK: Steps

    /// Accepts the report, or refuses or merges it; `true` when the case goes on to dispatch.
    private mutating func triage() -> Bool {
        switch fate {
        case .rejected:
            _ = walk.perform(.reject(reason: rng.pick(WorkflowPhrases.rejectReasons)), by: dispatcher(), after: delay(.accept))
            return false
        case .merged(let target, true):
            merge(into: target, after: delay(.accept))
            return false
        case .merged(let target, false):
            if walk.perform(.accept, by: dispatcher(), after: delay(.accept)) { merge(into: target, after: delay(.quick)) }
            return false
        case .usual, .parked, .voided:
            return walk.perform(.accept, by: dispatcher(), after: delay(.accept))
        }
    }

    private mutating func merge(into target: Case, after minutes: Double) {
        _ = walk.perform(.merge(intoCaseId: target.id), by: dispatcher(), after: minutes, note: rng.pick(WorkflowPhrases.mergeNotes))
    }

    /// Assigns the case; district-tier cases are dispatched by the command centre.
    private mutating func dispatch(to unitId: String) -> Bool {
        let actor = walk.current.tier == .district ? rng.pick(index.commanders) : dispatcher()
        guard walk.perform(.dispatch(unitId: unitId), by: actor, after: delay(.dispatch)) else { return false }
        worker = rng.pick(index.usersByUnit[unitId]!)
        return true
    }

    /// The unit signs and handles, then the result is checked; a planned failed check (返工)
    /// sends the case back once. `false` when the story ends before the case is verified.
    private mutating func work() -> Bool {
        while true {
            guard walk.perform(.sign, by: worker!, after: delay(.sign)) else { return false }
            if firstAssignment {
                firstAssignment = false
                guard handOffIfPlanned(), complications() else { return false }
            }
            if arrives {
                guard walk.perform(.arrive, by: worker!, after: delay(.arrive)) else { return false }
            }
            let result = DescriptionTemplates.result(of: category.code, in: scene, using: &rng)
            guard walk.perform(.handle(result: result), by: worker!, after: delay(.handle)) else { return false }
            let pass = !reworkPending
            reworkPending = false
            let note = pass ? nil : rng.pick(WorkflowPhrases.reworkNotes)
            guard walk.perform(.verify(pass: pass), by: verifier(), after: delay(.verify), note: note) else { return false }
            if pass { return true }
        }
    }

    /// Escalates to the tier above or gives the case back, then the new unit signs.
    private mutating func handOffIfPlanned() -> Bool {
        guard let handOff, let assigned = walk.current.assignedUnitId, index.unitsById[assigned]?.kind != .department
        else { return true }
        let next: String
        switch handOff {
        case .escalate:
            guard let parent = walk.current.tier.parent else { return true }
            let reason = rng.pick(WorkflowPhrases.escalateReasons)
            guard walk.perform(.escalate(reason: reason), by: worker!, after: delay(.wait)) else { return false }
            next = unitId(for: parent)
        case .giveBack:
            let reason = rng.pick(WorkflowPhrases.returnReasons)
            guard walk.perform(.return(reason: reason), by: worker!, after: delay(.wait)) else { return false }
            next = index.unitsById[assigned]?.kind == .platform ? CategoryMix.departments[category.code]! : unitId(for: .town)
        }
        return dispatch(to: next) && walk.perform(.sign, by: worker!, after: delay(.sign))
    }

    /// Help from another unit, supervision, an extension, or a request to park or void the case.
    private mutating func complications() -> Bool {
        if cooperates {
            let helper = walk.current.assignedUnitId == UnitBuilder.gridTeamId(place.gridCode)
                ? UnitBuilder.communityId(place.community.code) : UnitBuilder.gridTeamId(place.gridCode)
            if helper != walk.current.assignedUnitId, !walk.current.cooperatingUnitIds.contains(helper) {
                guard walk.perform(.addCooperator(unitId: helper), by: dispatcher(), after: delay(.quick)) else { return false }
            }
        }
        if supervised {
            let chief = rng.chance(0.5) ? rng.pick(index.commanders) : dispatcher()
            guard walk.perform(.supervise(instruction: rng.pick(WorkflowPhrases.supervisions)), by: chief, after: delay(.wait)),
                walk.perform(.answerSupervision(answer: rng.pick(WorkflowPhrases.supervisionAnswers)), by: worker!, after: delay(.approval))
            else { return false }
        }
        if extends {
            let minutes = rng.pick([1440, 2880, 4320])
            let reason = rng.pick(WorkflowPhrases.extensionReasons)
            guard walk.perform(.requestExtension(minutes: minutes, reason: reason), by: worker!, after: delay(.wait)),
                decide(grant: rng.chance(0.9))
            else { return false }
        }
        switch fate {
        case .parked:
            guard walk.perform(.requestPark(reason: rng.pick(WorkflowPhrases.parkReasons)), by: worker!, after: delay(.wait)) else { return false }
            return decide(grant: rng.chance(0.9)) && walk.current.state.isOpen
        case .voided:
            guard walk.perform(.requestVoid(reason: rng.pick(WorkflowPhrases.voidReasons)), by: worker!, after: delay(.wait)) else { return false }
            return decide(grant: rng.chance(0.9)) && walk.current.state.isOpen
        case .usual, .rejected, .merged:
            return true
        }
    }

    /// The duty chief (值班长) decides the latest request: the town's dispatcher, or the
    /// command centre for district-tier cases.
    private mutating func decide(grant: Bool) -> Bool {
        let requestId = walk.current.pendingRequests.last!.id
        let chief = walk.current.tier == .district ? rng.pick(index.commanders) : dispatcher()
        return walk.perform(.decide(requestId: requestId, grant: grant), by: chief, after: delay(.approval))
    }

    /// Most closed cases are rated, mostly 4–5: by the reporter on the tracking page (more often
    /// for self-service channels), otherwise by a dispatcher's call-back. `nil` when not rated (yet).
    private mutating func rate() -> Int? {
        guard rng.chance(0.8) else { return nil }
        let satisfaction = 1 + rng.index(weights: [2, 3, 8, 25, 62])
        let selfService: Set<SourceChannel> = [.citizenApp, .chatGroup, .open311]
        let rated =
            rng.chance(selfService.contains(walk.current.source) ? 0.6 : 0.15)
            ? walk.performReporterRating(satisfaction, after: delay(.rate))
            : walk.perform(.rate(satisfaction: satisfaction, via: .callback), by: dispatcher(), after: delay(.rate))
        return rated ? satisfaction : nil
    }

    // MARK: Who and where

    /// The unit the category's tier names; a town sends some matters straight to a department.
    private mutating func firstUnit() -> String {
        if rng.chance(CategoryMix.directDepartmentShare(category)) { return CategoryMix.departments[category.code]! }
        return unitId(for: category.tier)
    }

    private func unitId(for tier: Tier) -> String {
        switch tier {
        case .grid: UnitBuilder.gridTeamId(place.gridCode)
        case .community: UnitBuilder.communityId(place.community.code)
        case .town: UnitBuilder.platformId(place.town.code, category.platform)
        case .district: CategoryMix.departments[category.code]!
        }
    }

    private mutating func dispatcher() -> User {
        rng.pick(index.dispatchersByTown[place.town.code]!)
    }

    /// Someone other than the worker checks the result: the grid's worker, or the community
    /// when the grid team handled it, or a dispatcher.
    private mutating func verifier() -> User {
        if rng.chance(0.35) { return dispatcher() }
        if walk.current.assignedUnitId == UnitBuilder.gridTeamId(place.gridCode) {
            return rng.pick(index.usersByUnit[UnitBuilder.communityId(place.community.code)]!)
        }
        return index.gridWorkers[place.gridCode]!
    }

    private mutating func delay(_ step: StepTiming.Step) -> Double {
        StepTiming.minutes(for: step, slaClass: category.slaClass, urgent: walk.current.priority == .urgent, using: &rng)
    }
}
