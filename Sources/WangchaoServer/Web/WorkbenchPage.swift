import Foundation
import Hummingbird
import WangchaoCore
import WangchaoStore

/// `/workbench`: the signed-in user's cases (the case list API's visibility), most urgent first:
/// red, then yellow, then the least time left. Filters are a GET query so a link keeps them.
///
/// The store ranks and counts every visible case in its query (``CaseStore/casesByUrgency(_:viewer:)``)
/// and reads only the page's rows: the district commander's 工作台 covers thousands of open
/// cases, and sorting them in memory cost most of 100 ms a page.
struct WorkbenchPage {
    let store: any CaseStore
    let clock: any WangchaoClock
    let categories: CategoryCatalog
    let kinds: CaseKindCatalog
    /// The pace and lifetime of `/workbench/stream` (shared with the inbox stream).
    let streamSettings: InboxStreamSettings
    /// The rows' unit names.
    let units: UnitNames

    static let pageSize = 30

    /// The filters read from the query; unknown values are refused field by field.
    struct Filters {
        var state: CaseState?
        var light: Light?
        var kind: CaseKind?
        var category: String?
        var source: SourceChannel?
        var page = 1

        init(_ parameters: [String: String], kinds: CaseKindCatalog) throws(DomainError) {
            func value(_ name: String) -> String? { parameters[name].flatMap { $0.isEmpty ? nil : $0 } }
            if let text = value("state") {
                self.state = try kinds.state(named: text)
            }
            if let text = value("light") {
                guard let light = Light(rawValue: text) else { throw .invalid(field: "light", "未知的灯色 \(text)") }
                self.light = light
            }
            if let text = value("kind") { kind = try kinds.kind(named: text) }
            category = value("category")
            if let text = value("source") {
                guard let source = SourceChannel(rawValue: text) else { throw .invalid(field: "source", "未知的来源 \(text)") }
                self.source = source
            }
            if let text = value("page") {
                guard let page = Int(text), page >= 1, page <= 10_000 else { throw .invalid(field: "page", "页码须为正整数") }
                self.page = page
            }
        }

        /// The 工作台's address with these filters, `changes` applied (nil removes a key).
        func link(_ changes: [String: String?] = [:]) -> String {
            let query = self.query(changes)
            return query.isEmpty ? "/workbench" : "/workbench?" + query
        }

        /// The query string of these filters with `changes` applied (nil removes a key).
        func query(_ changes: [String: String?] = [:]) -> String {
            var items: [String: String] = [:]
            if let state { items["state"] = state.rawValue }
            if let light { items["light"] = light.rawValue }
            if let kind { items["kind"] = kind.rawValue }
            if let category { items["category"] = category }
            if let source { items["source"] = source.rawValue }
            if page > 1 { items["page"] = String(page) }
            for (key, value) in changes { items[key] = value }
            return items.sorted { $0.key < $1.key }.map {
                "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: .urlQueryValueAllowed) ?? "")"
            }.joined(separator: "&")
        }
    }

    @Sendable func show(_ request: Request, context: WangchaoRequestContext) async throws -> Response {
        let user = try context.requireUser()
        var parameters: [String: String] = [:]
        for (key, value) in request.uri.queryParameters { parameters[String(key)] = String(value) }
        let frame = PageFrame(title: "工作台", mainId: "workbench", context: context, current: "/workbench")
        let filters: Filters
        do { filters = try Filters(parameters, kinds: kinds) } catch {
            var body = try await model(user: user, filters: try Filters([:], kinds: kinds))
            body["error"] = "\(error.field ?? "筛选")：\(error.message)"
            return PageRenderer.bundled.render(template: "workbench", context: body, frame: frame, status: .badRequest)
        }
        return PageRenderer.bundled.render(
            template: "workbench", context: try await model(user: user, filters: filters), frame: frame)
    }

    /// The page the filters ask for (the last one when they ask past it) and its number.
    func read(user: User, filters: Filters, now: Date) async throws -> (result: UrgencyPage, page: Int) {
        var cases = CaseQuery()
        cases.kind = filters.kind
        cases.category = filters.category
        cases.source = filters.source
        // Open cases unless a closed state is asked for; the state counts are over open cases.
        if let state = filters.state, !kinds.isOpen(state) {
            cases.states = [state]
        } else {
            cases.states = kinds.openStates
        }
        let requested = UrgencyQuery(
            cases: cases, state: filters.state, light: filters.light, now: now,
            offset: min((filters.page - 1) * Self.pageSize, UrgencyQuery.maxOffset), limit: Self.pageSize)
        var result = try await store.casesByUrgency(requested, viewer: user.viewer)
        let pages = max(1, (result.total + Self.pageSize - 1) / Self.pageSize)
        let page = min(filters.page, pages)
        if page != filters.page {
            // Past the last page (the set shrank since the link was made): show the last one.
            var last = requested
            last.offset = (page - 1) * Self.pageSize
            result = try await store.casesByUrgency(last, viewer: user.viewer)
        }
        return (result, page)
    }

