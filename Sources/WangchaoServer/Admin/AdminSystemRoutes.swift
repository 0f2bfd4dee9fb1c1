import Foundation
import Hummingbird
import Logging
import WangchaoCore
import WangchaoStore

/// `/api/v1/admin/systems`: the registry of integrating systems (Open311 clients, connectors,
/// webhook subscribers), for administrators only.
struct AdminSystemRoutes {
    let store: any CaseStore
    let clock: any WangchaoClock

    var routes: [Route] {
        [
            Route(.get, "/api/v1/admin/systems", .adminOnly, list),
            Route(.post, "/api/v1/admin/systems", .adminOnly, create),
            Route(.get, "/api/v1/admin/systems/{system}", .adminOnly, show),
            Route(.patch, "/api/v1/admin/systems/{system}", .adminOnly, update),
        ]
    }

    @Sendable func list(_ request: Request, context: WangchaoRequestContext) async throws -> Response {
        try JSONResponse.make(ItemsView(items: try await store.listSystems()))
    }

    /// `{id, name}` → 201 with the system and its `apiKey`, shown this once.
    @Sendable func create(_ request: Request, context: WangchaoRequestContext) async throws -> Response {
        let body = try await APIJSON.decodeStrictBody(NewSystemBody.self, from: request)
        let system = IntegrationSystem(id: body.id, name: body.name ?? body.id, createdAt: clock.now())
        let key = APIKey.generate()
        try await store.addSystem(system, apiKeyHash: APIKey.hash(key))
        context.logger.notice("integrating system registered", metadata: ["system": "\(system.id)"])
        var response = try JSONResponse.make(NewSystemView(system: system, apiKey: key), status: .created)
        response.headers[.location] = "/api/v1/admin/systems/\(system.id)"
        return response
    }

    @Sendable func show(_ request: Request, context: WangchaoRequestContext) async throws -> Response {
        let id = try context.parameters.require("system")
        guard let system = try await store.system(id: id) else { throw DomainError.notFound("系统 \(id) 不存在") }
        return try JSONResponse.make(system)
    }

    /// `{disabled}`: a disabled system's key is refused at once.
    @Sendable func update(_ request: Request, context: WangchaoRequestContext) async throws -> Response {
        let id = try context.parameters.require("system")
        let body = try await APIJSON.decodeStrictBody(SystemChangeBody.self, from: request)
        return try JSONResponse.make(try await store.setSystemDisabled(id: id, body.disabled))
    }
}

struct NewSystemBody: Decodable, StrictBody {
    let id: String
    let name: String?
    static let knownFields: Set<String> = ["id", "name"]
}

struct SystemChangeBody: Decodable, StrictBody {
    let disabled: Bool
    static let knownFields: Set<String> = ["disabled"]
}

struct NewSystemView: Encodable {
    let system: IntegrationSystem
    let apiKey: String
}
