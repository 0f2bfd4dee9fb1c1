import Foundation
import WangchaoCore
import WangchaoStore

/// Computes indicator values for an area and a period from the store's counts: shared by the
/// JSON API, the cockpit and the map. The viewer's scope is enforced here, once.
public struct IndicatorService: Sendable {
    public let store: any CaseStore
    public let clock: any WangchaoClock
    /// The taxonomy whose names label the `category` grouping and the cockpit's bars.
    public let categories: CategoryCatalog
    /// The kinds, whose states the indicators' open / closed / registered … flags count.
    public let kinds: CaseKindCatalog
    public var catalog: IndicatorCatalog = .bundled
    /// Shared by every route given this service (see ``IndicatorCache``).
    public var cache = IndicatorCache()

    public init(
        store: any CaseStore, clock: any WangchaoClock, categories: CategoryCatalog, kinds: CaseKindCatalog,
        catalog: IndicatorCatalog = .bundled, cache: IndicatorCache = IndicatorCache()
    ) {
        self.store = store
        self.clock = clock
        self.categories = categories
        self.kinds = kinds
        self.catalog = catalog
        self.cache = cache
    }

    /// The longest period one request may cover.
    public static let maxDays = 366

    /// The area the viewer asked for (default: their own area, or the district for those who
    /// see the whole district), checked against their scope.
    public func area(_ requested: String?, for user: User) async throws -> Area {
        if let code = requested, code.isEmpty || !code.allSatisfy({ $0.isASCII && $0.isNumber }) {
            throw DomainError.invalid(field: "area", "区域代码须为数字")
        }
        // A unit's people see the area of their unit (a town's platform: the town).
        var own: String?
        switch user.scope {
        case .area(let code): own = code
        case .unit(let id): own = try await store.unit(id: id)?.areaCode
        }
        var code = requested
        if !user.role.seesWholeDistrict {
            guard let own else { throw DomainError.forbidden("账号的所属单位不存在，不能查看区域指标") }
            if let requested, !AreaCode.isWithin(requested, own) { throw DomainError.forbidden("只能查看本辖区的指标") }
            code = code ?? own
        }
        if code == nil {
            let store = self.store
            code = try await cache.area("", now: clock.now()) { try await store.rootArea() }?.code
        }
        guard let code, let area = try await cachedArea(code) else {
            throw DomainError.notFound("区域 \(requested ?? "") 不存在")
        }
        return area
    }

    /// `from`/`to` as `YYYY-MM-DD` (China days, both included); default the last 30 days
    /// including today.
    public func period(from: String?, to: String?) throws -> ClosedRange<ChinaDay> {
        let today = ChinaDay(clock.now())
        func day(_ text: String?, _ field: String) throws -> ChinaDay? {
            guard let text, !text.isEmpty else { return nil }
            guard let day = ChinaDay(iso: text) else { throw DomainError.invalid(field: field, "\(field) 须为 YYYY-MM-DD 格式的日期") }
            return day
        }
        let end = try day(to, "to") ?? today
        let start = try day(from, "from") ?? ChinaDay(index: end.index - 29)
        guard start <= end else { throw DomainError.invalid(field: "from", "开始日期不能晚于结束日期") }
        guard end.index - start.index < Self.maxDays else {
            throw DomainError.invalid(field: "from", "一次最多查询 \(Self.maxDays) 天")
        }
        return start...end
    }

    /// The period named on the cockpit (`today`, `7d`, `30d`, `month`, `year`).
    public func period(named name: String?) throws -> (range: ClosedRange<ChinaDay>, name: String) {
        let today = ChinaDay(clock.now())
        let (y, m, _) = today.components
        switch name ?? "30d" {
        case "today": return (today...today, "today")
        case "7d": return (ChinaDay(index: today.index - 6)...today, "7d")
        case "30d", "": return (ChinaDay(index: today.index - 29)...today, "30d")
        case "month": return (ChinaDay(year: y, month: m, day: 1)!...today, "month")
        case "year": return (ChinaDay(year: y, month: 1, day: 1)!...today, "year")
        default: throw DomainError.invalid(field: "period", "period 须为 today、7d、30d、month 或 year")
        }
    }

    /// Counts for `terms` of the area's cases in the period, grouped.
    public func counts(
        _ area: Area, _ period: ClosedRange<ChinaDay>, grouping: IndicatorQuery.Grouping, terms: [CountTerm]
    ) async throws -> [IndicatorCounts] {
        let query = IndicatorQuery(
            areaCode: area.code, from: period.lowerBound.start, to: period.upperBound.next.start, grouping: grouping,
            terms: terms, now: clock.now(), states: kinds.stateVocabulary)
        let store = self.store
        return try await cache.counts(query, stamp: try await store.changeStamp()) { try await store.indicatorCounts($0) }
    }

