import Foundation
import HTTPTypes
import Hummingbird
import Metrics
import WangchaoCore
import WangchaoGeo
import WangchaoServices
import WangchaoStore

/// `/api/v1/cases`: the one intake, the list, a case with its history, and transitions.
struct CaseRoutes {
    let store: any CaseStore
    let intakes: IntakeService
    let cases: CaseService
    let clock: any WangchaoClock
    let sla: SLASettings
    let kinds: CaseKindCatalog

    static let idempotencyKeyHeader = HTTPField.Name("Idempotency-Key")!

    /// Who may file is the domain's rule (``Intake/allowedRoles``); who may take which action is
    /// checked per action once the body names it, inside ``transition(_:context:)``.
    var routes: [Route] {
        [
            Route(.post, "/api/v1/cases", .signedIn(Intake.allowedRoles), create),
            Route(.get, "/api/v1/cases", .anyRole, list).readingPersonalData(),
            Route(.get, "/api/v1/cases/{id}", .anyRole, show).readingPersonalData(),
            Route(.post, "/api/v1/cases/{id}/transitions", .writers, transition),
        ]
    }

    @Sendable func create(_ request: Request, context: WangchaoRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let submission = try await APIJSON.decodeStrictBody(IntakeSubmission.self, from: request)
        let key = request.headers[Self.idempotencyKeyHeader]
        // Visible ASCII: what a token is, and what every proxy passes unchanged.
        if let key, key.isEmpty || key.count > 200 || !key.unicodeScalars.allSatisfy({ (0x21...0x7E).contains($0.value) }) {
            throw DomainError.invalid(field: "Idempotency-Key", "Idempotency-Key 须为 1 到 200 个可见 ASCII 字符（不含空格）")
        }
        // Placed by address (no point given) and by point (no area given), then filed.
        let prepared = try await intakes.prepare(submission)
        let intake = prepared.intake
        let created = try await cases.file(prepared, by: user, idempotencyKey: key, at: clock.now())
        if !created.replayed {
            Counter(label: "wangchao_cases_created_total", dimensions: [("source", intake.source.rawValue)]).increment()
        }
        var visibility = RepeatVisibility(store: store, viewer: user)
        var response = try JSONResponse.make(
            CaseView(
                created.case, lights: lights(), repeats: try await visibility.filter(created.case.repeatCandidates)),
            status: created.replayed ? .ok : .created)
        response.headers[.location] = "/api/v1/cases/\(created.case.id)"
        if created.replayed { response.headers[HTTPField.Name("Idempotent-Replayed")!] = "true" }
        return response
    }

    @Sendable func list(_ request: Request, context: WangchaoRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let query = try CaseQuery(parameters: request.uri.queryParameters, kinds: kinds)
        let page = try await store.listCases(query, viewer: user.viewer)
        let lights = lights()
        var visibility = RepeatVisibility(store: store, viewer: user)
        var items: [CaseView] = []
        for item in page.items {
            items.append(CaseView(item, lights: lights, repeats: try await visibility.filter(item.repeatCandidates)))
        }
        return try JSONResponse.make(CasePageView(items: items, nextCursor: page.nextCursor))
    }

    @Sendable func show(_ request: Request, context: WangchaoRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let subject = try await visibleCase(context.parameters.require("id"), to: user)
        let history = try await store.history(caseId: subject.id)
        var visibility = RepeatVisibility(store: store, viewer: user)
        return try JSONResponse.make(
            CaseView(
                subject, history: history,
                allowedActions: kinds.availableActions(on: subject, for: user),
                lights: lights(), repeats: try await visibility.filter(subject.repeatCandidates, current: true)))
    }

    /// Checks in the order the API promises: scope (404), role (403), body (400), then version
    /// and state (409) inside the store's transaction.
    @Sendable func transition(_ request: Request, context: WangchaoRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let subject = try await visibleCase(context.parameters.require("id"), to: user)
        let data = try await APIJSON.bodyData(of: request)
        let workflow = try kinds.workflow(for: subject.kind)
        if let peek = try? APIJSON.makeDecoder().decode(ActionPeek.self, from: data),
            let action = peek.action.flatMap(CaseAction.init(rawValue:)),
            let roles = workflow.roles(for: action), !roles.contains(user.role)
        {
            throw DomainError.forbidden("\(user.role.chineseName)无权执行「\(kinds.name(of: action, in: subject.kind))」")
        }
        let input = try APIJSON.decodeStrict(TransitionBody.self, from: data).input
        let updated = try await cases.apply(caseId: subject.id, input, by: user, at: clock.now())
        Counter(label: "wangchao_transitions_total", dimensions: [("action", input.command.action.rawValue)]).increment()
        let history = try await store.history(caseId: updated.id)
        var visibility = RepeatVisibility(store: store, viewer: user)
        return try JSONResponse.make(
            CaseView(
                updated, history: history, allowedActions: kinds.availableActions(on: updated, for: user),
                lights: lights(), repeats: try await visibility.filter(updated.repeatCandidates)))
    }

    /// Lights are computed at the server clock's now, with the configured calendar.
    private func lights() -> CaseView.Lights { CaseView.Lights(now: clock.now(), calendar: sla.calendar) }

    /// The case, if it exists and `user` may see it; otherwise it does not exist (404).
    private func visibleCase(_ id: String, to user: User) async throws -> Case {
        guard let subject = try await store.getCase(id: id), Access.canSee(subject, user: user) else {
            throw DomainError.notFound("案件不存在")
        }
        return subject
    }
}

/// JSON responses with the API's encoder.
enum JSONResponse {
    static func make(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        let data = try APIJSON.makeEncoder().encode(value)
        return Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
