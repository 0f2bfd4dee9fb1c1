import Foundation
import Testing
import WangchaoCore
import WangchaoServices
import WangchaoStore
import WangchaoTesting

/// A kind defined only in a test resource (`errand`: 待领办 → 办理中 → 已办结, a 30-minute
/// limit to take it up) runs through intake, transitions, its timer and `allowedActions` by
/// the table engine, with no Swift code of the kind's own and none of kind `case` touched.
@Suite("A kind defined as data: intake, transitions, timer, allowed actions")
struct TableKindTests {
    let fixture: SQLiteFixture
    let settings = Fixtures.settingsWithErrand
    var cases: CaseService { CaseService(store: fixture.store, settings: settings) }
    var timers: TimerService { TimerService(store: fixture.store, settings: settings) }
    var workflow: CaseWorkflow { get throws { try settings.kinds.workflow(for: Fixtures.errand) } }

    init() async throws { fixture = try await SQLiteFixture() }

    func errand() -> Intake {
        var intake = Fixtures.intake(description: "帮独居老人代缴水费")
        intake.kind = Fixtures.errand
        return intake
    }

    func step(_ action: CaseAction, on subject: Case, by user: User, at now: Date) async throws -> Case {
        try await cases.apply(
            caseId: subject.id, TransitionInput(command: .step(action: action), expectedVersion: subject.version), by: user,
            at: now)
    }

    @Test("intake files it in its initial state with its one limit, through the one intake path")
    func intake() async throws {
        let submission = IntakeSubmission(errand())
        let prepared = try await IntakeService(store: fixture.store, settings: settings, locator: nil).prepare(submission)
        let filed = try await cases.file(prepared, by: Fixtures.gridWorker, idempotencyKey: "errand-1", at: Fixtures.now).case
        #expect(filed.kind == Fixtures.errand)
        #expect(filed.state == "waiting")
        #expect(filed.deadlines.map(\.kind) == ["takeUp"])
        let limit = try #require(filed.deadlines.first)
        #expect(limit.dueAt == Fixtures.now + 30 * 60)
        #expect(limit.warnAt == Fixtures.now + 24 * 60)
        let stored = try #require(try await fixture.store.getCase(id: filed.id))
        #expect(stored == filed)
        let history = try await fixture.store.history(caseId: filed.id)
        #expect(history.map(\.toState) == ["waiting"])
        #expect(try await fixture.store.timers(caseId: filed.id).map(\.step) == [.warn, .due])
        let listed = try await fixture.store.listCases(
            { var q = CaseQuery(); q.kind = Fixtures.errand; return q }(), viewer: Fixtures.commander.viewer)
        #expect(listed.items.map(\.id) == [filed.id])
    }

    @Test("an unknown kind is refused at intake with field kind; the bundled settings know no errand")
    func unknownKind() async throws {
        var intake = errand()
        intake.kind = "parcel"
        await expectCode(.invalid, field: "kind") {
            _ = try await cases.file(intake, by: Fixtures.gridWorker, idempotencyKey: nil, at: Fixtures.now)
        }
        await expectCode(.invalid, field: "kind") {
            _ = try await fixture.store.cases.file(errand(), by: Fixtures.gridWorker, idempotencyKey: nil, at: Fixtures.now)
        }
        #expect(try await fixture.store.listCases(CaseQuery(), viewer: Fixtures.commander.viewer).items.isEmpty)
    }

    @Test("allowedActions follow the table: role and state, in the definition's order")
    func allowedActions() async throws {
        let filed = try await cases.file(errand(), by: Fixtures.gridWorker, idempotencyKey: nil, at: Fixtures.now).case
        let workflow = try self.workflow
        #expect(workflow.availableActions(on: filed, for: Fixtures.gridWorker) == ["take"])
        #expect(workflow.availableActions(on: filed, for: Fixtures.dispatcher) == ["take", "remark"])
        #expect(workflow.availableActions(on: filed, for: Fixtures.communityStaff) == ["remark"])
        #expect(workflow.availableActions(on: filed, for: Fixtures.observer).isEmpty)
        #expect(settings.kinds.availableActions(on: filed, for: Fixtures.gridWorker) == ["take"])
        let running = try await step("take", on: filed, by: Fixtures.gridWorker, at: Fixtures.now + 60)
        #expect(workflow.availableActions(on: running, for: Fixtures.gridWorker) == ["complete"])
        #expect(workflow.availableActions(on: running, for: Fixtures.dispatcher) == ["remark"])
        let completed = try await step("complete", on: running, by: Fixtures.gridWorker, at: Fixtures.now + 120)
        #expect(workflow.availableActions(on: completed, for: Fixtures.gridWorker).isEmpty)
        #expect(workflow.availableActions(on: completed, for: Fixtures.dispatcher).isEmpty)
    }

