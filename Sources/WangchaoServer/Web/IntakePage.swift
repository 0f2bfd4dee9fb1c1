import Foundation
import HTTPTypes
import Hummingbird
import WangchaoCore
import WangchaoGeo
import WangchaoServices
import WangchaoStore

/// `/intake`: the intake form for hotline operators and grid workers. It files through the
/// same steps as `POST /api/v1/cases`: an address without a point is placed by the standard
/// address base, a point finds its micro-grid, the store validates and times the case.
///
/// Before filing, the server runs the repeat check (the same as
/// `POST /api/v1/cases/repeat-check`); when it finds candidates the form comes back with them
/// and a box to tick, so the warning works without JS too. A refused form comes back with
/// every value kept and the field's error next to it.
struct IntakePage {
    let store: any CaseStore
    let intakes: IntakeService
    let cases: CaseService
    let clock: any WangchaoClock
    let categories: CategoryCatalog
    let repeatPolicy: RepeatPolicy

    /// The form's inputs, named as the form posts them.
    static let fieldNames = [
        "category", "categorySearch", "description", "source", "priority", "address", "lat", "lng", "reporterName",
        "reporterPhone", "anonymous", "intakeKey",
    ]

    /// The API's field paths → the form's inputs.
    static func formField(_ apiField: String?) -> String? {
        switch apiField {
        case "location.lat": "lat"
        case "location.lng": "lng"
        case "location.address", "location": "address"
        case "reporter.name": "reporterName"
        case "reporter.phone": "reporterPhone"
        case "Idempotency-Key": nil
        default: apiField
        }
    }

    static let labels: [String: String] = [
        "category": "事项类别", "description": "诉求描述", "source": "来源渠道", "priority": "紧急程度",
        "address": "地址", "lat": "纬度", "lng": "经度", "reporterName": "报告人姓名", "reporterPhone": "报告人电话",
    ]

    @Sendable func show(_ request: Request, context: WangchaoRequestContext) async throws -> Response {
        let user = try context.requireUser()
        var values = ["intakeKey": SessionToken.generate(), "priority": "normal"]
        values["source"] = user.role == .gridWorker ? SourceChannel.gridPatrol.rawValue : SourceChannel.hotline12345.rawValue
        // Filed outside what this user sees: the case went to where it happened; say so here.
        let filed = request.uri.queryParameters["filed"].map(String.init).flatMap { CaseNumber.looksLikeNumber($0) ? $0 : nil }
        let flash = filed.map { "已登记，案件编号 \($0)；事发地不在您的范围内，已交由所在区域处理" }
        return try await render(user: user, context: context, values: values, status: .ok, flash: flash)
    }

    @Sendable func submit(_ request: Request, context: WangchaoRequestContext) async throws -> Response {
        let user = try context.requireUser()
        guard FormFields.isForm(request) else {
            throw DomainError.unsupportedMediaType("请通过受理登记页面的表单提交")
        }
        var request = request
        let form = FormFields(String(buffer: try await request.collectBody(upTo: CSRFCheck.maxFormSize)))
        var values: [String: String] = [:]
        for name in Self.fieldNames { values[name] = form[name] }
        do {
            let prepared = try await intakes.prepare(try submission(from: values))
            let intake = prepared.intake
            if form["confirmRepeat"] != "1" {
                let candidates = try await store.repeatCandidates(for: intake, at: clock.now(), policy: repeatPolicy)
                var visibility = RepeatVisibility(store: store, viewer: user)
                let visible = try await visibility.filter(candidates)
                if !visible.shown.isEmpty || visible.hidden > 0 {
                    return try await render(
                        user: user, context: context, values: values, status: .ok, repeats: visible)
                }
            }
            let key = values["intakeKey"].flatMap { (1...200).contains($0.count) ? $0 : nil }
            let created = try await cases.file(prepared, by: user, idempotencyKey: key, at: clock.now())
            guard Access.canSee(created.case, user: user) else {
                return Response(status: .seeOther, headers: [.location: "/intake?filed=\(created.case.number)"])
            }
            return Response(status: .seeOther, headers: [.location: "/cases/\(created.case.id)?filed=1"])
        } catch {
            guard let refusal = APIError.from(error) else { throw error }
            let domain = refusal.domain
            if domain.code == .forbidden { throw error }
            return try await render(
                user: user, context: context, values: values, status: APIError.status(of: domain.code),
                error: (Self.formField(domain.field), domain.message))
        }
    }

