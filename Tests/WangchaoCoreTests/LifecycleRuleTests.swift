import Foundation
import Testing
import WangchaoCore
import WangchaoTesting

/// The rules around the table: order of checks, parameters, requests, deadlines.
@Suite struct LifecycleRuleTests {
    let context = LifecycleFixture.context

    func apply(_ command: CaseCommand, to subject: Case, by user: User = Fixtures.dispatcher, version: Int? = nil)
        throws(DomainError) -> Case
    {
        try Lifecycle.apply(
            TransitionInput(command: command, expectedVersion: version ?? subject.version), to: subject, by: user,
            at: Fixtures.now, context: context
        ).case
    }

    func code(_ body: () throws -> Void) -> DomainError.Code? {
        do { try body() } catch let error as DomainError { return error.code } catch { return nil }
        return nil
    }

    @Test func versionIsCheckedBeforeState() {
        let subject = LifecycleFixture.caseIn(.rated)
        #expect(code { _ = try apply(.accept, to: subject, version: 2) } == .versionConflict)
        #expect(code { _ = try apply(.accept, to: subject) } == .transitionNotAllowed)
    }

    @Test func bodyIsCheckedBeforeVersion() {
        let subject = LifecycleFixture.caseIn(.reported)
        #expect(code { _ = try apply(.reject(reason: "  "), to: subject, version: 2) } == .invalid)
        #expect(code { _ = try apply(.dispatch(unitId: "nope"), to: LifecycleFixture.caseIn(.accepted), version: 2) } == .invalid)
        #expect(code { _ = try apply(.rate(satisfaction: 6, via: .callback), to: subject) } == .invalid)
        #expect(code { _ = try apply(.merge(intoCaseId: "c1"), to: subject) } == .invalid)
    }

    @Test func failedVerificationIsRework() throws {
        let updated = try apply(.verify(pass: false), to: LifecycleFixture.caseIn(.handled))
        #expect(updated.state == .dispatched)
        #expect(updated.reworkCount == 1)
        #expect(updated.deadlines.contains { $0.kind == .handle })
    }

    @Test func grantedParkParksAndDeniedRequestLeavesState() throws {
        var subject = LifecycleFixture.caseIn(.signed)
        subject.pendingRequests = [
            CaseRequest(id: 3, kind: .park, reason: "待规划", requestedBy: "gw", requestedAt: Fixtures.now)
        ]
        #expect(try apply(.decide(requestId: 3, grant: true), to: subject).state == .parked)
        let denied = try apply(.decide(requestId: 3, grant: false), to: subject)
        #expect(denied.state == .signed && denied.pendingRequests.isEmpty)
    }

    @Test func grantedExtensionMovesHandlingDeadline() throws {
        var subject = try apply(.dispatch(unitId: Fixtures.gridTeam), to: LifecycleFixture.caseIn(.accepted))
        let before = subject.deadlines.first { $0.kind == .handle }!.dueAt
        subject = try apply(.requestExtension(minutes: 120, reason: "等待配件"), to: subject, by: Fixtures.gridWorker)
        let requestId = subject.pendingRequests.first { $0.kind == .extension_ }!.id
        #expect(code { _ = try apply(.requestExtension(minutes: 60, reason: "再等"), to: subject, by: Fixtures.gridWorker) } == .transitionNotAllowed)
        subject = try apply(.decide(requestId: requestId, grant: true), to: subject)
        #expect(subject.deadlines.first { $0.kind == .handle }!.dueAt == before + 7200)
    }

    @Test func nobodyApprovesTheirOwnRequest() throws {
        var subject = try apply(.requestVoid(reason: "误报"), to: LifecycleFixture.caseIn(.reported).withoutRequests())
        let id = subject.pendingRequests[0].id
        #expect(code { _ = try apply(.decide(requestId: id, grant: true), to: subject) } == .transitionNotAllowed)
        subject = try apply(.decide(requestId: id, grant: true), to: subject, by: Fixtures.secondDispatcher)
        #expect(subject.state == .voided)
        #expect(code { _ = try apply(.decide(requestId: 99, grant: true), to: LifecycleFixture.caseIn(.reported)) } == .invalid)
    }

    @Test func districtCasesAreDecidedByTheCommander() throws {
        var subject = LifecycleFixture.caseIn(.accepted)
        subject.tier = .district
        #expect(code { _ = try apply(.decide(requestId: 3, grant: false), to: subject) } == .forbidden)
        #expect(try apply(.decide(requestId: 3, grant: false), to: subject, by: Fixtures.commander).state == .accepted)
    }

    @Test func escalationClimbsTiersAndStopsAtTheDistrict() throws {
        var subject = LifecycleFixture.caseIn(.signed)
        subject.tier = .town
        let escalated = try apply(.escalate(reason: "跨镇街"), to: subject)
        #expect(escalated.tier == .district && escalated.state == .accepted && escalated.assignedUnitId == nil)
        #expect(escalated.formerUnitIds == [Fixtures.gridTeam])
        #expect(code { _ = try apply(.escalate(reason: "再上报"), to: escalated) } == .transitionNotAllowed)
    }

    @Test func closingStopsEveryClockAndRequest() throws {
        let closed = try apply(.close, to: LifecycleFixture.caseIn(.verified))
        #expect(closed.deadlines.isEmpty && closed.pendingRequests.isEmpty && closed.openSupervisions.isEmpty)
    }

    @Test func supervisionMustBeOpenToAnswer() throws {
        let answered = try apply(.answerSupervision(answer: "已安排"), to: LifecycleFixture.caseIn(.signed), by: Fixtures.gridWorker)
        #expect(answered.openSupervisions.isEmpty)
        #expect(code { _ = try apply(.answerSupervision(answer: "再答"), to: answered, by: Fixtures.gridWorker) } == .transitionNotAllowed)
    }

    @Test func availableActionsMatchWhatApplyAccepts() {
        for state in CaseState.lifecycle {
            let subject = LifecycleFixture.caseIn(state)
            for user in Fixtures.userByRole.values {
                let available = Set(Lifecycle.availableActions(on: subject, for: user))
                for action in CaseAction.lifecycle {
                    let input = TransitionInput(
                        command: LifecycleFixture.command(for: action, on: subject), expectedVersion: subject.version)
                    let accepted = (try? Lifecycle.apply(input, to: subject, by: user, at: Fixtures.now, context: context)) != nil
                    if available.contains(action) && action != .addCooperator {
                        #expect(accepted, "\(user.role) \(action) from \(state) offered but refused")
                    }
                    if accepted { #expect(available.contains(action), "\(user.role) \(action) from \(state) accepted but not offered") }
                }
            }
        }
    }

    @Test func urgentDispatchStartsTheTenMinuteArrivalClock() throws {
        var subject = LifecycleFixture.caseIn(.accepted)
        subject.priority = .urgent
        let dispatched = try apply(.dispatch(unitId: Fixtures.gridTeam), to: subject)
        #expect(dispatched.deadlines.first { $0.kind == .arrive }?.dueAt == Fixtures.now + 600)
    }
}

extension Case {
    func withoutRequests() -> Case {
        var copy = self
        copy.pendingRequests = []
        return copy
    }
}