    func model(user: User, filters: Filters) async throws -> [String: Any] {
        let now = clock.now()
        let (result, page) = try await read(user: user, filters: filters, now: now)
        let pages = max(1, (result.total + Self.pageSize - 1) / Self.pageSize)
        var stateCounts: [CaseState: Int] = [:]
        var lightCounts: [Light: Int] = [:]
        for count in result.counts {
            stateCounts[count.state, default: 0] += count.count
            if let light = count.light, filters.state == nil || filters.state == count.state {
                lightCounts[light, default: 0] += count.count
            }
        }
        let shown = result.rows.map { ($0.row, CaseUrgency(light: $0.light, deadlines: $0.row.deadlines.map(\.deadline), now: now)) }
        let total = result.total

        let unitNames = try await units.names(of: Set(shown.compactMap(\.0.assignedUnitId)), now: now)
        let caseRows: [[String: Any]] = shown.map { subject, urgency in
            [
                "id": subject.id, "number": subject.number, "state": kinds.name(of: subject.state),
                "category": categories[subject.category]?.name ?? subject.category,
                "description": String(subject.description.prefix(80)),
                "address": subject.address,
                "unit": subject.assignedUnitId.map { unitNames[$0] ?? $0 } ?? "—",
                "createdAt": WebText.time(subject.createdAt), "createdAtISO": WebText.machineTime(subject.createdAt),
                "lightClass": urgency.lightClass, "lightText": urgency.lightText, "timeLeft": urgency.timeLeft,
                "rowClass": urgency.light == .red ? "is-red" : urgency.light == .yellow ? "is-yellow" : "",
                "urgent": subject.priority == .urgent,
            ]
        }
        let openStates = kinds.openStates
        var counts: [[String: Any]] = [
            [
                "label": "全部在办", "count": openStates.reduce(0) { $0 + (stateCounts[$1] ?? 0) },
                "href": filters.link(["state": nil, "page": nil]), "current": filters.state == nil,
            ]
        ]
        for state in openStates {
            counts.append([
                "label": kinds.name(of: state), "count": stateCounts[state] ?? 0,
                "href": filters.link(["state": state.rawValue, "page": nil]), "current": filters.state == state,
            ])
        }
        func options<T>(_ all: [T], selected: T?, value: (T) -> String, label: (T) -> String) -> [[String: Any]]
        where T: Equatable {
            all.map { ["value": value($0), "label": label($0), "selected": $0 == selected] }
        }
        var model: [String: Any] = [
            "rows": caseRows, "total": total, "counts": counts,
            "stateOptions": options(kinds.states, selected: filters.state, value: \.rawValue, label: kinds.name(of:)),
            "lightOptions": options(Light.allCases, selected: filters.light, value: \.rawValue, label: \.chineseName),
            "kindOptions": options(kinds.kinds.map(\.kind), selected: filters.kind, value: \.rawValue) {
                kinds[$0]?.name ?? $0.rawValue
            },
            "sourceOptions": options(SourceChannel.allCases, selected: filters.source, value: \.rawValue, label: \.chineseName),
            "categoryGroups": CategoryOptions.groups(categories, selected: filters.category),
            "lightCounts": Light.allCases.reversed().map { light in
                [
                    "label": light.chineseName, "count": lightCounts[light] ?? 0, "class": "light-\(light.rawValue)",
                    "href": filters.link(["light": light.rawValue, "page": nil]),
                ] as [String: Any]
            },
            "page": page, "pages": pages, "now": WebText.time(now),
            "streamHref": "/workbench/stream?" + filters.query(["since": WorkbenchStream.signature(of: result)]),
        ]
        if page > 1 { model["prev"] = filters.link(["page": page - 1 > 1 ? String(page - 1) : nil]) }
        if page < pages { model["next"] = filters.link(["page": String(page + 1)]) }
        if filters.state != nil || filters.light != nil || filters.kind != nil || filters.category != nil
            || filters.source != nil
        {
            model["filtered"] = true
        }
        return model
    }
}

/// The category picker's options, grouped by category class (`<optgroup>`), in Chinese.
enum CategoryOptions {
    static func groups(_ catalog: CategoryCatalog, selected: String?) -> [[String: Any]] {
        var order: [String] = []
        var members: [String: [[String: Any]]] = [:]
        for category in catalog.categories {
            if members[category.group] == nil { order.append(category.group) }
            members[category.group, default: []].append([
                "code": category.code, "name": category.name, "selected": category.code == selected,
            ])
        }
        return order.map { ["group": $0, "categories": members[$0] ?? []] }
    }
}
