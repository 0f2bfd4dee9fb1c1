import Foundation
import Hummingbird
import Logging
import WangchaoCore
import WangchaoServices
import WangchaoStore

/// `/api/v1/admin/users`: account management for administrators (the table's rule admits no
/// other role).
struct AdminUserRoutes {
    static let defaultLimit = 50
    static let maxLimit = 200
    static let maxDisplayNameLength = 50

    let store: any CaseStore
    let hasher: PasswordHasher

    var routes: [Route] {
        [
            Route(.get, "/api/v1/admin/users", .adminOnly, list),
            Route(.post, "/api/v1/admin/users", .adminOnly, create),
            Route(.get, "/api/v1/admin/users/{username}", .adminOnly, show),
            Route(.patch, "/api/v1/admin/users/{username}", .adminOnly, update),
            Route(.post, "/api/v1/admin/users/{username}/password", .adminOnly, resetPassword),
        ]
    }

    /// Accounts by username, `limit` (1–200, default 50) per page, `cursor` from the previous page.
    @Sendable func list(_ request: Request, context: WangchaoRequestContext) async throws -> Response {
        let parameters = request.uri.queryParameters
        var limit = Self.defaultLimit
        if let text = parameters["limit"].map(String.init), !text.isEmpty {
            guard let number = Int(text), (1...Self.maxLimit).contains(number) else {
                throw DomainError.invalid(field: "limit", "limit 须为 1 到 \(Self.maxLimit) 的整数")
            }
            limit = number
        }
        var after: String?
        if let cursor = parameters["cursor"].map(String.init), !cursor.isEmpty {
            guard let username = Self.decodeCursor(cursor) else { throw DomainError.invalid(field: "cursor", "分页游标无效") }
            after = username
        }
        let users = try await store.listUsers(after: after, limit: limit + 1)
        let page = users.prefix(limit)
        let next = users.count > limit ? page.last.map { Self.encodeCursor($0.username) } : nil
        return try JSONResponse.make(UserPageView(items: page.map(UserView.init), nextCursor: next))
    }

    @Sendable func create(_ request: Request, context: WangchaoRequestContext) async throws -> Response {
        let body = try await APIJSON.decodeStrictBody(NewUserBody.self, from: request)
        try Username.validate(body.username)
        try PasswordPolicy.validate(body.password)
        let scope = Scope(text: body.scope)
        let user = User(
            username: body.username, displayName: try Self.displayName(body.displayName) ?? body.username,
            role: body.role, scope: scope, unitId: body.unitId ?? scope.unitId)
        try await store.checkPlacement(scope: user.scope, unitId: user.unitId)
        try await store.addUser(user, passwordHash: try await hasher.hash(body.password))
        context.logger.notice("account created", metadata: ["account": "\(user.username)", "role": "\(user.role)"])
        var response = try JSONResponse.make(UserView(user: user), status: .created)
        response.headers[.location] = "/api/v1/admin/users/\(user.username)"
        return response
    }

    @Sendable func show(_ request: Request, context: WangchaoRequestContext) async throws -> Response {
        try JSONResponse.make(UserView(user: try await existingUser(context)))
    }

    /// Changes display name, role, scope, unit or disabled; disabling ends the account's sessions.
    /// Administrators cannot disable or demote themselves, so the last one cannot lock everyone out.
    @Sendable func update(_ request: Request, context: WangchaoRequestContext) async throws -> Response {
        let actor = try context.requireUser()
        let current = try await existingUser(context)
        var body = try await APIJSON.decodeStrictBody(UserChangeBody.self, from: request)
        if body.scope?.isEmpty == true { throw DomainError.invalid(field: "scope", "范围不能为空") }
        body.displayName = try Self.displayName(body.displayName)
        let changed = body.applied(to: current)
        if changed.username == actor.username, changed.disabled || changed.role != .admin {
            throw DomainError.forbidden("不能停用自己的账号或取消自己的管理员角色")
        }
        try await store.checkPlacement(scope: changed.scope, unitId: changed.unitId)
        try await store.saveUsers([changed])
        if changed.disabled { try await store.deleteSessions(username: changed.username) }
        context.logger.notice("account changed", metadata: ["account": "\(changed.username)"])
        return try JSONResponse.make(UserView(user: changed))
    }

    /// Sets a new password; the account's sessions end, so whoever knew the old one is out.
    @Sendable func resetPassword(_ request: Request, context: WangchaoRequestContext) async throws -> Response {
        let user = try await existingUser(context)
        let body = try await APIJSON.decodeStrictBody(PasswordBody.self, from: request)
        try PasswordPolicy.validate(body.password)
        try await store.setPasswordHash(try await hasher.hash(body.password), for: [user.username])
        context.logger.notice("password reset", metadata: ["account": "\(user.username)"])
        return Response(status: .noContent)
    }

    private func existingUser(_ context: WangchaoRequestContext) async throws -> User {
        let username = try context.parameters.require("username")
        guard let user = try await store.user(username: username) else {
            throw DomainError.notFound("用户 \(username) 不存在")
        }
        return user
    }

    private static func displayName(_ name: String?) throws(DomainError) -> String? {
        guard let name else { return nil }
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed.count <= maxDisplayNameLength else {
            throw .invalid(field: "displayName", "显示名称须为 1 到 \(maxDisplayNameLength) 个字")
        }
        return trimmed
    }

    /// URL-safe base64 of the last username on the page.
    static func encodeCursor(_ username: String) -> String {
        Data(username.utf8).base64EncodedString().replacingOccurrences(of: "=", with: "")
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
    }

    static func decodeCursor(_ cursor: String) -> String? {
        let base64 = cursor.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        let padded = base64 + String(repeating: "=", count: (4 - base64.count % 4) % 4)
        return Data(base64Encoded: padded).flatMap { String(data: $0, encoding: .utf8) }
    }
}
