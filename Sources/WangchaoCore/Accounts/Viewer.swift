/// What one person may see of the cases, as a value: nothing (a disabled account), everything
/// (the roles that see the whole district), or the subtree of an area scope together with the
/// cases their unit is, or was, on. ``Access`` answers with it for one case; a store turns the
/// same value into its query, so the rule is written once.
public struct Viewer: Sendable, Hashable {
    public enum Reach: Sendable, Hashable {
        case nothing
        case everything
        /// The area subtree (if the scope is an area) and the units whose cases are seen.
        case limited(area: String?, units: [String])
    }

    public var username: String
    public var reach: Reach

    public init(username: String, reach: Reach) {
        self.username = username
        self.reach = reach
    }

    public init(_ user: User) {
        username = user.username
        if user.disabled {
            reach = .nothing
        } else if user.role.seesWholeDistrict {
            reach = .everything
        } else {
            var area: String?
            if case .area(let code) = user.scope { area = code }
            let units = Set([user.scope.unitId, user.unitId].compactMap { $0 }).sorted()
            reach = .limited(area: area, units: units)
        }
    }

    /// Whether the case is in sight: its area lies in the scope, or one of the viewer's units
    /// is, or was, its assigned or a cooperating unit.
    public func sees(_ subject: Case) -> Bool {
        switch reach {
        case .nothing: return false
        case .everything: return true
        case .limited(let area, let units):
            if let area, AreaCode.isWithin(subject.areaCode, area) { return true }
            let involved = subject.involvedUnitIds
            return units.contains { involved.contains($0) }
        }
    }

    /// The area part of ``sees(_:)``: whether a case in `areaCode` is in sight without reading
    /// which units are on it.
    public func seesArea(_ areaCode: String?) -> Bool {
        switch reach {
        case .nothing: return false
        case .everything: return true
        case .limited(let area, _):
            guard let areaCode, let area else { return false }
            return AreaCode.isWithin(areaCode, area)
        }
    }
}

extension User {
    /// What this account may see.
    public var viewer: Viewer { Viewer(self) }
}
