import Foundation
import Hummingbird
import NIOCore

/// `GET /openapi.json`: the OpenAPI 3.1 document of the native `/api/v1` API, shipped as a
/// resource (`Resources/openapi.json`) and served as written. `OpenAPIDocumentTests` fails when
/// the document and the route table disagree; `scripts/api-contract` runs schemathesis with it.
struct OpenAPIRoutes {
    var routes: [Route] {
        [Route(.get, "/openapi.json", .public, document)]
    }

    @Sendable func document(_ request: Request, context: WangchaoRequestContext) async throws -> Response {
        Response(
            status: .ok, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-cache"],
            body: .init(byteBuffer: ByteBuffer(bytes: try OpenAPIDocument.data())))
    }
}

/// The bundled OpenAPI document.
enum OpenAPIDocument {
    /// The document's bytes; read once per process.
    static func data() throws -> Data {
        guard let loaded else { throw MissingOpenAPIDocument() }
        return loaded
    }

    private static let loaded: Data? = Bundle.module.url(forResource: "openapi", withExtension: "json")
        .flatMap { try? Data(contentsOf: $0) }
}

/// The resource is missing from the build: a packaging mistake, logged as a 500.
struct MissingOpenAPIDocument: Error, CustomStringConvertible {
    var description: String { "openapi.json is missing from the WangchaoServer bundle" }
}
