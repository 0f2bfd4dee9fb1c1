import Foundation

extension Lifecycle {
    /// Decides one transition: checks, in this order, the role, the body, the version and the
    /// state, then returns the case as it will be and the history row that records the change.
    ///
    /// Scope (whether the actor may see the case at all) is checked by the caller before, since
    /// an invisible case must look absent (404).
    ///
    /// - Throws: ``DomainError`` `forbidden`, `invalid`, `versionConflict` or `transitionNotAllowed`;
    ///   nothing is changed then.
    public static func apply(
        _ input: TransitionInput, to subject: Case, by actor: User, at now: Date, context: TransitionContext
    ) throws(DomainError) -> (case: Case, transition: Transition) {
        let command = input.command
        let action = command.action
        if case .step = command { throw .invalid(field: "action", "未知的操作 \(action)") }
        guard allowedRoles(for: action).contains(actor.role), !actor.disabled else {
            throw .forbidden("\(actor.role.chineseName)无权执行「\(action.chineseName)」")
        }
        if case .decide = command, subject.tier == .district, actor.role != .districtCommander {
            throw .forbidden("区级案件的审批须由区级指挥（值班长）执行")
        }
        try input.validate()
        try validateReferences(command, of: subject, context: context)
        try Attachment.checkReferences(input.attachments, visible: context.visibleAttachment)
        guard input.expectedVersion == subject.version else {
            throw .versionConflict(expected: input.expectedVersion, actual: subject.version)
        }
        guard let next = nextState(from: subject.state, command: command, case: subject) else {
            throw .transitionNotAllowed("案件当前状态为「\(subject.state.chineseName)」，不能「\(action.chineseName)」")
        }

        return try advance(
            subject, to: next, by: command, actor: actor.username, role: actor.role, note: input.note,
            attachments: input.attachments, at: now, context: context)
    }

    /// Moves `subject` to `next` by `command`, the check already made: counts the version,
    /// applies the command's effects, drops the limits and requests a closed case no longer
    /// has, and writes the history row. Shared by people's and the system's transitions.
    static func advance(
        _ subject: Case, to next: CaseState, by command: CaseCommand, actor: String, role: Role?, note: String?,
        attachments: [String], at now: Date, context: TransitionContext
    ) throws(DomainError) -> (case: Case, transition: Transition) {
        var updated = subject
        updated.version += 1
        updated.state = next
        updated.updatedAt = now
        try applyEffects(command, to: &updated, by: actor, at: now, context: context)
        if !next.isOpen {
            updated.deadlines = []
            updated.pendingRequests = []
            updated.openSupervisions = []
        }
        let transition = Transition(
            caseId: subject.id, version: updated.version, fromState: subject.state, toState: next,
            action: command.action.rawValue, actor: actor, actorRole: role, at: now, note: note, attachments: attachments,
            payload: command)
        return (updated, transition)
    }

    /// Body checks that need lookups: named units and cases must exist.
    static func validateReferences(
        _ command: CaseCommand, of subject: Case, context: TransitionContext
    ) throws(DomainError) {
        switch command {
        case .dispatch(let unitId), .addCooperator(let unitId), .reinforce(let unitId):
            guard context.unit(unitId) != nil else { throw .invalid(field: "unitId", "处置单位 \(unitId) 不存在") }
        case .merge(let targetId):
            guard targetId != subject.id else { throw .invalid(field: "intoCaseId", "不能合并到自身") }
            guard let target = context.visibleCase(targetId) else {
                throw .invalid(field: "intoCaseId", "目标案件 \(targetId) 不存在")
            }
            guard target.state != .merged, target.state != .voided, target.state != .rejected else {
                throw .invalid(field: "intoCaseId", "目标案件状态为「\(target.state.chineseName)」，不能作为合并目标")
            }
        case .decide(let requestId, _):
            guard subject.pendingRequests.contains(where: { $0.id == requestId }) else {
                throw .invalid(field: "requestId", "没有编号为 \(requestId) 的待审批申请")
            }
        default:
            break
        }
    }

