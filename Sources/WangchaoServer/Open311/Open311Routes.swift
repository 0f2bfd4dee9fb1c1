import Foundation
import Hummingbird
import Logging
import Metrics
import WangchaoCore
import WangchaoGeo
import WangchaoServices
import WangchaoStore

/// Open311 GeoReport v2 under `/open311/v2`, so existing Open311 apps and client libraries file
/// and follow cases unchanged: services and their definitions from the category taxonomy,
/// requests filed with a registered system's `api_key` (form-encoded, as the spec defines),
/// public reads of the requests filed through it, tokens and discovery; XML and JSON.
///
/// A request filed here is a case like any other (source `open311`). Reads list only cases
/// that came in through Open311: matters reported by phone or to the police were not made to
/// be published. No answer carries the reporter's name or phone.
struct Open311Routes {
    let store: any CaseStore
    let intakes: IntakeService
    let cases: CaseService
    let clock: any WangchaoClock
    let categories: CategoryCatalog
    let attributes: ServiceAttributeCatalog

    static let specification = "http://wiki.open311.org/GeoReport_v2"
    /// The `page_size` extension's bounds; the spec caps one answer at 1,000 requests.
    static let defaultPageSize = 50
    static let maxPageSize = 1000
    /// Without `start_date`, `GET requests` looks back 90 days, as the spec suggests.
    static let defaultWindow: TimeInterval = 90 * 24 * 3600
    static let maxFormSize = 64 * 1024

    var routes: [Route] {
        [
            Route(.get, "/open311/v2/discovery.{format}", .public, discovery),
            Route(.get, "/open311/v2/services.{format}", .public, services),
            Route(.get, "/open311/v2/services/{service}", .public, serviceDefinition),
            // The api_key is checked here, by the handler: integrating systems have no session.
            Route(.post, "/open311/v2/requests.{format}", .public, createRequest),
            Route(.get, "/open311/v2/requests.{format}", .public, listRequests),
            Route(.get, "/open311/v2/requests/{request}", .public, showRequest),
            Route(.get, "/open311/v2/tokens/{token}", .public, showToken),
        ]
    }

    // MARK: Handlers

    @Sendable func discovery(_ request: Request, context: WangchaoRequestContext) async throws -> Response {
        try await answer(format: context.parameters.get("format")) { format in
            let base = (request.head.authority.map { "http://\($0)" } ?? "") + "/open311/v2"
            let changeset = Open311Views.datetime(clock.now())
            return format.response(
                .object([
                    ("changeset", changeset),
                    ("contact", .text("萧山区社会治理中心；接入申请请联系系统管理员")),
                    ("key_service", .text("api_key 由管理员登记系统后发放（wangchao system add 或 /api/v1/admin/systems）")),
                    (
                        "endpoints",
                        .list(
                            item: "endpoint",
                            [
                                .object([
                                    ("specification", .text(Self.specification)),
                                    ("url", .text(base)),
                                    ("changeset", changeset),
                                    ("type", .text("production")),
                                    ("formats", .list(item: "format", [.text("text/xml"), .text("application/json")])),
                                ])
                            ])
                    ),
                ]), rootName: "discovery")
        }
    }

    @Sendable func services(_ request: Request, context: WangchaoRequestContext) async throws -> Response {
        try await answer(format: context.parameters.get("format")) { format in
            let query = Open311Parameters(formEncoded: request.uri.query ?? "")
            try await checkJurisdiction(query["jurisdiction_id"])
            let items = categories.categories.map { Open311Views.service($0, attributes: attributes[$0.code]) }
            return format.response(.list(item: "service", items), rootName: "services")
        }
    }

