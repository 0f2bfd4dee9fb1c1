import Hummingbird
import WangchaoCore
import WangchaoStore

/// Reference data: the area tree, the units, the category taxonomy and the case kinds.
struct ReferenceRoutes {
    let store: any CaseStore
    let categories: CategoryCatalog
    let kinds: CaseKindCatalog

    var routes: [Route] {
        [
            Route(.get, "/api/v1/areas", .anyRole, listAreas),
            Route(.get, "/api/v1/areas/{code}", .anyRole, showArea),
            Route(.get, "/api/v1/units", .anyRole, listUnits),
            Route(.get, "/api/v1/categories", .anyRole, listCategories),
            Route(.get, "/api/v1/case-kinds", .anyRole, listKinds),
        ]
    }

    /// Areas without boundaries (they are large); filters `level` and `parent`.
    @Sendable func listAreas(_ request: Request, context: WangchaoRequestContext) async throws -> Response {
        _ = try context.requireUser()
        let parameters = request.uri.queryParameters
        var level: AreaLevel?
        if let text = parameters["level"].map(String.init), !text.isEmpty {
            guard let parsed = AreaLevel(rawValue: text) else { throw DomainError.invalid(field: "level", "未知的层级 \(text)") }
            level = parsed
        }
        let parent = parameters["parent"].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
        var areas = try await store.areas(level: level, parentCode: parent)
        for index in areas.indices { areas[index].boundary = nil }
        return try JSONResponse.make(ItemsView(items: areas))
    }

    /// One area with its boundary and its children (without theirs).
    @Sendable func showArea(_ request: Request, context: WangchaoRequestContext) async throws -> Response {
        _ = try context.requireUser()
        let code = try context.parameters.require("code")
        guard let area = try await store.area(code: code) else { throw DomainError.notFound("区域 \(code) 不存在") }
        var children = try await store.childAreas(of: code)
        for index in children.indices { children[index].boundary = nil }
        return try JSONResponse.make(AreaView(area: area, children: children))
    }

    @Sendable func listUnits(_ request: Request, context: WangchaoRequestContext) async throws -> Response {
        _ = try context.requireUser()
        let area = request.uri.queryParameters["area"].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
        return try JSONResponse.make(ItemsView(items: try await store.units(within: area)))
    }

    @Sendable func listCategories(_ request: Request, context: WangchaoRequestContext) async throws -> Response {
        _ = try context.requireUser()
        return try JSONResponse.make(ItemsView(items: categories.categories))
    }

    /// The workflows a case may follow, each with its states, actions (from, to, roles) and
    /// time limits, as the server checked them at start: what `kind=` filters accept.
    @Sendable func listKinds(_ request: Request, context: WangchaoRequestContext) async throws -> Response {
        _ = try context.requireUser()
        return try JSONResponse.make(ItemsView(items: kinds.kinds))
    }
}

/// `{"items": [...]}`: every list answer has this shape so it can grow paging without breaking.
struct ItemsView<Item: Encodable>: Encodable {
    let items: [Item]
}

struct AreaView: Encodable {
    let area: Area
    let children: [Area]

    private enum CodingKeys: String, CodingKey { case children }

    func encode(to encoder: any Encoder) throws {
        try area.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(children, forKey: .children)
    }
}
