/// A person who signs in: a grid worker, a dispatcher, a handler, a commander.
public struct User: Sendable, Equatable, Codable {
    /// The login name; stable, ASCII, unique.
    public var username: String
    /// The name shown to colleagues, e.g. `王建国`.
    public var displayName: String
    public var role: Role
    public var scope: Scope
    /// The unit the user acts for, when there is one (a grid worker's grid team, a handler's
    /// department); cases assigned to it are the user's to handle.
    public var unitId: String?
    /// Disabled accounts cannot act.
    public var disabled: Bool

    public init(
        username: String, displayName: String, role: Role, scope: Scope, unitId: String? = nil, disabled: Bool = false
    ) {
        self.username = username
        self.displayName = displayName
        self.role = role
        self.scope = scope
        self.unitId = unitId
        self.disabled = disabled
    }
}
