import Foundation
import Hummingbird
import WangchaoCore
import WangchaoGeo
import WangchaoServices
import WangchaoStore

/// Repeat reports: the check the intake form runs before submitting, and the repeat rate per
/// area and month (the seeds' 110 重复报警率).
struct RepeatRoutes {
    let store: any CaseStore
    let intakes: IntakeService
    let clock: any WangchaoClock
    let policy: RepeatPolicy

    /// Who may read repeat statistics: dispatchers, commanders and observers.
    static let statisticsRoles: Set<Role> = [.townDispatcher, .districtCommander, .observer]

    var routes: [Route] {
        [
            Route(.post, "/api/v1/cases/repeat-check", .signedIn(Intake.allowedRoles), check),
            Route(.get, "/api/v1/stats/repeats", .signedIn(Self.statisticsRoles), statistics),
        ]
    }

    /// The body of an intake; stores nothing and answers the candidates the caller may see.
    @Sendable func check(_ request: Request, context: WangchaoRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let submission = try await APIJSON.decodeStrictBody(IntakeSubmission.self, from: request)
        let intake = try await intakes.prepare(submission).intake
        let candidates = try await store.repeatCandidates(for: intake, at: clock.now(), policy: policy)
        var visibility = RepeatVisibility(store: store, viewer: user)
        let visible = try await visibility.filter(candidates)
        return try JSONResponse.make(
            RepeatCheckView(
                likelyRepeat: !visible.shown.isEmpty || visible.hidden > 0, repeatCandidates: visible.shown,
                hiddenRepeatCandidates: visible.hidden))
    }

    /// `?areaCode=` (default: the caller's area, or the district) and `?month=YYYY-MM`
    /// (default: this month in China). Dispatchers see only their own area's subtree.
    @Sendable func statistics(_ request: Request, context: WangchaoRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let parameters = request.uri.queryParameters
        func value(_ name: String) -> String? {
            guard let raw = parameters[Substring(name)], !raw.isEmpty else { return nil }
            return String(raw)
        }
        let month = try value("month").map { text throws(DomainError) in try ReportMonth.parse(text) }
            ?? ReportMonth(containing: clock.now())
        let ownArea: String? = if case .area(let code) = user.scope { code } else { nil }
        var areaCode = value("areaCode")
        if let code = areaCode, code.isEmpty || !code.allSatisfy({ $0.isASCII && $0.isNumber }) {
            throw DomainError.invalid(field: "areaCode", "区域代码须为数字")
        }
        if !user.role.seesWholeDistrict {
            guard let ownArea else { throw DomainError.forbidden("没有辖区的账号不能查看重复报事统计") }
            if let code = areaCode, !AreaCode.isWithin(code, ownArea) {
                throw DomainError.forbidden("只能查看本辖区的重复报事统计")
            }
            areaCode = areaCode ?? ownArea
        }
        if areaCode == nil { areaCode = try await store.rootArea()?.code }
        guard let areaCode else { throw DomainError.notFound("尚未导入任何区域") }
        return try JSONResponse.make(try await store.repeatStatistics(areaCode: areaCode, month: month))
    }
}

/// The answer of the repeat check.
struct RepeatCheckView: Encodable {
    let likelyRepeat: Bool
    let repeatCandidates: [RepeatCandidate]
    let hiddenRepeatCandidates: Int
}
