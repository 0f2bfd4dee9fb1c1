import Foundation

/// The `table` engine: a kind's definition run as it is written. An action moves a case from
/// one of its `from` states to its `to` state when the actor's role is among its roles; a time
/// limit runs while the case is in one of its `during` states; when it runs out, the scheduler
/// records the red light and a reminder (its `onDue`). What a kind needs beyond that (units,
/// parties, agreements) is a kind with Swift code of its own, as the lifecycle is.
public struct KindTable: Sendable {
    public let definition: CaseKindDefinition

    public init(_ definition: CaseKindDefinition) { self.definition = definition }

    /// The longest limit a table may set: one year.
    public static let maxMinutes = 366 * 24 * 60
    /// What a running-out limit of a table may do: the others need the lifecycle's units and tiers.
    public static let escalations: Set<EscalationAction> = [.markLight, .notify]

    // MARK: Deciding

    /// A new case in the initial state, with the limits that state runs.
    func filed(_ filed: Case, at now: Date, calendar: WorkCalendar) -> Case {
        var c = filed
        c.kind = definition.kind
        c.state = initial
        c.deadlines = deadlines(of: c.state, keeping: [], at: now, calendar: calendar)
        return c
    }

    /// Checks, in the lifecycle's order, that the kind has the action, the role, the body, the
    /// version and the state; then moves the case.
    func apply(
        _ input: TransitionInput, to subject: Case, by actor: User, at now: Date, context: TransitionContext
    ) throws(DomainError) -> (case: Case, transition: Transition) {
        let action = input.command.action
        guard case .step = input.command, let entry = definition.action(action) else {
            throw .invalid(field: "action", "「\(definition.name)」没有操作 \(action)")
        }
        guard entry.roles.contains(actor.role), !actor.disabled else {
            throw .forbidden("\(actor.role.chineseName)无权执行「\(entry.name)」")
        }
        try input.validate()
        try Attachment.checkReferences(input.attachments, visible: context.visibleAttachment)
        guard input.expectedVersion == subject.version else {
            throw .versionConflict(expected: input.expectedVersion, actual: subject.version)
        }
        guard entry.from.contains(subject.state.rawValue) else {
            throw .transitionNotAllowed("案件当前状态为「\(name(of: subject.state))」，不能「\(entry.name)」")
        }
        let next = entry.to.map(CaseState.init(unchecked:)) ?? subject.state
        var updated = subject
        updated.version += 1
        updated.state = next
        updated.updatedAt = now
        updated.deadlines = deadlines(of: next, keeping: subject.deadlines, at: now, calendar: context.sla.calendar)
        if !isOpen(next) {
            updated.pendingRequests = []
            updated.openSupervisions = []
        }
        let transition = Transition(
            caseId: subject.id, version: updated.version, fromState: subject.state, toState: next, action: action.rawValue,
            actor: actor.username, actorRole: actor.role, at: now, note: input.note, attachments: input.attachments,
            payload: input.command)
        return (updated, transition)
    }

    /// The actions the user's role may take from the case's state, in the definition's order.
    func availableActions(on subject: Case, for user: User) -> [CaseAction] {
        guard !user.disabled else { return [] }
        return definition.actions.filter { $0.roles.contains(user.role) && $0.from.contains(subject.state.rawValue) }
            .map { CaseAction(unchecked: $0.id) }
    }

    /// A due step of a running limit: at 80 % the light turns yellow; at the end the limit's
    /// `onDue` runs (red light, reminder), each a `system` transition that leaves the state.
    func fire(_ timer: SLATimer, on subject: Case, at now: Date, calendar: WorkCalendar)
        -> (case: Case, transitions: [Transition])?
    {
        guard isOpen(subject.state), let entry = definition.deadline(timer.kind),
            let firing = subject.firing(timer, at: now)
        else { return nil }
        let commands: [(CaseCommand, String)]
        switch timer.step {
        case .warn:
            commands = [(.markLight(kind: timer.kind, light: .yellow), "「\(entry.name)」时限已过 80%，亮黄灯")]
        case .due:
            let onDue = entry.onDue ?? [.markLight, .notify]
            commands = EscalationAction.executionOrder.filter(onDue.contains).compactMap { action in
                switch action {
                case .markLight: (.markLight(kind: timer.kind, light: .red), "「\(entry.name)」已超时，亮红灯")
                case .notify: (.notify(kind: timer.kind, light: .red), "「\(entry.name)」已超时，提醒相关人员")
                case .reinforce, .raiseTier: nil
                }
            }
        case .reinforce:
            commands = []
        }
        var c = firing.case
        var transitions: [Transition] = []
        for (command, note) in commands {
            c.version += 1
            c.updatedAt = now
            transitions.append(
                Transition(
                    caseId: c.id, version: c.version, fromState: c.state, toState: c.state,
                    action: command.action.rawValue, actor: Lifecycle.systemActor, actorRole: nil, at: now, note: note,
                    attachments: [], payload: command))
        }
        return transitions.isEmpty ? nil : (c, transitions)
    }

