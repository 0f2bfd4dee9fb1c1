/// What the lifecycle needs to look up while deciding a transition, supplied by the caller
/// (the store, inside its write transaction), so the decision stays pure.
public struct TransitionContext {
    /// The unit with this id, if it exists.
    public var unit: (String) -> Unit?
    /// The case with this id, if it exists and the actor may see it (merge targets).
    public var visibleCase: (String) -> Case?
    /// Whether an attachment with this id exists and the actor may see it (evidence named by
    /// the transition). Unless told otherwise, none does: a caller that forgets to look them up
    /// refuses evidence rather than linking files nobody checked.
    public var visibleAttachment: (String) -> Bool
    /// The case's category.
    public var category: Category
    /// The SLA policies and working-day calendar that time the limits a transition starts.
    public var sla: SLASettings
    /// The unit to add as reinforcement when nobody arrived in time: the neighbouring grid's
    /// team, else the town's governance platform; `nil` when there is none (the scheduler then
    /// only notifies).
    public var reinforcementUnit: (Case) -> String?

    public init(
        unit: @escaping (String) -> Unit?, visibleCase: @escaping (String) -> Case?,
        visibleAttachment: @escaping (String) -> Bool = { _ in false }, category: Category,
        sla: SLASettings = .bundled, reinforcementUnit: @escaping (Case) -> String? = { _ in nil }
    ) {
        self.unit = unit
        self.visibleCase = visibleCase
        self.visibleAttachment = visibleAttachment
        self.category = category
        self.sla = sla
        self.reinforcementUnit = reinforcementUnit
    }
}