    @Test("transitions, one by one: take stops the limit, remark stays, complete closes")
    func transitions() async throws {
        let filed = try await cases.file(errand(), by: Fixtures.gridWorker, idempotencyKey: nil, at: Fixtures.now).case
        let remarked = try await step("remark", on: filed, by: Fixtures.dispatcher, at: Fixtures.now + 30)
        #expect(remarked.state == "waiting" && remarked.version == 2)
        #expect(remarked.deadlines == filed.deadlines, "staying in waiting keeps the running limit as it was")

        let running = try await step("take", on: remarked, by: Fixtures.gridWorker, at: Fixtures.now + 60)
        #expect(running.state == "running" && running.version == 3)
        #expect(running.deadlines.isEmpty, "takeUp runs only while waiting")
        #expect(try await fixture.store.timers(caseId: filed.id).isEmpty)

        let completed = try await step("complete", on: running, by: Fixtures.gridWorker, at: Fixtures.now + 120)
        #expect(completed.state == "completed")
        #expect(!settings.kinds.isOpen(completed.state))
        let history = try await fixture.store.history(caseId: filed.id)
        #expect(history.map(\.action) == [Transition.intakeAction, "remark", "take", "complete"])
        #expect(history.map(\.toState) == ["waiting", "waiting", "running", "completed"])
        #expect(history.last?.payload == .step(action: "complete"))
        #expect(history.last?.actor == Fixtures.gridWorker.username)
    }

    @Test("refusals change nothing: role (403), action of another kind (400 action), state (409), version (409)")
    func refusals() async throws {
        let filed = try await cases.file(errand(), by: Fixtures.gridWorker, idempotencyKey: nil, at: Fixtures.now).case
        await expectCode(.forbidden) { _ = try await step("take", on: filed, by: Fixtures.communityStaff, at: Fixtures.now) }
        await expectCode(.transitionNotAllowed) {
            _ = try await step("complete", on: filed, by: Fixtures.gridWorker, at: Fixtures.now)
        }
        await expectCode(.invalid, field: "action") {
            _ = try await cases.apply(
                caseId: filed.id, TransitionInput(command: .accept, expectedVersion: 1), by: Fixtures.dispatcher, at: Fixtures.now)
        }
        await expectCode(.versionConflict) {
            _ = try await cases.apply(
                caseId: filed.id, TransitionInput(command: .step(action: "take"), expectedVersion: 7), by: Fixtures.gridWorker,
                at: Fixtures.now)
        }
        let ordinary = try await cases.file(Fixtures.intake(), by: Fixtures.gridWorker, idempotencyKey: nil, at: Fixtures.now).case
        await expectCode(.invalid, field: "action") {
            _ = try await step("take", on: ordinary, by: Fixtures.dispatcher, at: Fixtures.now)
        }
        #expect(try await fixture.store.getCase(id: filed.id) == filed)
        #expect(try await fixture.store.history(caseId: filed.id).count == 1)
    }

    @Test("its timer: yellow at 80 %, then red with a reminder, state unchanged; fired once")
    func timer() async throws {
        let filed = try await cases.file(errand(), by: Fixtures.gridWorker, idempotencyKey: nil, at: Fixtures.now).case
        #expect(try await timers.fireDue(at: Fixtures.now + 23 * 60, limit: 10).isEmpty)
        let warned = try await timers.fireDue(at: Fixtures.now + 25 * 60, limit: 10)
        #expect(warned.map(\.step) == [.warn] && warned.map(\.kind) == ["takeUp"])
        let due = try await timers.fireDue(at: Fixtures.now + 31 * 60, limit: 10)
        #expect(due.map(\.step) == [.due])
        #expect(try await timers.fireDue(at: Fixtures.now + 60 * 60, limit: 10).isEmpty, "each step fires once")

        let history = try await fixture.store.history(caseId: filed.id)
        #expect(
            history.compactMap(\.payload) == [
                .markLight(kind: "takeUp", light: .yellow), .markLight(kind: "takeUp", light: .red),
                .notify(kind: "takeUp", light: .red),
            ])
        #expect(history.dropFirst().allSatisfy { $0.actor == Lifecycle.systemActor && $0.toState == "waiting" })
        let current = try #require(try await fixture.store.getCase(id: filed.id))
        #expect(current.state == "waiting" && current.version == 4)
        #expect(current.deadlines.first?.fired == [.warn, .due])
        #expect(try await fixture.store.timers(caseId: filed.id).isEmpty)

        // Taken late, the limit stops; the red light stays in the history.
        let running = try await step("take", on: current, by: Fixtures.gridWorker, at: Fixtures.now + 61 * 60)
        #expect(running.deadlines.isEmpty)
    }

    @Test("a timer of a case taken in time never fires")
    func takenInTime() async throws {
        let filed = try await cases.file(errand(), by: Fixtures.gridWorker, idempotencyKey: nil, at: Fixtures.now).case
        _ = try await step("take", on: filed, by: Fixtures.gridWorker, at: Fixtures.now + 10 * 60)
        #expect(try await timers.fireDue(at: Fixtures.now + 2 * 3600, limit: 10).isEmpty)
        #expect(try await fixture.store.history(caseId: filed.id).count == 2)
    }

    func expectCode(
        _ code: DomainError.Code, field: String? = nil, sourceLocation: SourceLocation = #_sourceLocation,
        _ body: () async throws -> Void
    ) async {
        do {
            try await body()
            Issue.record("no error; expected \(code)", sourceLocation: sourceLocation)
        } catch let error as DomainError {
            #expect(error.code == code, "\(error.message)", sourceLocation: sourceLocation)
            if let field { #expect(error.field == field, sourceLocation: sourceLocation) }
        } catch {
            Issue.record("unexpected \(error)", sourceLocation: sourceLocation)
        }
    }
}
