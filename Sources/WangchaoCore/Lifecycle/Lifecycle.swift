import Foundation

/// The case lifecycle as an explicit state machine: which states each action leaves from and
/// goes to, and who may take it. Pure: it decides, the store records.
public enum Lifecycle {
    /// The state an action leads to from `state`, or `nil` when the action is not allowed there.
    ///
    /// This is the whole transition table. Actions that leave the state unchanged (requests,
    /// supervision, cooperators) return `state`; `verify` and `decide` depend on their
    /// parameters, see ``nextState(from:command:case:)``.
    public static func nextState(from state: CaseState, action: CaseAction) -> CaseState? {
        switch (action, state) {
        case (.accept, .reported): .accepted
        case (.reject, .reported): .rejected
        case (.merge, .reported), (.merge, .accepted): .merged
        case (.dispatch, .accepted), (.dispatch, .dispatched), (.dispatch, .signed): .dispatched
        case (.sign, .dispatched): .signed
        case (.arrive, .signed): .onSite
        case (.handle, .signed), (.handle, .onSite): .handled
        case (.verify, .handled): .verified
        case (.reopen, .rejected), (.reopen, .closed), (.reopen, .rated), (.reopen, .parked): .accepted
        case (.close, .verified): .closed
        case (.rate, .closed): .rated
        case (.return, .dispatched), (.return, .signed), (.return, .onSite): .accepted
        case (.escalate, .accepted), (.escalate, .dispatched), (.escalate, .signed), (.escalate, .onSite): .accepted
        case (.addCooperator, .dispatched), (.addCooperator, .signed), (.addCooperator, .onSite): state
        case (.requestExtension, .dispatched), (.requestExtension, .signed), (.requestExtension, .onSite): state
        case (.requestPark, .accepted), (.requestPark, .dispatched), (.requestPark, .signed), (.requestPark, .onSite):
            state
        case (.requestVoid, .reported), (.requestVoid, .accepted), (.requestVoid, .dispatched),
            (.requestVoid, .signed), (.requestVoid, .onSite):
            state
        case (.decide, _) where state.isOpen: state
        case (.supervise, _) where state.isOpen: state
        case (.answerSupervision, _) where state.isOpen: state
        // System actions of the SLA scheduler: they record, they do not move the case.
        case (.markLight, _) where state.isOpen: state
        case (.notify, _) where state.isOpen: state
        case (.reinforce, .dispatched), (.reinforce, .signed), (.reinforce, .onSite): state
        default: nil
        }
    }

    /// The roles that may ever take `action`. `admin` and `observer` take none: administrators
    /// manage the system, observers only read.
    public static func allowedRoles(for action: CaseAction) -> Set<Role> {
        let dispatchers: Set<Role> = [.townDispatcher, .districtCommander]
        let handlers: Set<Role> = [.gridWorker, .communityStaff, .departmentHandler, .townDispatcher]
        switch action {
        case .accept, .reject, .merge, .dispatch, .close, .reopen, .rate, .decide, .supervise: return dispatchers
        case .sign, .arrive, .handle, .return, .escalate, .requestExtension, .requestPark, .requestVoid,
            .answerSupervision:
            return handlers
        case .verify: return [.gridWorker, .communityStaff, .townDispatcher, .districtCommander]
        case .addCooperator: return [.communityStaff, .townDispatcher, .districtCommander]
        // Only the scheduler (actor `system`, see ``Lifecycle/applySystem(_:to:at:note:context:)``).
        case .markLight, .notify, .reinforce: return []
        // Not an action of the lifecycle (another kind's): nobody takes it here.
        default: return []
        }
    }

    /// The state `command` leads to from the case's state, taking its parameters into account:
    /// a failed verification goes back to `dispatched` (返工); a granted park or void request
    /// parks or voids the case.
    public static func nextState(from state: CaseState, command: CaseCommand, case subject: Case) -> CaseState? {
        guard let next = nextState(from: state, action: command.action) else { return nil }
        switch command {
        case .verify(pass: false): return .dispatched
        case .decide(let requestId, grant: true):
            switch subject.pendingRequests.first(where: { $0.id == requestId })?.kind {
            case .park: return .parked
            case .void: return .voided
            default: return next
            }
        default: return next
        }
    }
}