    @Sendable func serviceDefinition(_ request: Request, context: WangchaoRequestContext) async throws -> Response {
        let (code, format) = Open311Format.split(try context.parameters.require("service"))
        return try await answer(format: format?.rawValue) { format in
            try await checkJurisdiction(Open311Parameters(formEncoded: request.uri.query ?? "")["jurisdiction_id"])
            guard let category = categories[code] else { throw Open311Error.notFound("service_code \(code) 不存在") }
            return format.response(
                Open311Views.definition(category, attributes: attributes[code]), rootName: "service_definition")
        }
    }

    @Sendable func createRequest(_ request: Request, context: WangchaoRequestContext) async throws -> Response {
        try await answer(format: context.parameters.get("format")) { format in
            guard request.headers[.contentType]?.lowercased().hasPrefix("application/x-www-form-urlencoded") == true else {
                throw Open311Error.badRequest("请求体须为 application/x-www-form-urlencoded（Open311 GeoReport v2）")
            }
            let body: ByteBuffer
            do {
                body = try await request.body.collect(upTo: Self.maxFormSize)
            } catch {
                throw Open311Error.badRequest("请求体超过 \(Self.maxFormSize / 1024) KB")
            }
            let form = Open311Parameters(formEncoded: String(buffer: body))
            guard let system = try await APIKey.system(presenting: form["api_key"], in: store) else {
                throw Open311Error.invalidAPIKey
            }
            try await checkJurisdiction(form["jurisdiction_id"])
            let prepared = try await intakes.prepare(try await makeSubmission(form))
            let now = clock.now()
            let audit = AuditContext(
                actor: system.actorName, role: nil, clientAddress: context.clientAddress,
                action: "POST /open311/v2/requests", at: now)
            let created = try await AuditContext.$current.withValue(audit) {
                try await cases.file(prepared, by: nil, idempotencyKey: nil, at: now)
            }
            Counter(label: "wangchao_cases_created_total", dimensions: [("source", SourceChannel.open311.rawValue)]).increment()
            context.logger.info(
                "open311 request filed", metadata: ["system": "\(system.id)", "case": "\(created.case.number)"])
            let answer = Open311Node.object([
                ("service_request_id", .text(created.case.number)),
                ("service_notice", .text("已受理，可凭编号查询办理进度")),
                ("account_id", .text(nil)),
                ("token", .text(created.case.id)),
            ])
            return format.response(.list(item: "request", [answer]), rootName: "service_requests", status: .created)
        }
    }

