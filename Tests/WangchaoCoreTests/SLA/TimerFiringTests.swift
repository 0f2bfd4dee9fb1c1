import Foundation
import Testing
import WangchaoCore
import WangchaoTesting

/// What a due timer does to a case, decided without I/O with injected instants.
@Suite struct TimerFiringTests {
    let t0 = China.at(2026, 11, 24, 10)

    func context(_ code: String, reinforcement: String? = Fixtures.otherGridTeam) -> TransitionContext {
        TransitionContext(
            unit: { id in Fixtures.units.first { $0.id == id } }, visibleCase: { _ in nil },
            category: CategoryCatalog.bundled[code]!, reinforcementUnit: { _ in reinforcement })
    }

    /// A case of `code` dispatched to the grid team at `t0` (and signed).
    func dispatched(_ code: String, priority: Priority = .normal) throws -> Case {
        var subject = Fixtures.intake(category: code, priority: priority).makeCase(
            id: "c", number: "XS-20261124-000001", trackingCode: "ABCDEFGH", areaCode: Fixtures.grid,
            category: CategoryCatalog.bundled[code]!, at: t0 - 120)
        for command in [CaseCommand.accept, .dispatch(unitId: Fixtures.gridTeam)] {
            subject = try Lifecycle.apply(
                TransitionInput(command: command, expectedVersion: subject.version), to: subject, by: Fixtures.dispatcher,
                at: command == .accept ? t0 - 60 : t0, context: context(code)).case
        }
        return try Lifecycle.apply(
            TransitionInput(command: .sign, expectedVersion: subject.version), to: subject, by: Fixtures.gridWorker, at: t0 + 60,
            context: context(code)
        ).case
    }

    func timer(_ kind: DeadlineKind, _ step: TimerStep, of subject: Case) throws -> SLATimer {
        let deadline = try #require(subject.deadlines.first { $0.kind == kind })
        return SLATimer(caseId: subject.id, kind: kind, step: step, fireAt: try #require(deadline.fireAt(step)))
    }

    @Test func reinforcementAtFifteenMinutesWithoutArrival() throws {
        let subject = try dispatched("SR03", priority: .urgent)
        let timer = try timer(.arrive, .reinforce, of: subject)
        #expect(timer.fireAt == t0 + 15 * 60)
        #expect(Lifecycle.fire(timer, on: subject, at: t0 + 15 * 60 - 1, context: context("SR03")) == nil)
        let (reinforced, transitions) = try #require(Lifecycle.fire(timer, on: subject, at: t0 + 15 * 60, context: context("SR03")))
        #expect(transitions.map(\.payload) == [.reinforce(unitId: Fixtures.otherGridTeam), .notify(kind: .arrive, light: .red)])
        #expect(transitions.allSatisfy { $0.actor == "system" && $0.actorRole == nil })
        #expect(transitions.map(\.version) == [subject.version + 1, subject.version + 2])
        #expect(reinforced.cooperatingUnitIds == [Fixtures.otherGridTeam])
        #expect(reinforced.state == .signed && reinforced.version == subject.version + 2)
        #expect(reinforced.deadlines.first { $0.kind == .arrive }?.fired == [.reinforce])
        // Exactly once: the same timer again decides nothing.
        #expect(Lifecycle.fire(timer, on: reinforced, at: t0 + 20 * 60, context: context("SR03")) == nil)
    }

    @Test func arrivalBeforeFifteenMinutesCancelsReinforcement() throws {
        let subject = try dispatched("AQ01")
        let arrived = try Lifecycle.apply(
            TransitionInput(command: .arrive, expectedVersion: subject.version), to: subject, by: Fixtures.gridWorker,
            at: t0 + 9 * 60, context: context("AQ01")
        ).case
        #expect(arrived.deadlines.contains { $0.kind == .arrive } == false)
        #expect(Lifecycle.fire(try timer(.arrive, .reinforce, of: subject), on: arrived, at: t0 + 15 * 60, context: context("AQ01")) == nil)
    }

    @Test func withoutAReinforcementUnitTheSchedulerOnlyNotifies() throws {
        let subject = try dispatched("AQ01")
        let (_, transitions) = try #require(
            Lifecycle.fire(try timer(.arrive, .reinforce, of: subject), on: subject, at: t0 + 15 * 60, context: context("AQ01", reinforcement: nil)))
        #expect(transitions.map(\.payload) == [.notify(kind: .arrive, light: .red)])
    }

