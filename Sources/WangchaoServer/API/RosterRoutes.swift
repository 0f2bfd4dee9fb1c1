import Foundation
import Hummingbird
import WangchaoCore
import WangchaoStore

/// `/api/v1/units/{unitId}/roster`: a unit's duty roster (值班表), which assignment reads to
/// find who is on duty. Anyone signed in reads it; administrators, the district command and
/// the town dispatchers of the unit's town replace it.
struct RosterRoutes {
    let store: any CaseStore

    static let editors = AccessRule.signedIn([.admin, .districtCommander, .townDispatcher])

    var routes: [Route] {
        [
            Route(.get, "/api/v1/units/{unitId}/roster", .anyRole, show),
            Route(.put, "/api/v1/units/{unitId}/roster", Self.editors, replace),
        ]
    }

    @Sendable func show(_ request: Request, context: WangchaoRequestContext) async throws -> Response {
        let unitId = try context.parameters.require("unitId")
        guard let roster = try await store.roster(unitId: unitId) else { throw DomainError.notFound("处置单位 \(unitId) 不存在") }
        return try JSONResponse.make(roster)
    }

    /// Checks in this order: the body (400), the unit (404), the caller's town (403), the shifts (400).
    @Sendable func replace(_ request: Request, context: WangchaoRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let unitId = try context.parameters.require("unitId")
        let body = try await APIJSON.decodeStrictBody(RosterBody.self, from: request)
        guard let unit = try await store.unit(id: unitId) else { throw DomainError.notFound("处置单位 \(unitId) 不存在") }
        if !user.role.seesWholeDistrict {
            guard case .area(let code) = user.scope, AreaCode.isWithin(unit.areaCode, code) else {
                throw DomainError.forbidden("只能排本镇街单位的值班表")
            }
        }
        let roster = DutyRoster(unitId: unitId, shifts: body.shifts)
        try await store.saveRoster(roster)
        return try JSONResponse.make(roster)
    }
}

/// `PUT /api/v1/units/{unitId}/roster`.
struct RosterBody: Decodable, StrictBody {
    let shifts: [DutyShift]

    static let knownFields: Set<String> = ["shifts"]
}