    @Sendable func listRequests(_ request: Request, context: WangchaoRequestContext) async throws -> Response {
        try await answer(format: context.parameters.get("format")) { format in
            let query = Open311Parameters(formEncoded: request.uri.query ?? "")
            try await checkJurisdiction(query["jurisdiction_id"])
            let cases: [Case]
            if let ids = query["service_request_id"] {
                // The spec: with ids, every other filter is ignored.
                var found: [Case] = []
                for number in ids.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }).prefix(Self.maxPageSize) {
                    if let subject = try await publicCase(number: number) { found.append(subject) }
                }
                cases = found
            } else {
                cases = try await search(RequestSearch(query, categories: categories, now: clock.now()))
            }
            var items: [Open311Node] = []
            for subject in cases { items.append(try await view(subject)) }
            return format.response(.list(item: "request", items), rootName: "service_requests")
        }
    }

    @Sendable func showRequest(_ request: Request, context: WangchaoRequestContext) async throws -> Response {
        let (number, format) = Open311Format.split(try context.parameters.require("request"))
        return try await answer(format: format?.rawValue) { format in
            try await checkJurisdiction(Open311Parameters(formEncoded: request.uri.query ?? "")["jurisdiction_id"])
            guard let subject = try await publicCase(number: number) else {
                throw Open311Error.notFound("service_request_id \(number) 不存在")
            }
            return format.response(.list(item: "request", [try await view(subject)]), rootName: "service_requests")
        }
    }

    /// Requests are filed in real time, so a token (the `token` of the POST answer) always
    /// names its request at once.
    @Sendable func showToken(_ request: Request, context: WangchaoRequestContext) async throws -> Response {
        let (token, format) = Open311Format.split(try context.parameters.require("token"))
        return try await answer(format: format?.rawValue) { format in
            guard token.count <= 64, let subject = try await store.getCase(id: token), subject.source == .open311 else {
                throw Open311Error.notFound("token \(token) 不存在")
            }
            let answer = Open311Node.object([("service_request_id", .text(subject.number)), ("token", .text(token))])
            return format.response(.list(item: "request", [answer]), rootName: "service_requests")
        }
    }

    // MARK: Pieces

    /// Runs `body` in the asked format and turns every refusal into the spec's error answer
    /// (in XML when the format itself is what is wrong).
    private func answer(
        format name: String?, _ body: (Open311Format) async throws -> Response
    ) async throws -> Response {
        guard let format = name.flatMap({ Open311Format(rawValue: $0.lowercased()) }) else {
            return Open311Error.badRequest("不支持的格式 \(name ?? "")：请用 .xml 或 .json").response(.xml)
        }
        do {
            return try await body(format)
        } catch let error as Open311Error {
            Counter(label: "wangchao_open311_errors_total", dimensions: [("status", String(error.status.code))]).increment()
            return error.response(format)
        } catch let error as DomainError {
            let status: HTTPResponse.Status = error.code == .notFound ? .notFound : .badRequest
            let field = error.field.map { "\($0)：" } ?? ""
            return Open311Error(status: status, description: field + error.message).response(format)
        }
    }

    /// `jurisdiction_id` is optional; when given it must be the district's code.
    private func checkJurisdiction(_ given: String?) async throws {
        guard let given else { return }
        let root = try await store.rootArea()?.code
        guard given == root else { throw Open311Error.notFound("jurisdiction_id \(given) 不存在；本系统为 \(root ?? "—")") }
    }

    /// The submission a POST describes, refused with the spec's 400/404 when incomplete. Without
    /// lat/long, `address_id` (a standard address code) gives the point, else `address_string`
    /// is placed by the intake path through the standard address base.
    private func makeSubmission(_ form: Open311Parameters) async throws -> IntakeSubmission {
        guard let code = form["service_code"] else { throw Open311Error.badRequest("缺少 service_code") }
        guard let category = categories[code] else { throw Open311Error.notFound("service_code \(code) 不存在") }
        var place = IntakeSubmission.Place(address: form["address_string"] ?? "")
        if form["lat"] != nil || form["long"] != nil {
            guard let lat = form["lat"].flatMap(Double.init), let long = form["long"].flatMap(Double.init) else {
                throw Open311Error.badRequest("lat 和 long 须同时提供，且为数字（WGS-84 度）")
            }
            (place.lat, place.lng) = (lat, long)
        } else if let id = form["address_id"] {
            guard let standard = try await store.standardAddress(code: id) else {
                throw Open311Error.badRequest("address_id 不是已知的标准地址编码")
            }
            (place.lat, place.lng) = (standard.lat, standard.lng)
            if place.address.isEmpty { place.address = standard.text }
        } else if place.address.isEmpty {
            throw Open311Error.badRequest("缺少位置：请提供 lat 和 long，或 address_string / address_id")
        }
        let known = Set(attributes[code].map(\.code))
        if let unknown = form.attributeCodes.subtracting(known).sorted().first {
            throw Open311Error.badRequest("attribute[\(unknown)] 不是服务 \(code) 的附加信息")
        }
        var description = form["description"] ?? category.name
        for attribute in attributes[code] {
            if let answer = try attribute.answer(form.attribute(attribute.code)) {
                description += "\n【\(attribute.description)】\(answer)"
            }
        }
        if let media = form["media_url"] { description += "\n【图片链接】\(media)" }
        let name = [form["last_name"], form["first_name"]].compactMap { $0 }.joined()
        let phone = form["phone"]
        let reporter = name.isEmpty && phone == nil ? nil : Reporter(name: name.isEmpty ? nil : name, phone: phone)
        return IntakeSubmission(
            category: code, description: description, source: .open311, location: place, reporter: reporter)
    }

    /// A case filed through Open311, by number; others do not exist here.
    private func publicCase(number: String) async throws -> Case? {
        guard number.count <= 40, let subject = try await store.getCase(number: number), subject.source == .open311 else {
            return nil
        }
        return subject
    }

    /// Pages through the Open311 cases matching the search, newest first.
    private func search(_ search: RequestSearch) async throws -> [Case] {
        var query = CaseQuery()
        query.source = .open311
        query.createdFrom = search.from
        query.createdTo = search.to
        query.states = search.states
        if search.codes.count == 1 { query.category = search.codes.first }
        query.limit = CaseQuery.maxLimit
        let wanted = search.page * search.pageSize
        var matched: [Case] = []
        while matched.count < wanted {
            let page = try await store.listCases(query, viewer: Self.reader.viewer)
            matched += page.items.filter { search.codes.isEmpty || search.codes.contains($0.category) }
            guard let next = page.nextCursor else { break }
            query.cursor = next
        }
        return Array(matched.dropFirst((search.page - 1) * search.pageSize).prefix(search.pageSize))
    }

    /// Reads go through the store's visibility rules as an observer of the whole district.
    private static let reader = User(
        username: "open311", displayName: "Open311", role: .observer, scope: .area(""))

    private func view(_ subject: Case) async throws -> Open311Node {
        let history = try await store.history(caseId: subject.id)
        let categoryName = categories[subject.category]?.name ?? subject.category
        let notes = history.reversed().lazy.compactMap {
            PublicProgress.phrase(for: $0, categoryName: categoryName, unitName: { _ in nil })
        }.first
        let agency = try await subject.assignedUnitId.asyncMap { try await store.unit(id: $0)?.name } ?? nil
        return Open311Views.request(subject, categoryName: categoryName, statusNotes: notes, agency: agency)
    }
}

