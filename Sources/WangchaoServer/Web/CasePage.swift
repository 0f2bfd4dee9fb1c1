import Foundation
import HTTPTypes
import Hummingbird
import WangchaoCore
import WangchaoServices
import WangchaoStore

/// `/cases/{id}`: every fact of a case, its history, the routing explanation, a small map, and
/// exactly the actions the user may take now as forms posting to `/cases/{id}/transitions`.
///
/// A refused form re-renders the page with the refusal's status, an `.error` naming the field
/// and the reason, and what the user typed; a successful one is 303 back with a flash.
struct CasePage {
    let store: any CaseStore
    let cases: CaseService
    let clock: any WangchaoClock
    let categories: CategoryCatalog
    let kinds: CaseKindCatalog
    let sla: SLASettings
    /// Where a form's photos go (the same checks as `POST /api/v1/attachments`).
    let attachments: AttachmentKeeper

    @Sendable func show(_ request: Request, context: WangchaoRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let subject = try await visibleCase(context.parameters.require("id"), to: user)
        var flash: String?
        if let done = request.uri.queryParameters["done"].flatMap({ CaseAction(rawValue: String($0)) }) {
            flash = "已完成「\(kinds.name(of: done, in: subject.kind))」"
        }
        if request.uri.queryParameters["filed"] != nil { flash = "已登记，案件编号 \(subject.number)" }
        return try await render(subject, user: user, context: context, flash: flash, refusal: nil, status: .ok)
    }

    /// Checks in the API's order: scope (404), role for the action (403), the form (400), then
    /// version and state (409) in the store.
    @Sendable func transition(_ request: Request, context: WangchaoRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let subject = try await visibleCase(context.parameters.require("id"), to: user)
        var request = request
        let form: FormFields
        var photos: [MultipartForm.Part] = []
        if FormFields.isForm(request) {
            form = FormFields(String(buffer: try await request.collectBody(upTo: CSRFCheck.maxFormSize)))
        } else if FormFields.isMultipart(request) {
            let multipart = try await FormFields.multipart(&request, upTo: CSRFCheck.maxMultipartFormSize)
            form = FormFields(multipart)
            // A file input with nothing chosen still sends an empty part.
            photos = multipart.parts.filter { $0.name == ActionForms.photosField && !$0.body.isEmpty }
        } else {
            throw DomainError.unsupportedMediaType("请通过案件页面的表单提交")
        }
        let workflow = try kinds.workflow(for: subject.kind)
        guard let actionText = form["action"], let action = CaseAction(rawValue: actionText),
            let roles = workflow.roles(for: action), !roles.isEmpty
        else {
            throw DomainError.invalid(field: "action", "未知的操作")
        }
        guard roles.contains(user.role) else {
            throw DomainError.forbidden("\(user.role.chineseName)无权执行「\(kinds.name(of: action, in: subject.kind))」")
        }
        var values: [String: String] = [:]
        for name in ActionForms.postedNames { values[name] = form[name] }
        let forms = ActionForms(
            subject: subject, user: user, units: try await units(for: subject), kinds: kinds)
        var photoField: String?
        do {
            let fields = forms.fields(for: action)
            var body = try ActionForms.body(from: form, action: action, fields: fields)
            if !photos.isEmpty {
                // A refused photo (415, 413) names no field: the page marks the photo input.
                photoField = ActionForms.photosField
                body["attachments"] = try await keep(photos, by: user, allowed: fields.contains { $0.kind == .photos })
                photoField = nil
            }
            // A case number typed for a merge is looked up (the API takes the id).
            if action == .merge, let target = body["intoCaseId"] as? String,
                let found = try await store.getCase(number: target)
            {
                body["intoCaseId"] = found.id
            }
            let data = try JSONSerialization.data(withJSONObject: body)
            let input = try APIJSON.decodeStrict(TransitionBody.self, from: data).input
            _ = try await cases.apply(caseId: subject.id, input, by: user, at: clock.now())
            return Response(status: .seeOther, headers: [.location: "/cases/\(subject.id)?done=\(action.rawValue)"])
        } catch {
            guard let refusal = APIError.from(error) else { throw error }
            let domain = refusal.domain
            // The page shows the case as it is now (another may have changed it meanwhile).
            let current = try await store.getCase(id: subject.id) ?? subject
            return try await render(
                current, user: user, context: context, flash: nil,
                refusal: ActionForms.Refusal(action: action, values: values, field: domain.field ?? photoField, message: domain.message),
                status: APIError.status(of: domain.code))
        }
    }

    /// Stores the photos of a form as attachments, checked one by one; their ids, in order.
    private func keep(_ photos: [MultipartForm.Part], by user: User, allowed: Bool) async throws -> [String] {
        let field = ActionForms.photosField
        guard allowed else { throw DomainError.invalid(field: field, "此操作不带照片") }
        guard photos.count <= ActionForms.maxPhotos else {
            throw DomainError.invalid(field: field, "最多上传 \(ActionForms.maxPhotos) 张照片")
        }
        var ids: [String] = []
        for photo in photos {
            let attachment = try await attachments.keep(Data(photo.body), by: user, field: field, allowed: [.jpeg, .png])
            ids.append(attachment.id)
        }
        return ids
    }

