/// Who may see what: the one place that decides visibility of a case.
///
/// Outside one's sight a case does not exist: callers answer 404, not 403.
public enum Access {
    /// Whether `user` may see `subject`: the whole district for commanders, administrators and
    /// observers; otherwise the case's area lies in the user's area scope, or the user's unit is,
    /// or was, its assigned or a cooperating unit.
    public static func canSee(_ subject: Case, user: User) -> Bool {
        Viewer(user).sees(subject)
    }
}
