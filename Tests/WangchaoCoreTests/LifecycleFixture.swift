import Foundation
import WangchaoCore
import WangchaoTesting

/// Cases in any state, commands with valid parameters and allowed actors, for table tests.
enum LifecycleFixture {
    static let category = CategoryCatalog.bundled["SR03"]!

    static var context: TransitionContext {
        TransitionContext(
            unit: { id in Fixtures.units.first { $0.id == id } },
            visibleCase: { id in id == "target" ? caseIn(.accepted, id: "target") : nil },
            category: category)
    }

    /// A case in `state` at version 5, with a pending void request (id 3, by someone else) and an
    /// open supervision, assigned to the grid team, so every non-state precondition holds.
    static func caseIn(_ state: CaseState, id: String = "c1") -> Case {
        var subject = Fixtures.intake().makeCase(
            id: id, number: "XS-20261124-000001", trackingCode: "ABCDEFGH", areaCode: Fixtures.grid,
            category: category, at: Fixtures.now)
        subject.state = state
        subject.version = 5
        subject.assignedUnitId = Fixtures.gridTeam
        subject.pendingRequests = [
            CaseRequest(id: 3, kind: .void, reason: "重复登记", requestedBy: "someone", requestedAt: Fixtures.now)
        ]
        subject.openSupervisions = [Supervision(id: 4, instruction: "请加快处置", issuedBy: "dc", issuedAt: Fixtures.now)]
        return subject
    }

    static func command(for action: CaseAction, on subject: Case) -> CaseCommand {
        switch action {
        case .accept: .accept
        case .reject: .reject(reason: "不属于受理范围")
        case .merge: .merge(intoCaseId: "target")
        case .dispatch: .dispatch(unitId: Fixtures.enforcementPlatform)
        case .sign: .sign
        case .arrive: .arrive
        case .handle: .handle(result: "已处置")
        case .verify: .verify(pass: true)
        case .reopen: .reopen(reason: "群众反映未解决")
        case .close: .close
        case .rate: .rate(satisfaction: 5, via: .callback)
        case .return: .return(reason: "非本单位职责")
        case .escalate: .escalate(reason: "需上级协调")
        case .addCooperator: .addCooperator(unitId: Fixtures.otherGridTeam)
        case .requestExtension: .requestExtension(minutes: 60, reason: "需等待配件")
        case .requestPark: .requestPark(reason: "需纳入年度计划")
        case .requestVoid: .requestVoid(reason: "误报")
        case .decide: .decide(requestId: 3, grant: true)
        case .supervise: .supervise(instruction: "请今日办结")
        case .answerSupervision: .answerSupervision(answer: "已安排")
        case .markLight: .markLight(kind: .handle, light: .yellow)
        case .notify: .notify(kind: .handle, light: .red)
        case .reinforce: .reinforce(unitId: Fixtures.otherGridTeam)
        default: .step(action: action)
        }
    }

    /// A user whose role may take `action`; the town dispatcher where allowed.
    static func actor(for action: CaseAction) -> User {
        let roles = Lifecycle.allowedRoles(for: action)
        if roles.contains(.townDispatcher) { return Fixtures.dispatcher }
        return Fixtures.commander
    }
}
