import WangchaoCore

/// `POST /api/v1/admin/users`.
struct NewUserBody: Decodable, StrictBody {
    let username: String
    let displayName: String?
    let role: Role
    let scope: String
    let unitId: String?
    let password: String

    static let knownFields: Set<String> = ["username", "displayName", "role", "scope", "unitId", "password"]
}

/// `PATCH /api/v1/admin/users/{username}`: only the fields present change; `"unitId": null`
/// clears the unit.
struct UserChangeBody: Decodable, StrictBody {
    var displayName: String?
    var role: Role?
    var scope: String?
    /// Absent: unchanged; `null`: cleared.
    var unitId: String??
    var disabled: Bool?

    static let knownFields: Set<String> = ["displayName", "role", "scope", "unitId", "disabled"]

    private enum CodingKeys: String, CodingKey { case displayName, role, scope, unitId, disabled }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        displayName = try container.decodeIfPresent(String.self, forKey: .displayName)
        role = try container.decodeIfPresent(Role.self, forKey: .role)
        scope = try container.decodeIfPresent(String.self, forKey: .scope)
        if container.contains(.unitId) {
            unitId = .some(try container.decodeNil(forKey: .unitId) ? nil : try container.decode(String.self, forKey: .unitId))
        }
        disabled = try container.decodeIfPresent(Bool.self, forKey: .disabled)
    }

    /// `user` with the changes applied.
    func applied(to user: User) -> User {
        var changed = user
        if let displayName { changed.displayName = displayName }
        if let role { changed.role = role }
        if let scope { changed.scope = Scope(text: scope) }
        if let unitId { changed.unitId = unitId }
        if let disabled { changed.disabled = disabled }
        return changed
    }
}

/// `POST /api/v1/admin/users/{username}/password`.
struct PasswordBody: Decodable, StrictBody {
    let password: String

    static let knownFields: Set<String> = ["password"]
}
