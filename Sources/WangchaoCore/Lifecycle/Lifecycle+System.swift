import Foundation

extension Lifecycle {
    /// The actor name of every automatic transition.
    public static let systemActor = "system"

    /// Decides one automatic transition (actor `system`, no role): the state table still
    /// applies, the role table does not.
    ///
    /// - Throws: ``DomainError`` `invalid` for bad parameters or an unknown unit,
    ///   `transitionNotAllowed` when the state does not allow the action.
    public static func applySystem(
        _ command: CaseCommand, to subject: Case, at now: Date, note: String?, context: TransitionContext
    ) throws(DomainError) -> (case: Case, transition: Transition) {
        try command.validate()
        try validateReferences(command, of: subject, context: context)
        guard let next = nextState(from: subject.state, command: command, case: subject) else {
            throw .transitionNotAllowed("案件当前状态为「\(subject.state.chineseName)」，系统不能「\(command.action.chineseName)」")
        }
        if case .escalate = command, subject.tier.parent == nil {
            throw .transitionNotAllowed("案件已在区级，不能再上报")
        }
        return try advance(
            subject, to: next, by: command, actor: systemActor, role: nil, note: note, attachments: [], at: now,
            context: context)
    }

    /// Decides what a due timer does to a case: marks the step fired on the deadline and returns
    /// the case with the automatic transitions, in order (versions consecutive).
    ///
    /// - `warn`: the light turns yellow (`markLight`).
    /// - `due`: the deadline's `onDue` actions: `markLight` red, `reinforce`, `notify`, then
    ///   `raiseTier` (an escalation to the tier above, last because it ends the running limits).
    /// - `reinforce`: the arrival deadline's `onReinforce` actions; a unit comes from
    ///   ``TransitionContext/reinforcementUnit``.
    ///
    /// An action the case no longer allows is skipped; if all are, a `notify` is recorded, so a
    /// fired step always leaves a transition.
    ///
    /// - Returns: `nil` when there is nothing to do: the case is closed, the deadline is gone,
    ///   the step already fired or is not due at `now` (the caller re-derives its timers).
    public static func fire(
        _ timer: SLATimer, on subject: Case, at now: Date, context: TransitionContext
    ) -> (case: Case, transitions: [Transition])? {
        guard subject.state.isOpen, let firing = subject.firing(timer, at: now) else { return nil }
        var c = firing.case
        let deadline = firing.deadline

        let name = timer.kind.chineseName
        var commands: [(CaseCommand, String)] = []
        switch timer.step {
        case .warn:
            commands = [(.markLight(kind: timer.kind, light: .yellow), "「\(name)」时限已过 80%，亮黄灯")]
        case .due, .reinforce:
            let actions = timer.step == .due ? deadline.onDue : deadline.onReinforce
            for action in EscalationAction.executionOrder where actions.contains(action) {
                switch action {
                case .markLight:
                    commands.append((.markLight(kind: timer.kind, light: .red), "「\(name)」已超时，亮红灯"))
                case .notify:
                    commands.append((.notify(kind: timer.kind, light: .red), "「\(name)」已超时，提醒责任单位和调度员"))
                case .reinforce:
                    if let unit = context.reinforcementUnit(c), unit != c.assignedUnitId, !c.cooperatingUnitIds.contains(unit) {
                        commands.append((.reinforce(unitId: unit), "超时未到场，自动增派 \(unit) 协同处置"))
                    }
                case .raiseTier:
                    if c.tier.parent != nil {
                        commands.append((.escalate(reason: "「\(name)」超时，自动上报上级"), "「\(name)」超时，自动上报上级"))
                    }
                }
            }
        }
        var transitions: [Transition] = []
        for (command, note) in commands {
            guard let result = try? applySystem(command, to: c, at: now, note: note, context: context) else { continue }
            c = result.case
            transitions.append(result.transition)
        }
        if transitions.isEmpty,
            let result = try? applySystem(
                .notify(kind: timer.kind, light: Light.of(deadline, at: now, calendar: context.sla.calendar)), to: c, at: now,
                note: "「\(name)」时限提醒", context: context)
        {
            c = result.case
            transitions.append(result.transition)
        }
        return transitions.isEmpty ? nil : (c, transitions)
    }
}

extension EscalationAction {
    /// The order actions run in when several are due together: record the light, send help,
    /// tell (after the help, so the reminder follows it), then escalate (which ends the running
    /// limits, so it comes last).
    public static let executionOrder: [EscalationAction] = [.markLight, .reinforce, .notify, .raiseTier]
}