    /// What each action changes besides the state.
    static func applyEffects(
        _ command: CaseCommand, to c: inout Case, by actor: String, at now: Date, context: TransitionContext
    ) throws(DomainError) {
        let planner = DeadlinePlanner(category: context.category, priority: c.priority, sla: context.sla)
        switch command {
        case .accept:
            c.deadlines.stop(.accept)
        case .merge(let targetId):
            c.mergedIntoCaseId = targetId
        case .dispatch(let unitId):
            reassign(&c, to: unitId)
            c.deadlines = planner.onDispatch(at: now)
        case .sign:
            c.deadlines.stop(.sign)
        case .arrive:
            c.deadlines.stop(.arrive)
        case .handle:
            c.deadlines.stop(.sign, .arrive, .mediationFollowUp, .handle)
            c.deadlines += planner.onHandled(at: now)
        case .verify(let pass):
            c.deadlines.stop(.verify)
            if !pass {
                c.reworkCount += 1
                c.deadlines = planner.onDispatch(at: now)
            }
        case .reopen:
            c.satisfaction = nil
            c.ratedVia = nil
            c.mergedIntoCaseId = nil
            c.deadlines = []
        case .rate(let satisfaction, let via):
            c.satisfaction = satisfaction
            c.ratedVia = via
        case .return:
            reassign(&c, to: nil)
            c.deadlines = []
        case .escalate:
            guard let parent = c.tier.parent else { throw .transitionNotAllowed("案件已在区级，不能再上报") }
            c.tier = parent
            reassign(&c, to: nil)
            c.deadlines = []
        case .addCooperator(let unitId), .reinforce(let unitId):
            guard c.assignedUnitId != unitId, !c.cooperatingUnitIds.contains(unitId) else {
                throw .invalid(field: "unitId", "该单位已在办理此案件")
            }
            c.cooperatingUnitIds.append(unitId)
        case .requestExtension(let minutes, let reason):
            try addRequest(.init(id: c.version, kind: .extension_, minutes: minutes, reason: reason, requestedBy: actor, requestedAt: now), to: &c)
        case .requestPark(let reason):
            try addRequest(.init(id: c.version, kind: .park, reason: reason, requestedBy: actor, requestedAt: now), to: &c)
        case .requestVoid(let reason):
            try addRequest(.init(id: c.version, kind: .void, reason: reason, requestedBy: actor, requestedAt: now), to: &c)
        case .decide(let requestId, let grant):
            guard let index = c.pendingRequests.firstIndex(where: { $0.id == requestId }) else { return }
            let request = c.pendingRequests[index]
            guard request.requestedBy != actor else { throw .transitionNotAllowed("不能审批自己提出的申请") }
            c.pendingRequests.remove(at: index)
            if grant, request.kind == .extension_, let minutes = request.minutes {
                extend(&c.deadlines, by: minutes, calendar: context.sla.calendar)
            }
        case .supervise(let instruction):
            c.openSupervisions.append(.init(id: c.version, instruction: instruction, issuedBy: actor, issuedAt: now))
        case .answerSupervision:
            guard !c.openSupervisions.isEmpty else { throw .transitionNotAllowed("没有待反馈的督办") }
            c.openSupervisions.removeFirst()
        case .reject, .close, .markLight, .notify, .step:
            break
        }
    }

    /// Moves responsibility to `unitId` (or to nobody), keeping the former unit's sight of the case.
    private static func reassign(_ c: inout Case, to unitId: String?) {
        if let current = c.assignedUnitId, current != unitId, !c.formerUnitIds.contains(current) {
            c.formerUnitIds.append(current)
        }
        c.assignedUnitId = unitId
    }

    private static func addRequest(_ request: CaseRequest, to c: inout Case) throws(DomainError) {
        guard !c.pendingRequests.contains(where: { $0.kind == request.kind }) else {
            throw .transitionNotAllowed("已有同类申请等待审批")
        }
        c.pendingRequests.append(request)
    }

    /// Grants an extension: the handling limit moves; without one, every running limit does.
    /// The minutes count on the limit's own clock; the moved limit warns and runs out anew.
    private static func extend(_ deadlines: inout [Deadline], by minutes: Int, calendar: WorkCalendar) {
        let hasHandle = deadlines.contains { $0.kind == .handle }
        for index in deadlines.indices where !hasHandle || deadlines[index].kind == .handle {
            var d = deadlines[index]
            let total = d.clock.elapsed(from: d.startedAt, to: d.dueAt, calendar: calendar) + TimeInterval(minutes * 60)
            d.dueAt = d.clock.due(from: d.dueAt, seconds: TimeInterval(minutes * 60), calendar: calendar)
            if d.warnAt != nil { d.warnAt = d.clock.due(from: d.startedAt, seconds: total * Light.warnFraction, calendar: calendar) }
            d.fired.removeAll { $0 == .warn || $0 == .due }
            deadlines[index] = d
        }
    }
}
