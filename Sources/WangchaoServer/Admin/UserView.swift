import WangchaoCore

/// An account as the admin API shows it; never the password hash.
struct UserView: Encodable {
    let user: User

    private enum CodingKeys: String, CodingKey { case username, displayName, role, scope, unitId, disabled }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(user.username, forKey: .username)
        try container.encode(user.displayName, forKey: .displayName)
        try container.encode(user.role, forKey: .role)
        try container.encode(user.scope, forKey: .scope)
        try container.encode(user.unitId, forKey: .unitId)  // null when none
        try container.encode(user.disabled, forKey: .disabled)
    }
}

/// One page of accounts.
struct UserPageView: Encodable {
    let items: [UserView]
    let nextCursor: String?

    private enum CodingKeys: String, CodingKey { case items, nextCursor }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(items, forKey: .items)
        try container.encode(nextCursor, forKey: .nextCursor)  // null on the last page
    }
}
