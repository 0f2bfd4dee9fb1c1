import Foundation
import Hummingbird
import Metrics
import WangchaoCore
import WangchaoServices
import WangchaoStore

/// `/api/v1/track`: citizens follow their case with its number and tracking code, without an
/// account, and rate it once it is closed. Public routes: they answer only ``PublicProgress``,
/// which holds no personal data, and a wrong code looks exactly like an unknown number (404).
struct TrackRoutes {
    let store: any CaseStore
    let cases: CaseService
    let categories: CategoryCatalog
    let clock: any WangchaoClock

    var routes: [Route] {
        [
            Route(.get, "/api/v1/track/{number}", .public, show),
            Route(.post, "/api/v1/track/{number}/rating", .public, rate),
        ]
    }

    /// `GET /track/{number}?code=…`: the public progress of the case.
    @Sendable func show(_ request: Request, context: WangchaoRequestContext) async throws -> Response {
        let number = try context.parameters.require("number")
        let code = try Self.code(of: request)
        guard let subject = try await store.getCase(number: number),
            TrackingCode.matches(code, subject.trackingCode)
        else {
            Counter(label: "wangchao_track_lookups_total", dimensions: [("result", "notFound")]).increment()
            throw Self.notFound
        }
        Counter(label: "wangchao_track_lookups_total", dimensions: [("result", "found")]).increment()
        return try JSONResponse.make(try await progress(of: subject))
    }

    /// `POST /track/{number}/rating?code=…` with `{"satisfaction": 1–5, "comment": "…"}`:
    /// the reporter's rating of a closed case; answers the progress as it now stands.
    @Sendable func rate(_ request: Request, context: WangchaoRequestContext) async throws -> Response {
        let number = try context.parameters.require("number")
        let code = try Self.code(of: request)
        let body = try await APIJSON.decodeBody(RatingBody.self, from: request)
        let rated = try await cases.rateAsReporter(
            number: number, trackingCode: code, satisfaction: body.satisfaction, comment: body.comment, at: clock.now())
        Counter(label: "wangchao_transitions_total", dimensions: [("action", CaseAction.rate.rawValue)]).increment()
        return try JSONResponse.make(try await progress(of: rated))
    }

    private static let notFound = DomainError.notFound("案件编号或查询码不正确")

    private static func code(of request: Request) throws -> String {
        guard let code = request.uri.queryParameters["code"].map(String.init), !code.isEmpty else {
            throw DomainError.invalid(field: "code", "请提供受理时告知的查询码 code")
        }
        guard code.count <= 32 else { throw notFound }
        return code
    }

    private func progress(of subject: Case) async throws -> PublicProgress {
        let history = try await store.history(caseId: subject.id)
        var unitNames: [String: String] = [:]
        for transition in history {
            switch transition.payload {
            case .dispatch(let unitId), .addCooperator(let unitId), .reinforce(let unitId):
                if unitNames[unitId] == nil { unitNames[unitId] = try await store.unit(id: unitId)?.name }
            default: break
            }
        }
        return PublicProgress(
            case: subject, history: history, categoryName: categories[subject.category]?.name ?? subject.category,
            place: try await place(of: subject.areaCode), unitName: { unitNames[$0] })
    }

    /// The names of the town and community (those that exist) the case lies in, found by
    /// walking up the area tree (the optional cluster level makes code lengths vary).
    private func place(of areaCode: String) async throws -> String {
        var names: [AreaLevel: String] = [:]
        var next: String? = areaCode
        while let code = next, let area = try await store.area(code: code) {
            names[area.level] = area.name
            next = area.level == .town ? nil : area.parentCode
        }
        return [names[.town], names[.community]].compactMap { $0 }.joined(separator: " ")
    }
}

/// The reporter's rating on the tracking page.
struct RatingBody: Decodable {
    var satisfaction: Int
    var comment: String?
}
