import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import WangchaoCore
import WangchaoServices
import WangchaoStore

/// `/cockpit` (驾驶舱) and `/map` (地图): indicator tiles, charts and the area map, drawn by the
/// server as SVG; `/cockpit/stream` pushes fresh figures to the tiles (server-sent events).
/// Everything but the live refresh works without JavaScript.
struct CockpitPages {
    let service: IndicatorService
    let store: any CaseStore
    /// The inbox stream's settings: the cockpit recomputes every ten polls (cheap when nothing
    /// changed: the cache answers) and ends its connection after the same lifetime.
    let streamSettings: InboxStreamSettings

    /// The headline tiles, in order.
    static let tileCodes = [
        "casesToday", "openCount", "overdueCount", "closureRate", "onTimeClosureRate", "disposalRate",
        "onTimeDisposalRate", "repeatRate", "satisfactionScore", "reworkRate", "returnRate", "onTimeCheckRate",
    ]
    /// The columns of the by-area table.
    static let tableCodes = ["reportCount", "openCount", "overdueCount", "closureRate", "onTimeClosureRate", "satisfactionScore"]
    static let periods: [(String, String)] = [("today", "今日"), ("7d", "近7天"), ("30d", "近30天"), ("month", "本月"), ("year", "本年")]

    var routes: [Route] {
        [
            Route(.get, "/cockpit", .anyRole, cockpit).page(),
            Route(.get, "/cockpit/stream", .anyRole, stream),
            Route(.get, "/map", .anyRole, map).page().readingPersonalData(),
        ]
    }

    /// The district's cockpit and map figures, counted ahead of the first look: the default
    /// period (30 days) and the map first, then the other periods the cockpit links to.
    @Sendable func warmUp() async throws {
        guard let root = try await service.store.rootArea() else { return }
        _ = try await cockpitModel(root, period: try service.period(named: nil))
        _ = try await service.currentCounts(root, grouping: .area, terms: Self.mapTerms)
        for (name, _) in Self.periods where name != "30d" {
            _ = try await cockpitModel(root, period: try service.period(named: name))
        }
    }

    /// The map's counts per area: open, and open and overdue.
    static let mapTerms: [CountTerm] = [.count(.flag(.open)), .count(.and(.flag(.open), .flag(.overdue)))]

    // MARK: - Cockpit

    @Sendable func cockpit(_ request: Request, context: WangchaoRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let q = Self.parameters(request)
        let area = try await service.area(q["area"], for: user)
        let period = try service.period(named: q["period"])
        var body = try await cockpitModel(area, period: period)
        body["breadcrumb"] = try await breadcrumb(area, user: user, base: "/cockpit", extra: "&period=\(period.name)")
        body["periods"] = Self.periods.map { p -> [String: Any] in
            ["href": "/cockpit?area=\(area.code)&period=\(p.0)", "label": p.1, "current": p.0 == period.name]
        }
        body["mapHref"] = "/map?area=\(area.code)"
        body["streamHref"] = "/cockpit/stream?area=\(area.code)&period=\(period.name)"
        return PageRenderer.bundled.render(
            template: "cockpit", context: body,
            frame: PageFrame(title: "驾驶舱 · \(area.name)", mainId: "cockpit", context: context, current: "/cockpit"))
    }