    /// An area by code, from the cache (see ``IndicatorCache/areaMaxAge``).
    public func cachedArea(_ code: String) async throws -> Area? {
        let store = self.store
        return try await cache.area(code, now: clock.now()) { try await store.area(code: code) }
    }

    /// The children of an area, from the cache.
    public func childAreas(of code: String) async throws -> [Area] {
        let store = self.store
        return try await cache.children(of: code, now: clock.now()) { try await store.childAreas(of: code) }
    }

    /// Counts over all the area's cases whatever their date (what is open now, for the map).
    public func currentCounts(_ area: Area, grouping: IndicatorQuery.Grouping, terms: [CountTerm]) async throws -> [IndicatorCounts] {
        let query = IndicatorQuery(
            areaCode: area.code, grouping: grouping, terms: terms, now: clock.now(), states: kinds.stateVocabulary)
        let store = self.store
        return try await cache.counts(query, stamp: try await store.changeStamp()) { try await store.indicatorCounts($0) }
    }

    /// Every indicator's value for the area in total and per group.
    public func report(_ area: Area, _ period: ClosedRange<ChinaDay>, by grouping: IndicatorQuery.Grouping) async throws -> IndicatorReport {
        let terms = catalog.terms
        let evaluation = IndicatorEvaluation(terms: terms)
        let rows = try await counts(area, period, grouping: grouping == .total ? .area : grouping, terms: terms)
        var total = IndicatorCounts(key: "", values: Array(repeating: 0, count: terms.count))
        for row in rows { total.add(row) }
        let names = try await groupNames(area, grouping: grouping)
        func values(_ counts: IndicatorCounts) -> [IndicatorValue] {
            catalog.indicators.map { IndicatorValue($0, value: evaluation.value(of: $0, in: counts)) }
        }
        return IndicatorReport(
            area: AreaRef(area), from: period.lowerBound.description, to: period.upperBound.description,
            by: grouping.rawValue, total: values(total),
            groups: grouping == .total
                ? []
                : rows.map { IndicatorGroup(key: $0.key, name: names[$0.key] ?? ($0.key.isEmpty ? "未指派" : $0.key), values: values($0)) })
    }

    /// Display names of group keys: child areas, units, people.
    public func groupNames(_ area: Area, grouping: IndicatorQuery.Grouping) async throws -> [String: String] {
        switch grouping {
        case .area:
            var names = Dictionary(try await childAreas(of: area.code).map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
            names[area.code] = "\(area.name)（本级）"
            return names
        case .unit:
            return Dictionary(try await store.units(within: nil).map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        case .source:
            return Dictionary(uniqueKeysWithValues: SourceChannel.allCases.map { ($0.rawValue, $0.chineseName) })
        case .tier:
            return Dictionary(uniqueKeysWithValues: Tier.allCases.map { ($0.rawValue, $0.chineseName) })
        case .category:
            return Dictionary(categories.categories.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
        case .total, .person, .day:
            return [:]
        }
    }
}

/// An area as the API shows it.
public struct AreaRef: Encodable, Sendable {
    public let code: String
    public let name: String
    public let level: String

    public init(_ area: Area) {
        code = area.code
        name = area.name
        level = area.level.chineseName
    }
}

/// One indicator's value, formatted, with its light.
public struct IndicatorValue: Encodable, Sendable {
    public let code: String
    public let name: String
    public let domain: String
    public let unit: String
    public let value: Double?
    public let display: String
    public let light: String?
    public let lightName: String?

    public init(_ definition: IndicatorDefinition, value: Double?) {
        code = definition.code
        name = definition.name
        domain = definition.domain
        unit = definition.unit.rawValue
        self.value = value.flatMap { $0.isFinite ? $0 : nil }
        display = definition.display(value)
        let light = definition.thresholds?.light(of: value)
        self.light = light?.rawValue
        lightName = light?.chineseName
    }
}

public struct IndicatorGroup: Encodable, Sendable {
    public let key: String
    public let name: String
    public let values: [IndicatorValue]
}

/// `GET /api/v1/indicators/values`.
public struct IndicatorReport: Encodable, Sendable {
    public let area: AreaRef
    public let from: String
    public let to: String
    public let by: String
    public let total: [IndicatorValue]
    public let groups: [IndicatorGroup]
}