    private func visibleCase(_ id: String, to user: User) async throws -> Case {
        guard let subject = try await store.getCase(id: id), Access.canSee(subject, user: user) else {
            throw DomainError.notFound("案件不存在")
        }
        return subject
    }

    /// Units a case may go to: those of its town (or of the district for district cases), the
    /// district's departments included.
    private func units(for subject: Case) async throws -> [WangchaoCore.Unit] {
        let all = try await store.units(within: nil)
        let town = String(subject.areaCode.prefix(9))
        return all.filter { $0.areaCode.count <= 6 || $0.areaCode.hasPrefix(town) }
    }

    private func render(
        _ subject: Case, user: User, context: WangchaoRequestContext, flash: String?, refusal: ActionForms.Refusal?,
        status: HTTPResponse.Status
    ) async throws -> Response {
        let now = clock.now()
        let history = try await store.history(caseId: subject.id)
        let urgency = CaseUrgency(subject, now: now, calendar: sla.calendar)
        let area = try await store.area(code: subject.areaCode)
        let units = try await units(for: subject)
        var unitNames: [String: String] = [:]
        for unit in units { unitNames[unit.id] = unit.name }
        func unitName(_ id: String) async throws -> String {
            if let name = unitNames[id] { return name }
            let name = try await store.unit(id: id)?.name ?? id
            unitNames[id] = name
            return name
        }
        var userNames: [String: String] = [:]
        func person(_ username: String) async throws -> String {
            if username == "system" { return "系统" }
            if let name = userNames[username] { return name }
            let name = try await store.user(username: username).map { "\($0.displayName)（\($0.role.chineseName)）" } ?? username
            userNames[username] = name
            return name
        }

        let reporter = subject.reporter.masked
        var facts: [[String: Any]] = [
            ["term": "案件编号", "value": subject.number],
            ["term": "事项类别", "value": categories[subject.category].map { "\($0.group) / \($0.name)" } ?? subject.category],
            ["term": "类型", "value": kinds[subject.kind]?.name ?? subject.kind.rawValue],
            ["term": "状态", "value": kinds.name(of: subject.state)],
            ["term": "来源", "value": subject.source.chineseName],
            ["term": "紧急程度", "value": subject.priority == .urgent ? "紧急" : "一般"],
            ["term": "诉求描述", "value": subject.description],
            ["term": "地址", "value": subject.location.address],
            ["term": "坐标", "value": String(format: "%.6f, %.6f", subject.location.lat, subject.location.lng)],
            ["term": "所在区域", "value": area.map { "\($0.name)（\($0.level.chineseName)）" } ?? subject.areaCode],
            ["term": "处置层级", "value": subject.tier.chineseName],
            ["term": "承办单位", "value": try await subject.assignedUnitId.mapAsync(unitName) ?? "未派遣"],
            ["term": "经办人", "value": try await subject.assignee.mapAsync(person) ?? "—"],
            ["term": "报告人", "value": reporter.anonymous ? "匿名" : [reporter.name, reporter.phone].compactMap { $0 }.joined(separator: " ")],
            ["term": "登记时间", "value": WebText.time(subject.createdAt)],
        ]
        if let check = subject.addressCheck { facts.append(["term": "地址核验", "value": check.note]) }
        if !subject.cooperatingUnitIds.isEmpty {
            var names: [String] = []
            for id in subject.cooperatingUnitIds { names.append(try await unitName(id)) }
            facts.append(["term": "协办单位", "value": names.joined(separator: "、")])
        }
        if let satisfaction = subject.satisfaction { facts.append(["term": "满意度", "value": "\(satisfaction) / 5"]) }
        if subject.reworkCount > 0 { facts.append(["term": "返工次数", "value": "\(subject.reworkCount)"]) }
        if let merged = subject.mergedIntoCaseId { facts.append(["term": "已合并到", "value": merged, "link": "/cases/\(merged)"]) }

        let deadlines: [[String: Any]] = subject.deadlines.sorted { $0.dueAt < $1.dueAt }.map { deadline in
            let light = Light.of(deadline, at: now, calendar: sla.calendar)
            return [
                "kind": kinds.name(of: deadline.kind, in: subject.kind), "due": WebText.time(deadline.dueAt),
                "dueISO": WebText.machineTime(deadline.dueAt), "left": WebText.remaining(until: deadline.dueAt, now: now),
                "lightClass": "light-\(light.rawValue)", "lightText": light.chineseName,
            ]
        }

        var timeline: [[String: Any]] = []
        for transition in history.reversed() {
            var photos: [[String: Any]] = []
            for id in transition.attachments {
                let attachment = try await store.attachment(id: id)
                photos.append([
                    "href": "/api/v1/attachments/\(id)", "image": attachment?.contentType.rawValue.hasPrefix("image/") ?? false,
                ])
            }
            var details: [String] = []
            if let payload = transition.payload { details += Self.describe(payload, unitName: unitNames) }
            var row: [String: Any] = [
                "what": transition.action == Transition.intakeAction
                    ? "登记" : CaseAction(rawValue: transition.action).map { kinds.name(of: $0, in: subject.kind) }
                        ?? transition.action,
                "who": try await person(transition.actor), "when": WebText.time(transition.at),
                "whenISO": WebText.machineTime(transition.at),
                "states": "\(transition.fromState.map(kinds.name(of:)) ?? "—") → \(kinds.name(of: transition.toState))",
                "details": details, "photos": photos,
            ]
            if let note = transition.note, !note.isEmpty { row["note"] = note }
            if let explanation = transition.explanation { row["explanation"] = Self.explain(explanation) }
            timeline.append(row)
        }

        let forms = ActionForms(
            subject: subject, user: user, units: units, kinds: kinds)
        var body: [String: Any] = [
            "id": subject.id, "number": subject.number, "facts": facts, "deadlines": deadlines,
            "lightClass": urgency.lightClass, "lightText": urgency.lightText, "timeLeft": urgency.timeLeft,
            "timeline": timeline, "forms": forms.model(csrf: context.session?.csrfToken ?? "", refusal: refusal),
            "map": try await miniMap(subject, area: area),
        ]
        if let routing = subject.routing { body["routing"] = Self.explain(routing) }
        if let refusal {
            body["refusedAction"] = refusal.action.rawValue
            let label = refusal.field.map { ActionForms.fieldLabel($0, in: forms.fields(for: refusal.action)) }
            body["pageError"] = "「\(forms.label(refusal.action))」未完成：" + (label.map { "\($0)（\(refusal.field!)）：" } ?? "")
                + refusal.message
        }
        return PageRenderer.bundled.render(
            template: "case", context: body,
            frame: PageFrame(title: "案件 \(subject.number)", mainId: "case", context: context, flash: flash), status: status)
    }

