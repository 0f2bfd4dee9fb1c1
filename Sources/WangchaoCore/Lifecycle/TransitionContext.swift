/// What the lifecycle needs to look up while deciding a transition, supplied by the caller
/// (the store, inside its write transaction), so the decision stays pure.
public struct TransitionContext {
    /// The unit with this id, if it exists.
    public var unit: (String) -> Unit?
    /// The case with this id, if it exists and the actor may see it (merge targets).
    public var visibleCase: (String) -> Case?
    /// The case's category.
    public var category: Category

    public init(unit: @escaping (String) -> Unit?, visibleCase: @escaping (String) -> Case?, category: Category) {
        self.unit = unit
        self.visibleCase = visibleCase
        self.category = category
    }
}