    /// The submission the form describes, as the API reads it from JSON.
    func submission(from values: [String: String]) throws -> IntakeSubmission {
        func text(_ name: String) -> String { (values[name] ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
        var category = text("category")
        // The search box alone (no JS): a code or an exact name picks the category.
        if category.isEmpty, !text("categorySearch").isEmpty {
            let typed = text("categorySearch")
            category = categories.categories.first { $0.code == typed || $0.name == typed || "\($0.name)（\($0.code)）" == typed }?.code ?? ""
            if category.isEmpty { throw DomainError.invalid(field: "category", "没有名为「\(typed)」的事项类别，请从列表中选择") }
        }
        var place = IntakeSubmission.Place(address: text("address"))
        let latText = text("lat"), lngText = text("lng")
        if !latText.isEmpty || !lngText.isEmpty {
            guard let lat = Double(latText) else { throw DomainError.invalid(field: "location.lat", "请填写纬度（数字），或在地图上点选") }
            guard let lng = Double(lngText) else { throw DomainError.invalid(field: "location.lng", "请填写经度（数字），或在地图上点选") }
            (place.lat, place.lng) = (lat, lng)
        } else if place.address.isEmpty {
            throw DomainError.invalid(field: "location", "请在地图上点选位置，或填写地址")
        }
        let sourceText = text("source"), priorityText = text("priority")
        guard let source = sourceText.isEmpty ? .hotline12345 : SourceChannel(rawValue: sourceText) else {
            throw DomainError.invalid(field: "source", "未知的来源渠道 \(sourceText)")
        }
        guard let priority = priorityText.isEmpty ? .normal : Priority(rawValue: priorityText) else {
            throw DomainError.invalid(field: "priority", "紧急程度须为 normal 或 urgent")
        }
        let reporter = Reporter(
            name: text("reporterName").isEmpty ? nil : text("reporterName"),
            phone: text("reporterPhone").isEmpty ? nil : text("reporterPhone"), anonymous: values["anonymous"] == "1")
        return IntakeSubmission(
            category: category, description: values["description"] ?? "", source: source, priority: priority,
            location: place, reporter: reporter)
    }

    private func render(
        user: User, context: WangchaoRequestContext, values: [String: String], status: HTTPResponse.Status,
        error: (field: String?, message: String)? = nil, repeats: VisibleRepeatCandidates? = nil, flash: String? = nil
    ) async throws -> Response {
        var model: [String: Any] = [:]
        for name in Self.fieldNames { model[name] = values[name] ?? "" }
        model["anonymousChecked"] = values["anonymous"] == "1"
        model["csrfToken"] = context.session?.csrfToken ?? ""
        model["categoryGroups"] = CategoryOptions.groups(categories, selected: values["category"])
        model["categoryList"] = categories.categories.map { ["label": "\($0.name)（\($0.code)）"] }
        model["sourceOptions"] = SourceChannel.allCases.filter { $0 != .open311 && $0 != .external }.map {
            ["value": $0.rawValue, "label": $0.chineseName, "selected": $0.rawValue == values["source"]] as [String: Any]
        }
        model["priorityOptions"] = [("normal", "一般"), ("urgent", "紧急")].map {
            ["value": $0.0, "label": $0.1, "selected": $0.0 == (values["priority"] ?? "normal")] as [String: Any]
        }
        var errors: [String: Any] = [:]
        for name in Self.fieldNames { errors[name] = false }
        if let error {
            let label = error.field.flatMap { Self.labels[$0] }
            model["pageError"] = (label.map { "\($0)（\(error.field!)）：" } ?? "") + error.message
            if let field = error.field { errors[field] = error.message }
        }
        model["errors"] = errors
        if let repeats {
            var items: [[String: Any]] = repeats.shown.map { candidate in
                [
                    "id": candidate.caseId, "number": candidate.number, "state": candidate.state.chineseName,
                    "createdAt": WebText.time(candidate.createdAt),
                ]
            }
            if repeats.hidden > 0 {
                items.append(["hiddenCount": repeats.hidden])
            }
            model["repeats"] = ["items": items]
        }
        let point = Double(values["lat"] ?? "").flatMap { lat in Double(values["lng"] ?? "").map { (lat, $0) } }
        model["map"] = try await areaMap(for: user, point: point)
        return PageRenderer.bundled.render(
            template: "intake", context: model,
            frame: PageFrame(title: "受理登记", mainId: "intake", context: context, flash: flash, current: "/intake"),
            status: status)
    }

    /// The user's area (its children drawn, so a click can fall in a grid), clickable.
    private func areaMap(for user: User, point: (lat: Double, lng: Double)?) async throws -> String {
        var area: Area?
        if case .area(let code) = user.scope { area = try await store.area(code: code) }
        if area?.boundary == nil { area = try await store.rootArea() }
        guard let area, let boundary = area.boundary, let window = SVGMap.window(of: boundary) else {
            return #"<p class="muted">尚未导入区域边界，请直接填写经纬度或地址。</p>"#
        }
        var shapes: [SVGMap.Shape] = []
        for child in try await store.childAreas(of: area.code) {
            if let shape = child.boundary { shapes.append(.init(code: child.code, name: child.name, boundary: shape)) }
        }
        if shapes.isEmpty { shapes = [.init(code: area.code, name: area.name, boundary: boundary, home: true)] }
        let grown = SVGMap.Window(
            west: window.west - (window.east - window.west) * 0.03, south: window.south - (window.north - window.south) * 0.03,
            east: window.east + (window.east - window.west) * 0.03, north: window.north + (window.north - window.south) * 0.03)
        return SVGMap(
            window: grown, shapes: shapes, marker: point, label: "\(area.name)地图：点击设置位置", pick: ("lat", "lng")
        ).svg
    }
}
