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

    public init(
        unit: @escaping (String) -> Unit?, visibleCase: @escaping (String) -> Case?,
        visibleAttachment: @escaping (String) -> Bool = { _ in false }, category: Category
    ) {
        self.unit = unit
        self.visibleCase = visibleCase
        self.visibleAttachment = visibleAttachment
        self.category = category
    }
}