    // MARK: The definition's answers

    var initial: CaseState { CaseState(unchecked: definition.initial ?? definition.states[0].id) }

    func isOpen(_ state: CaseState) -> Bool { definition.state(state)?.open ?? false }

    func name(of state: CaseState) -> String { definition.state(state)?.name ?? state.rawValue }

    /// The limits a case runs in `state`: those already running that still apply, and those
    /// whose `during` the case enters now.
    func deadlines(of state: CaseState, keeping running: [Deadline], at now: Date, calendar: WorkCalendar) -> [Deadline] {
        guard isOpen(state) else { return [] }
        return definition.deadlines.compactMap { entry in
            guard let minutes = entry.minutes, entry.during?.contains(state.rawValue) == true else { return nil }
            let kind = DeadlineKind(unchecked: entry.id)
            if let current = running.first(where: { $0.kind == kind }) { return current }
            let clock = entry.clock ?? .continuous
            let seconds = TimeInterval(minutes * 60)
            return Deadline(
                kind: kind, dueAt: clock.due(from: now, seconds: seconds, calendar: calendar), startedAt: now, clock: clock,
                warnAt: clock.due(from: now, seconds: seconds * Light.warnFraction, calendar: calendar),
                onDue: entry.onDue ?? [.markLight, .notify])
        }
    }

    // MARK: Checking a definition

    /// What the table engine needs beyond the structure every kind is checked for: an open
    /// initial state; actions under their own names (not the lifecycle's, whose commands carry
    /// parameters) taken by at least one role that writes; limits with minutes, open states to
    /// run in and escalations a table can carry out.
    static func check(_ definition: CaseKindDefinition, at path: String) throws(DomainError) {
        let open = Set(definition.states.filter(\.open).map(\.id))
        guard let initial = definition.initial else { throw .invalid(field: "\(path).initial", "表定义的类型须写明初始状态") }
        guard open.contains(initial) else { throw .invalid(field: "\(path).initial", "初始状态 \(initial) 须为已定义的在办（open）状态") }
        for (index, action) in definition.actions.enumerated() {
            let here = "\(path).actions[\(index)]"
            guard !CaseAction.lifecycle.contains(CaseAction(unchecked: action.id)) else {
                throw .invalid(field: "\(here).id", "\(action.id) 是一般事件的动作名，请另取名")
            }
            guard !action.roles.isEmpty else { throw .invalid(field: "\(here).roles", "至少需要一个角色") }
            if let position = action.roles.firstIndex(where: { $0 == .observer || $0 == .admin }) {
                throw .invalid(field: "\(here).roles[\(position)]", "观察员和管理员不办理案件")
            }
        }
        for (index, entry) in definition.deadlines.enumerated() {
            let here = "\(path).deadlines[\(index)]"
            guard let minutes = entry.minutes, (1...maxMinutes).contains(minutes) else {
                throw .invalid(field: "\(here).minutes", "时限分钟数须在 1 到 \(maxMinutes) 之间")
            }
            guard let during = entry.during, !during.isEmpty else {
                throw .invalid(field: "\(here).during", "须列出计时的状态")
            }
            for (position, state) in during.enumerated() where !open.contains(state) {
                throw .invalid(field: "\(here).during[\(position)]", "\(state) 不是已定义的在办（open）状态")
            }
            if let onDue = entry.onDue {
                guard !onDue.isEmpty else { throw .invalid(field: "\(here).onDue", "至少需要一项超时动作") }
                for (position, action) in onDue.enumerated() where !escalations.contains(action) {
                    throw .invalid(field: "\(here).onDue[\(position)]", "表定义的类型超时只能 markLight 或 notify")
                }
            }
        }
    }
}
