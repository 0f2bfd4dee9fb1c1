import Foundation
import Testing
import WangchaoCore
import WangchaoTesting

/// The lifecycle's transition table, written out independently of the implementation: every
/// state × every action either leads to the state listed here or is refused.
@Suite struct TransitionTableTests {
    /// (action, from) → to, for every allowed pair. Anything absent must be refused.
    static let expected: [CaseAction: [CaseState: CaseState]] = [
        .accept: [.reported: .accepted],
        .reject: [.reported: .rejected],
        .merge: [.reported: .merged, .accepted: .merged],
        .dispatch: [.accepted: .dispatched, .dispatched: .dispatched, .signed: .dispatched],
        .sign: [.dispatched: .signed],
        .arrive: [.signed: .onSite],
        .handle: [.signed: .handled, .onSite: .handled],
        .verify: [.handled: .verified],
        .reopen: [.rejected: .accepted, .closed: .accepted, .rated: .accepted, .parked: .accepted],
        .close: [.verified: .closed],
        .rate: [.closed: .rated],
        .return: [.dispatched: .accepted, .signed: .accepted, .onSite: .accepted],
        .escalate: [.accepted: .accepted, .dispatched: .accepted, .signed: .accepted, .onSite: .accepted],
        .addCooperator: [.dispatched: .dispatched, .signed: .signed, .onSite: .onSite],
        .requestExtension: [.dispatched: .dispatched, .signed: .signed, .onSite: .onSite],
        .requestPark: [.accepted: .accepted, .dispatched: .dispatched, .signed: .signed, .onSite: .onSite],
        .requestVoid: [
            .reported: .reported, .accepted: .accepted, .dispatched: .dispatched, .signed: .signed, .onSite: .onSite,
        ],
        .decide: Self.same(in: openStates),
        .supervise: Self.same(in: openStates),
        .answerSupervision: Self.same(in: openStates),
        // System actions (SLA scheduler): record without moving the case.
        .markLight: Self.same(in: openStates),
        .notify: Self.same(in: openStates),
        .reinforce: [.dispatched: .dispatched, .signed: .signed, .onSite: .onSite],
    ]

    /// Actions only the scheduler takes, as `system`.
    static let systemActions: Set<CaseAction> = [.markLight, .notify, .reinforce]

    static let openStates: [CaseState] = [.reported, .accepted, .dispatched, .signed, .onSite, .handled, .verified]

    static func same(in states: [CaseState]) -> [CaseState: CaseState] {
        Dictionary(uniqueKeysWithValues: states.map { ($0, $0) })
    }

    struct Pair: CustomTestStringConvertible, Sendable {
        let state: CaseState
        let action: CaseAction
        var testDescription: String { "\(action.rawValue) from \(state.rawValue)" }
    }

    static let allPairs = CaseState.lifecycle.flatMap { state in CaseAction.lifecycle.map { Pair(state: state, action: $0) } }

    @Test(arguments: allPairs)
    func table(_ pair: Pair) {
        #expect(Lifecycle.nextState(from: pair.state, action: pair.action) == Self.expected[pair.action]?[pair.state])
    }

    /// Applied for real, by a user allowed to act, on a case prepared so that every
    /// precondition besides the state holds: the outcome is the listed state or `transitionNotAllowed`.
    @Test(arguments: allPairs.filter { !systemActions.contains($0.action) })
    func applied(_ pair: Pair) throws {
        var subject = LifecycleFixture.caseIn(pair.state)
        if pair.action == .requestVoid { subject.pendingRequests = [] }  // one void request at a time
        let command = LifecycleFixture.command(for: pair.action, on: subject)
        let actor = LifecycleFixture.actor(for: pair.action)
        let input = TransitionInput(command: command, expectedVersion: subject.version)
        let expectedState: CaseState? =
            switch (pair.action, Self.expected[pair.action]?[pair.state]) {
            case (.decide, .some): .voided  // the prepared request is a void request, granted
            case (_, let next): next
            }
        do {
            let (updated, transition) = try Lifecycle.apply(
                input, to: subject, by: actor, at: Fixtures.now, context: LifecycleFixture.context)
            #expect(updated.state == expectedState)
            #expect(updated.version == subject.version + 1)
            #expect(transition.fromState == pair.state && transition.toState == updated.state)
            #expect(transition.action == pair.action.rawValue && transition.version == updated.version)
        } catch {
            #expect(expectedState == nil, "refused unexpectedly: \(error)")
            #expect(error.code == .transitionNotAllowed)
        }
    }

