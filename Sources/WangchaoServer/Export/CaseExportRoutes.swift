import Foundation
import Hummingbird
import WangchaoCore
import WangchaoStore

/// `GET /api/v1/exports/cases.csv`: the cases the caller may see, for any filter of the case
/// list, as CSV that spreadsheet software opens with its Chinese intact (UTF-8 with a BOM).
///
/// The answer is streamed page by page through the store's cursor, so a year of cases never
/// sits in memory at once; personal data stays masked as in every answer.
struct CaseExportRoutes {
    let store: any CaseStore
    let categories: CategoryCatalog
    let kinds: CaseKindCatalog

    static let header = [
        "案件编号", "状态", "分类代码", "分类", "来源", "优先级", "所属区域代码", "层级", "处置单位", "登记时间", "更新时间",
        "事件描述", "地址", "纬度", "经度", "返工次数", "满意度", "评价方式", "案件类型",
    ]

    var routes: [Route] {
        [Route(.get, "/api/v1/exports/cases.csv", .anyRole, export).readingPersonalData()]
    }

    @Sendable func export(_ request: Request, context: WangchaoRequestContext) async throws -> Response {
        let user = try context.requireUser()
        var query = try CaseQuery(parameters: request.uri.queryParameters, kinds: kinds)
        query.limit = CaseQuery.maxLimit
        query.cursor = nil
        // Refuse a bad filter before the 200 goes out: run the first page now.
        let first = try await store.listCases(query, viewer: user.viewer)
        let rows = CaseRowFormatter(categories: categories, kinds: kinds)
        var headers = HTTPFields()
        headers[.contentType] = "text/csv; charset=utf-8"
        headers[.contentDisposition] = #"attachment; filename="cases.csv"; filename*=UTF-8''%E6%A1%88%E4%BB%B6.csv"#
        headers[.cacheControl] = "no-store"
        return Response(
            status: .ok, headers: headers,
            body: ResponseBody { [store, query] writer in
                var query = query
                try await writer.write(ByteBuffer(bytes: [0xEF, 0xBB, 0xBF] + Array(CSVRow.line(Self.header).utf8)))
                var page = first
                while true {
                    try await writer.write(ByteBuffer(string: page.items.map(rows.line).joined()))
                    guard let next = page.nextCursor else { break }
                    query.cursor = next
                    page = try await store.listCases(query, viewer: user.viewer)
                }
                try await writer.finish(nil)
            })
    }
}

/// A case as one CSV line, times in China.
struct CaseRowFormatter: Sendable {
    let categories: CategoryCatalog
    let kinds: CaseKindCatalog

    func line(_ subject: Case) -> String {
        CSVRow.line([
            subject.number, subject.state.chineseName, subject.category, categories[subject.category]?.name ?? "",
            subject.source.chineseName, subject.priority == .urgent ? "紧急" : "一般", subject.areaCode,
            subject.tier.chineseName, subject.assignedUnitId ?? "", Self.time(subject.createdAt), Self.time(subject.updatedAt),
            subject.description, subject.location.address, String(subject.location.lat), String(subject.location.lng),
            String(subject.reworkCount), subject.satisfaction.map(String.init) ?? "", subject.ratedVia?.rawValue ?? "",
            kinds[subject.kind]?.name ?? subject.kind.rawValue,
        ])
    }

    /// `2026-11-24 10:00:00`, Asia/Shanghai: what a spreadsheet user in the district expects.
    static func time(_ date: Date) -> String {
        date.formatted(
            Date.VerbatimFormatStyle(
                format: "\(year: .defaultDigits)-\(month: .twoDigits)-\(day: .twoDigits) \(hour: .twoDigits(clock: .twentyFourHour, hourCycle: .zeroBased)):\(minute: .twoDigits):\(second: .twoDigits)",
                timeZone: CaseNumber.chinaTimeZone, calendar: Calendar(identifier: .gregorian)))
    }
}
