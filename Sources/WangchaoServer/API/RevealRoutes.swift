import Foundation
import Hummingbird
import WangchaoCore
import WangchaoStore

/// `POST /api/v1/cases/{id}/reveal {field, reason}`: one personal field of a case in full, for
/// the roles that need it (``Access/mayReveal(_:user:)``), each time with a reason, and only
/// after the audit row saying who saw what and why is on disk.
struct RevealRoutes {
    let store: any CaseStore

    var routes: [Route] {
        [Route(.post, "/api/v1/cases/{id}/reveal", .signedIn(Access.revealRoles), reveal)]
    }

    @Sendable func reveal(_ request: Request, context: WangchaoRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let id = try context.parameters.require("id")
        guard let subject = try await store.getCase(id: id), Access.canSee(subject, user: user) else {
            throw DomainError.notFound("案件不存在")
        }
        guard Access.mayReveal(subject, user: user) else {
            throw DomainError.forbidden("只能查看本单位承办案件的个人信息")
        }
        let body = try await APIJSON.decodeBody(RevealBody.self, from: request)
        guard let field = PersonalField(rawValue: body.field) else {
            throw DomainError.invalid(
                field: "field", "可查看的字段：" + PersonalField.allCases.map(\.rawValue).joined(separator: "、"))
        }
        let reason = body.reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (2...200).contains(reason.count) else {
            throw DomainError.invalid(field: "reason", "请说明查看理由（2 到 200 字）")
        }
        guard let audit = AuditContext.current else {
            throw DomainError.forbidden("无法记录审计，拒绝查看个人信息")
        }
        try await store.recordAudit(audit, target: subject.id, detail: "查看 \(field.rawValue)：\(reason)")
        return try JSONResponse.make(RevealView(field: field.rawValue, value: field.value(in: subject.reporter)))
    }
}

struct RevealBody: Decodable {
    var field: String
    var reason: String
}

struct RevealView: Encodable {
    let field: String
    /// `null` when the case has no such value (an anonymous call without a number …).
    let value: String?

    private enum CodingKeys: String, CodingKey { case field, value }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(field, forKey: .field)
        try container.encode(value, forKey: .value)
    }
}