    @Test func mediationFollowUpWithinTwentyFourHours() throws {
        let subject = try dispatched("JF01")
        let timer = try timer(.mediationFollowUp, .due, of: subject)
        #expect(timer.fireAt == t0 + 24 * 3600)
        #expect(Lifecycle.fire(timer, on: subject, at: t0 + 24 * 3600 - 1, context: context("JF01")) == nil)
        let (after, transitions) = try #require(Lifecycle.fire(timer, on: subject, at: t0 + 24 * 3600, context: context("JF01")))
        #expect(transitions.map(\.payload) == [.markLight(kind: .mediationFollowUp, light: .red), .notify(kind: .mediationFollowUp, light: .red)])
        #expect(transitions.first?.note == "「调解回访」已超时，亮红灯")
        // The red light supersedes the yellow one, which can no longer fire.
        #expect(after.deadlines.first { $0.kind == .mediationFollowUp }?.fired == [.due, .warn])
        let warn = try self.timer(.mediationFollowUp, .warn, of: subject)
        #expect(Lifecycle.fire(warn, on: after, at: t0 + 25 * 3600, context: context("JF01")) == nil)
    }

    @Test func yellowAtEightyPercent() throws {
        let subject = try dispatched("AQ01")
        let warn = try timer(.handle, .warn, of: subject)
        #expect(warn.fireAt == t0 + 192 * 60)
        let (_, transitions) = try #require(Lifecycle.fire(warn, on: subject, at: t0 + 192 * 60, context: context("AQ01")))
        #expect(transitions.map(\.payload) == [.markLight(kind: .handle, light: .yellow)])
    }

    @Test func handlingOverdueRaisesTheTierLast() throws {
        let subject = try dispatched("AQ01")
        let (raised, transitions) = try #require(
            Lifecycle.fire(try timer(.handle, .due, of: subject), on: subject, at: t0 + 240 * 60, context: context("AQ01")))
        #expect(transitions.map(\.action) == ["markLight", "notify", "escalate"])
        #expect(raised.tier == .community && raised.state == .accepted && raised.deadlines.isEmpty)
        #expect(raised.assignedUnitId == nil && raised.formerUnitIds == [Fixtures.gridTeam])

        // At the district there is no tier above: the light and the reminder only.
        var atDistrict = subject
        atDistrict.tier = .district
        let (_, top) = try #require(
            Lifecycle.fire(try timer(.handle, .due, of: subject), on: atDistrict, at: t0 + 240 * 60, context: context("AQ01")))
        #expect(top.map(\.action) == ["markLight", "notify"])
    }

    @Test func closedCasesAndMissingDeadlinesDecideNothing() throws {
        var subject = try dispatched("AQ01")
        let due = try timer(.handle, .due, of: subject)
        subject.state = .closed
        #expect(Lifecycle.fire(due, on: subject, at: t0 + 86_400, context: context("AQ01")) == nil)
        subject.state = .signed
        subject.deadlines = []
        #expect(Lifecycle.fire(due, on: subject, at: t0 + 86_400, context: context("AQ01")) == nil)
    }

    @Test func aGrantedExtensionMovesTheLimitAndRearmsItsTimers() throws {
        var subject = try dispatched("AQ01")
        let index = try #require(subject.deadlines.firstIndex { $0.kind == .handle })
        subject.deadlines[index].fired = [.warn, .due]
        subject.pendingRequests = [
            CaseRequest(id: 9, kind: .extension_, minutes: 60, reason: "等配件", requestedBy: "gw", requestedAt: t0)
        ]
        let extended = try Lifecycle.apply(
            TransitionInput(command: .decide(requestId: 9, grant: true), expectedVersion: subject.version), to: subject,
            by: Fixtures.dispatcher, at: t0 + 3600, context: context("AQ01")
        ).case
        let handle = try #require(extended.deadlines.first { $0.kind == .handle })
        #expect(handle.dueAt == t0 + 300 * 60 && handle.warnAt == t0 + 240 * 60 && handle.fired.isEmpty)
    }
}