    /// The routing decision in words: the summary, then each matched condition.
    static func explain(_ decision: RoutingDecision) -> String {
        var lines = [decision.summary]
        lines += decision.matched.map { "· \($0.text)" }
        if let by = decision.manualBy { lines.append("人工指定：\(by)") }
        return lines.joined(separator: "\n")
    }

    /// The parameters of a history row in words.
    static func describe(_ command: CaseCommand, unitName: [String: String]) -> [String] {
        switch command {
        case .reject(let reason), .reopen(let reason), .return(let reason), .escalate(let reason),
            .requestPark(let reason), .requestVoid(let reason):
            return ["理由：\(reason)"]
        case .merge(let id): return ["合并到：\(id)"]
        case .dispatch(let id), .addCooperator(let id), .reinforce(let id): return ["单位：\(unitName[id] ?? id)"]
        case .handle(let result): return ["处置结果：\(result)"]
        case .verify(let pass): return [pass ? "核查通过" : "核查不通过，返工"]
        case .rate(let satisfaction, _): return ["满意度：\(satisfaction) / 5"]
        case .requestExtension(let minutes, let reason): return ["延长 \(WebText.duration(Double(minutes) * 60))", "理由：\(reason)"]
        case .decide(let id, let grant): return ["申请 #\(id)：\(grant ? "同意" : "不同意")"]
        case .supervise(let instruction): return ["督办要求：\(instruction)"]
        case .answerSupervision(let answer): return ["反馈：\(answer)"]
        case .markLight(let kind, let light), .notify(let kind, let light): return ["\(kind.chineseName)时限：\(light.chineseName)"]
        case .accept, .sign, .arrive, .close, .step: return []
        }
    }

    /// The case's area and its neighbours around the point, with a marker.
    private func miniMap(_ subject: Case, area: Area?) async throws -> String {
        let point = Boundary.Position(lng: subject.location.lng, lat: subject.location.lat)
        var shapes: [SVGMap.Shape] = []
        var window = SVGMap.Window.around([point], margin: 0, minimum: 0.006)!
        if let area, let boundary = area.boundary, let box = SVGMap.window(of: boundary) {
            window = SVGMap.Window.around(
                [point, .init(lng: box.west, lat: box.south), .init(lng: box.east, lat: box.north)], margin: 0.5,
                minimum: 0.002)!
            let neighbours = try await area.parentCode.mapAsync { try await store.childAreas(of: $0) } ?? [area]
            for neighbour in neighbours {
                guard let shape = neighbour.boundary, let box = SVGMap.window(of: shape), box.intersects(window) else {
                    continue
                }
                shapes.append(.init(code: neighbour.code, name: neighbour.name, boundary: shape, home: neighbour.code == area.code))
            }
        }
        return SVGMap(
            window: window, shapes: shapes, marker: (subject.location.lat, subject.location.lng),
            label: "案件位置图：\(subject.location.address)", pick: nil
        ).svg
    }
}

extension Optional {
    /// `map` with an async transform.
    fileprivate func mapAsync<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
