import Foundation

/// How the cases of one kind move: the Swift ``Lifecycle`` of kind `case`, or a kind's own
/// table (``KindTable``). Services and pages ask the workflow of the case's kind
/// (``CaseKindCatalog/workflow(for:)``), never `Lifecycle` directly, so a kind added as data
/// runs without Swift code of its own.
public enum CaseWorkflow: Sendable {
    case lifecycle
    case table(KindTable)

    /// A new case as intake files it: `filed` is the lifecycle's (state `reported`, its first
    /// limits); a table kind puts it in its initial state with the limits that state runs.
    public func filed(_ filed: Case, at now: Date, calendar: WorkCalendar) -> Case {
        switch self {
        case .lifecycle: filed
        case .table(let table): table.filed(filed, at: now, calendar: calendar)
        }
    }

    /// Decides one person's transition (see ``Lifecycle/apply(_:to:by:at:context:)``).
    public func apply(
        _ input: TransitionInput, to subject: Case, by actor: User, at now: Date, context: TransitionContext
    ) throws(DomainError) -> (case: Case, transition: Transition) {
        switch self {
        case .lifecycle: try Lifecycle.apply(input, to: subject, by: actor, at: now, context: context)
        case .table(let table): try table.apply(input, to: subject, by: actor, at: now, context: context)
        }
    }

    /// The actions `user` may take on `subject` now: what the web page offers as forms and the
    /// API returns as `allowedActions`.
    public func availableActions(on subject: Case, for user: User) -> [CaseAction] {
        switch self {
        case .lifecycle: Lifecycle.availableActions(on: subject, for: user)
        case .table(let table): table.availableActions(on: subject, for: user)
        }
    }

    /// The roles that may ever take `action` (empty for the system's own), or `nil` when the
    /// kind has no such action.
    public func roles(for action: CaseAction) -> Set<Role>? {
        switch self {
        case .lifecycle: CaseAction.lifecycle.contains(action) ? Lifecycle.allowedRoles(for: action) : nil
        case .table(let table): table.definition.action(action).map { Set($0.roles) }
        }
    }

    /// Decides what a due timer does (see ``Lifecycle/fire(_:on:at:context:)``).
    public func fire(_ timer: SLATimer, on subject: Case, at now: Date, context: TransitionContext)
        -> (case: Case, transitions: [Transition])?
    {
        switch self {
        case .lifecycle: Lifecycle.fire(timer, on: subject, at: now, context: context)
        case .table(let table): table.fire(timer, on: subject, at: now, calendar: context.sla.calendar)
        }
    }
}