/// The filters of `GET requests`, checked as the spec lists them.
struct RequestSearch {
    var codes: Set<String> = []
    var from: Date
    var to: Date?
    var states: [CaseState] = []
    var page = 1
    var pageSize = Open311Routes.defaultPageSize

    init(_ query: Open311Parameters, categories: CategoryCatalog, now: Date) throws {
        if let codes = query["service_code"] {
            for code in codes.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
                guard categories[code] != nil else { throw Open311Error.badRequest("service_code \(code) 不存在") }
                self.codes.insert(code)
            }
        }
        func date(_ name: String) throws -> Date? {
            guard let text = query[name] else { return nil }
            guard let date = ISO8601DateFormatter().date(from: text) else {
                throw Open311Error.badRequest("\(name) 须为带时区的 ISO 8601 时间，如 2026-11-24T08:00:00+08:00")
            }
            return date
        }
        to = try date("end_date")
        from = try date("start_date") ?? ((to ?? now) - Open311Routes.defaultWindow)
        if let to, to < from { throw Open311Error.badRequest("end_date 不能早于 start_date") }
        if let status = query["status"] {
            for value in status.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
                switch value {
                case "open": states += CaseState.lifecycle.filter(\.isOpen)
                case "closed": states += CaseState.lifecycle.filter { !$0.isOpen }
                default: throw Open311Error.badRequest("status 只能是 open 或 closed")
                }
            }
        }
        if let text = query["page"] {
            guard let number = Int(text), number >= 1, number <= 10_000 else {
                throw Open311Error.badRequest("page 须为 1 到 10000 的整数")
            }
            page = number
        }
        if let text = query["page_size"] {
            guard let number = Int(text), (1...Open311Routes.maxPageSize).contains(number) else {
                throw Open311Error.badRequest("page_size 须为 1 到 \(Open311Routes.maxPageSize) 的整数")
            }
            pageSize = number
        }
    }
}

extension Optional {
    fileprivate func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
