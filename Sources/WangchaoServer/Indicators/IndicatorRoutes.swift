import Foundation
import Hummingbird
import WangchaoCore
import WangchaoServices
import WangchaoStore

/// `/api/v1/indicators`: the indicator definitions, and their values for an area and period,
/// in total and by child area, unit or person.
struct IndicatorRoutes {
    let service: IndicatorService

    var routes: [Route] {
        [
            Route(.get, "/api/v1/indicators", .anyRole, definitions),
            Route(.get, "/api/v1/indicators/values", .anyRole, values),
        ]
    }

    @Sendable func definitions(_ request: Request, context: WangchaoRequestContext) async throws -> Response {
        _ = try context.requireUser()
        return try JSONResponse.make(
            IndicatorDefinitionsView(
                domains: IndicatorDomain.allCases.map { .init(code: $0.rawValue, name: $0.chineseName) },
                indicators: service.catalog.indicators))
    }

    /// `?area=` (default: the caller's area), `?from=&to=` (`YYYY-MM-DD`, China days, both
    /// included; default the last 30 days), `?by=area|unit|person|source|category|tier`.
    /// Callers below the district see only their own subtree (403 outside it).
    @Sendable func values(_ request: Request, context: WangchaoRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let parameters = request.uri.queryParameters
        func value(_ name: String) -> String? { parameters[Substring(name)].map(String.init).flatMap { $0.isEmpty ? nil : $0 } }
        let grouping: IndicatorQuery.Grouping
        switch value("by") {
        case nil: grouping = .total
        case let by?:
            guard let parsed = IndicatorQuery.Grouping(rawValue: by), parsed != .total, parsed != .day else {
                throw DomainError.invalid(field: "by", "by 须为 area、unit、person、source、category 或 tier")
            }
            grouping = parsed
        }
        let period = try service.period(from: value("from"), to: value("to"))
        let area = try await service.area(value("area"), for: user)
        return try JSONResponse.make(try await service.report(area, period, by: grouping))
    }
}

struct IndicatorDefinitionsView: Encodable {
    struct Domain: Encodable {
        let code: String
        let name: String
    }

    let domains: [Domain]
    let indicators: [IndicatorDefinition]
}