    /// System actions applied for real as `system` (no role): the listed state or
    /// `transitionNotAllowed`; the history row names `system` with no role.
    @Test(arguments: allPairs.filter { systemActions.contains($0.action) || $0.action == .escalate })
    func appliedBySystem(_ pair: Pair) throws {
        let subject = LifecycleFixture.caseIn(pair.state)
        let command = LifecycleFixture.command(for: pair.action, on: subject)
        let expectedState = Self.expected[pair.action]?[pair.state]
        do {
            let (updated, transition) = try Lifecycle.applySystem(
                command, to: subject, at: Fixtures.now, note: "自动", context: LifecycleFixture.context)
            #expect(updated.state == expectedState)
            #expect(updated.version == subject.version + 1)
            #expect(transition.actor == "system" && transition.actorRole == nil)
            #expect(transition.action == pair.action.rawValue && transition.payload == command)
            if pair.action == .reinforce { #expect(updated.cooperatingUnitIds == [Fixtures.otherGridTeam]) }
            if pair.action == .markLight || pair.action == .notify {
                #expect(updated.deadlines == subject.deadlines && updated.assignedUnitId == subject.assignedUnitId)
            }
        } catch {
            #expect(expectedState == nil, "refused unexpectedly: \(error)")
            #expect(error.code == .transitionNotAllowed)
        }
    }

    /// Who may ever take each action, written out.
    static let roles: [CaseAction: Set<Role>] = {
        let dispatchers: Set<Role> = [.townDispatcher, .districtCommander]
        let handlers: Set<Role> = [.gridWorker, .communityStaff, .departmentHandler, .townDispatcher]
        return [
            .accept: dispatchers, .reject: dispatchers, .merge: dispatchers, .dispatch: dispatchers,
            .close: dispatchers, .reopen: dispatchers, .rate: dispatchers, .decide: dispatchers,
            .supervise: dispatchers, .sign: handlers, .arrive: handlers, .handle: handlers, .return: handlers,
            .escalate: handlers, .requestExtension: handlers, .requestPark: handlers, .requestVoid: handlers,
            .answerSupervision: handlers, .verify: [.gridWorker, .communityStaff, .townDispatcher, .districtCommander],
            .addCooperator: [.communityStaff, .townDispatcher, .districtCommander],
            .markLight: [], .notify: [], .reinforce: [],
        ]
    }()

    @Test(arguments: CaseAction.lifecycle)
    func allowedRoles(_ action: CaseAction) {
        #expect(Lifecycle.allowedRoles(for: action) == Self.roles[action])
        #expect(!Lifecycle.allowedRoles(for: action).contains(.observer))
    }

    /// A role outside the table is refused with `forbidden` before anything else is looked at,
    /// even with a stale version and a state that forbids the action.
    @Test(arguments: CaseAction.lifecycle)
    func forbiddenRolesComeFirst(_ action: CaseAction) {
        let subject = LifecycleFixture.caseIn(.rated)
        for role in Role.allCases where !Lifecycle.allowedRoles(for: action).contains(role) {
            let user = User(username: "x", displayName: "x", role: role, scope: .area(Fixtures.district))
            let input = TransitionInput(command: LifecycleFixture.command(for: action, on: subject), expectedVersion: 99)
            #expect(throws: DomainError.self) {
                try Lifecycle.apply(input, to: subject, by: user, at: Fixtures.now, context: LifecycleFixture.context)
            }
            do {
                _ = try Lifecycle.apply(input, to: subject, by: user, at: Fixtures.now, context: LifecycleFixture.context)
            } catch {
                #expect(error.code == .forbidden)
            }
        }
    }
}