    func cockpitModel(_ area: Area, period: (range: ClosedRange<ChinaDay>, name: String)) async throws -> [String: Any] {
        let catalog = service.catalog
        // The five counts are independent reads: run at once, a cold cockpit waits for the
        // longest (all indicators by area) instead of the sum.
        let simple: [CountTerm] = [.count(.all), .count(.flag(.open))]
        let today = ChinaDay(service.clock.now())
        let days = ChinaDay(index: today.index - 29)...today
        async let reportRead = service.report(area, period.range, by: .area)
        async let bySourceRead = service.counts(area, period.range, grouping: .source, terms: simple)
        async let byCategoryRead = service.counts(area, period.range, grouping: .category, terms: simple)
        async let byTierRead = service.counts(area, period.range, grouping: .tier, terms: simple)
        async let trendRead = service.counts(area, days, grouping: .day, terms: [.count(.all), .count(.flag(.closed))])
        let (report, bySource, byCategory, byTier, trend) = try await (reportRead, bySourceRead, byCategoryRead, byTierRead, trendRead)
        let byCode = Dictionary(report.total.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        let tiles = Self.tileCodes.compactMap { byCode[$0] }.map { v -> [String: Any] in
            let definition = catalog[v.code]
            let fraction = definition?.unit == .percent ? v.value : nil
            return [
                "code": v.code, "name": v.name, "display": v.display, "lightClass": v.light ?? "none",
                "lightName": v.lightName ?? "", "hasLight": v.lightName != nil,
                "svg": NumberTile(name: v.name, display: v.display, fraction: fraction, light: v.light, lightName: v.lightName).svg(),
            ]
        }
        // Every indicator, by domain.
        let domains = IndicatorDomain.allCases.map { domain -> [String: Any] in
            [
                "name": domain.chineseName,
                "items": report.total.filter { $0.domain == domain.rawValue }.map { v -> [String: Any] in
                    ["code": v.code, "name": v.name, "display": v.display, "lightClass": v.light ?? "none", "lightName": v.lightName ?? "—"]
                },
            ]
        }
        // By child area: a table and a bar chart, each row a link one level down.
        let children = report.groups.filter { $0.key != area.code }
        let rows = children.map { group -> [String: Any] in
            let values = Dictionary(group.values.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
            return [
                "name": group.name, "href": "/cockpit?area=\(group.key)&period=\(period.name)",
                "cells": Self.tableCodes.compactMap { values[$0] }.map { v -> [String: Any] in
                    ["display": v.display, "lightClass": v.light ?? "none", "lightName": v.lightName ?? ""]
                },
            ]
        }
        let headers = Self.tableCodes.compactMap { catalog[$0]?.name }
        let areaBars = children.map { group -> BarChart.Bar in
            let count = group.values.first { $0.code == "reportCount" }?.value ?? 0
            return .init(label: group.name, value: count, href: "/cockpit?area=\(group.key)&period=\(period.name)")
        }
        var groups: [String: Double] = [:]
        for row in byCategory { groups[service.categories[row.key]?.group ?? "其他", default: 0] += row.values[0] }
        let sourceBars = bySource.sorted { $0.values[0] > $1.values[0] }.map {
            BarChart.Bar(label: SourceChannel(rawValue: $0.key)?.chineseName ?? $0.key, value: $0.values[0], colour: "#2e6f40")
        }
        let groupBars = groups.sorted { $0.value > $1.value }.map { BarChart.Bar(label: $0.key, value: $0.value, colour: "#7a4b9c") }
        let tierBars = Tier.allCases.map { tier in
            BarChart.Bar(label: tier.chineseName, value: byTier.first { $0.key == tier.rawValue }?.values[0] ?? 0, colour: "#9c5a14")
        }
        // 30-day trend, whatever the period.
        let byDay = Dictionary(trend.map { ($0.key, $0.values) }, uniquingKeysWith: { a, _ in a })
        let dayList = (days.lowerBound.index...days.upperBound.index).map { ChinaDay(index: $0) }
        let labels = dayList.map { String($0.description.suffix(5)) }
        let line = LineChart(
            title: "近30天每日新增与其中已结案", labels: labels,
            series: [
                .init(name: "新增", colour: "#174f8c", values: dayList.map { byDay[$0.description]?[0] ?? 0 }),
                .init(name: "其中已结案", colour: "#1d6b35", values: dayList.map { byDay[$0.description]?[1] ?? 0 }),
            ])
        let childLevel = children.isEmpty ? "下级区域" : "下级区域（\(area.level.allowedChildLevels.first?.chineseName ?? "下级")）"
        return [
            "area": ["code": area.code, "name": area.name, "level": area.level.chineseName],
            "from": report.from, "to": report.to, "tiles": tiles, "domains": domains,
            "headers": headers, "rows": rows, "hasRows": !rows.isEmpty, "childLevel": childLevel,
            "areaChart": BarChart(title: "各\(childLevel)上报数", bars: areaBars).svg(),
            "sourceChart": BarChart(title: "按来源", bars: sourceBars).svg(),
            "groupChart": BarChart(title: "按事项大类", bars: groupBars).svg(),
            "tierChart": BarChart(title: "按承办层级", bars: tierBars).svg(),
            "trendChart": line.svg(),
            "indicatorCount": catalog.indicators.count,
        ]
    }

    /// `event: figures` with the headline tiles' values every ``streamInterval`` (an unchanged
    /// history costs one indexed read: the cache answers).
    @Sendable func stream(_ request: Request, context: WangchaoRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let q = Self.parameters(request)
        let area = try await service.area(q["area"], for: user)
        let period = try service.period(named: q["period"])
        let service = self.service, interval = streamSettings.pollInterval * 10, lifetime = streamSettings.lifetime
        return .eventStream { writer in
            let clock = ContinuousClock()
            let ends = clock.now.advanced(by: lifetime)
            try await writer.write(ByteBuffer(string: "retry: 5000\n\n"))
            var last = ""
            while clock.now < ends, !Task.isCancelled {
                let report = try await service.report(area, period.range, by: .total)
                let tiles = report.total.filter { Self.tileCodes.contains($0.code) }.map {
                    FigureEvent(code: $0.code, display: $0.display, light: $0.light, lightName: $0.lightName)
                }
                let json = String(decoding: try JSONEncoder().encode(tiles), as: UTF8.self)
                if json != last {
                    try await writer.write(ByteBuffer(string: "event: figures\ndata: \(json)\n\n"))
                    last = json
                } else {
                    try await writer.write(ByteBuffer(string: ": keep-alive\n\n"))
                }
                try await Task.sleep(for: interval)
            }
            try await writer.finish(nil)
        }
    }

    struct FigureEvent: Encodable {
        let code: String
        let display: String
        let light: String?
        let lightName: String?
    }

    // MARK: - Map

    @Sendable func map(_ request: Request, context: WangchaoRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let q = Self.parameters(request)
        let area = try await service.area(q["area"], for: user)
        let shading: AreaMap.Shading = q["shade"] == "overdue" ? .overdue : .open
        var children = try await service.childAreas(of: area.code)
        // A leaf (a micro-grid) shows itself.
        let isLeaf = children.isEmpty
        if isLeaf { children = [area] }
        let counts = try await service.currentCounts(area, grouping: .area, terms: Self.mapTerms)
        let byChild = Dictionary(counts.map { ($0.key, $0.values) }, uniquingKeysWith: { a, _ in a })
        let openTotal = Int(counts.reduce(0) { $0 + $1.values[0] })
        let regions = children.map { child -> AreaMap.Region in
            let values = isLeaf ? [Double(openTotal), counts.reduce(0) { $0 + $1.values[1] }] : (byChild[child.code] ?? [0, 0])
            return AreaMap.Region(
                code: child.code, name: child.name, boundary: child.boundary, open: Int(values[0]), overdue: Int(values[1]),
                href: isLeaf ? nil : "/map?area=\(child.code)\(shading == .overdue ? "&shade=overdue" : "")")
        }
        // The newest open cases in the area, at most AreaMap.markerCap, read as rows (no bodies).
        var query = CaseQuery()
        query.areaCode = area.code
        query.states = service.kinds.openStates
        let now = service.clock.now()
        let openCases = try await store.caseRows(query, viewer: user.viewer, limit: AreaMap.markerCap).rows
        let markers = openCases.filter { $0.lat.isFinite && $0.lng.isFinite }.map { c -> AreaMap.Marker in
            let overdue = c.deadlines.contains { $0.dueAt <= now }
            let category = service.categories[c.category]?.name ?? c.category
            return AreaMap.Marker(
                lat: c.lat, lng: c.lng, title: "\(c.number) \(category) · \(c.state.chineseName)\(overdue ? " · 已超期" : "")",
                href: "/cases/\(c.id)", overdue: overdue)
        }
        let svg = AreaMap(
            title: "\(area.name)\(isLeaf ? "" : "下级区域")：按\(shading.chineseName)事件着色", regions: regions, markers: markers,
            openTotal: openTotal, shading: shading
        ).svg()
        var body: [String: Any] = [
            "area": ["code": area.code, "name": area.name, "level": area.level.chineseName],
            "svg": svg, "openTotal": openTotal,
            "breadcrumb": try await breadcrumb(area, user: user, base: "/map", extra: shading == .overdue ? "&shade=overdue" : ""),
            "shadeOpenHref": "/map?area=\(area.code)", "shadeOverdueHref": "/map?area=\(area.code)&shade=overdue",
            "shadeOpen": shading == .open, "shadeOverdue": shading == .overdue,
            "cockpitHref": "/cockpit?area=\(area.code)",
            "children": regions.filter { _ in !isLeaf }.map { r -> [String: Any] in
                ["name": r.name, "href": r.href ?? "", "open": r.open, "overdue": r.overdue]
            },
        ]
        if area.level >= .grid {
            body["grid"] = try await gridDetail(area, openCases: openCases, now: now)
        }
        return PageRenderer.bundled.render(
            template: "map", context: body,
            frame: PageFrame(title: "地图 · \(area.name)", mainId: "map", context: context, current: "/map"))
    }

    /// A grid's (or micro-grid's) worker(s), its open cases and its figures.
    func gridDetail(_ area: Area, openCases: [CaseRow], now: Date) async throws -> [String: Any] {
        var gridCode = area.code
        if area.level == .microGrid, let parent = area.parentCode { gridCode = parent }
        var workers: [[String: Any]] = []
        var after: String?
        repeat {
            let page = try await store.listUsers(after: after, limit: 500)
            for user in page where user.role == .gridWorker && !user.disabled {
                if case .area(let code) = user.scope, code == gridCode || AreaCode.isWithin(code, area.code) {
                    workers.append(["name": user.displayName, "username": user.username])
                }
            }
            after = page.count == 500 ? page.last?.username : nil
        } while after != nil
        let period = try service.period(named: "30d")
        let report = try await service.report(area, period.range, by: .total)
        let figures = report.total.filter { ["reportCount", "openCount", "overdueCount", "closureRate", "onTimeClosureRate", "satisfactionScore"].contains($0.code) }
            .map { v -> [String: Any] in ["name": v.name, "display": v.display, "lightClass": v.light ?? "none", "lightName": v.lightName ?? ""] }
        let cases = openCases.prefix(50).map { c -> [String: Any] in
            let overdue = c.deadlines.contains { $0.dueAt <= now }
            return [
                "id": c.id, "number": c.number, "category": service.categories[c.category]?.name ?? c.category,
                "state": c.state.chineseName, "overdue": overdue, "description": String(c.description.prefix(40)),
            ]
        }
        return ["workers": workers, "hasWorkers": !workers.isEmpty, "figures": figures, "cases": Array(cases), "hasCases": !cases.isEmpty]
    }

    // MARK: - Shared

    /// The chain from the viewer's top area down to `area`, each a link (district → … → here).
    func breadcrumb(_ area: Area, user: User, base: String, extra: String) async throws -> [[String: Any]] {
        var chain: [Area] = [area]
        var current = area
        while let parent = current.parentCode, let next = try await service.cachedArea(parent) {
            chain.insert(next, at: 0)
            current = next
        }
        if !user.role.seesWholeDistrict {
            let own = try await service.area(nil, for: user).code
            chain = chain.filter { AreaCode.isWithin($0.code, own) }
        }
        return chain.enumerated().map { index, a in
            ["name": a.name, "href": "\(base)?area=\(a.code)\(extra)", "last": index == chain.count - 1]
        }
    }

    static func parameters(_ request: Request) -> [String: String] {
        var result: [String: String] = [:]
        for (key, value) in request.uri.queryParameters where !value.isEmpty { result[String(key)] = String(value) }
        return result
    }
}
