/// Who may see what: the one place that decides visibility of a case.
///
/// Outside one's sight a case does not exist: callers answer 404, not 403.
public enum Access {
    /// Whether `user` may see `subject`: the whole district for commanders, administrators and
    /// observers; otherwise the case's area lies in the user's area scope, or the user's unit is,
    /// or was, its assigned or a cooperating unit.
    public static func canSee(_ subject: Case, user: User) -> Bool {
        if user.disabled { return false }
        if user.role.seesWholeDistrict { return true }
        if case .area(let code) = user.scope, AreaCode.isWithin(subject.areaCode, code) { return true }
        let involved = subject.involvedUnitIds
        if case .unit(let id) = user.scope, involved.contains(id) { return true }
        if let unitId = user.unitId, involved.contains(unitId) { return true }
        return false
    }
}
