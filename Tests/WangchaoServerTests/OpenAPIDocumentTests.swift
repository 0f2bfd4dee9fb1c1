// To add a route to the OpenAPI document: in Sources/WangchaoServer/Resources/openapi.json, add the
// path (Hummingbird's template, e.g. `/api/v1/people/{id}`) under `paths` with one operation per method,
// its `parameters` (every `{name}` as `in: path`), request body, responses and `security`; then run this suite.
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
import WangchaoCore
import WangchaoStore
import WangchaoTesting

@testable import WangchaoServer

/// The OpenAPI document (`/openapi.json`) and the route table must describe the same `/api/v1`:
/// a route missing from the document, or a documented operation the server does not have, fails
/// here with its method and path, so whoever adds a route documents it.
@Suite("OpenAPI document")
struct OpenAPIDocumentTests {
    static let methods: Set<String> = ["get", "put", "post", "delete", "patch", "head", "options", "trace"]

    /// The parsed document.
    static func document() throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: try OpenAPIDocument.data())
        return try #require(object as? [String: Any], "openapi.json is not a JSON object")
    }

    /// `paths` → method → operation.
    static func operations(_ document: [String: Any]) throws -> [String: [String: [String: Any]]] {
        let paths = try #require(document["paths"] as? [String: Any], "openapi.json has no paths")
        var result: [String: [String: [String: Any]]] = [:]
        for (path, item) in paths {
            let item = try #require(item as? [String: Any], "path item \(path) is not an object")
            for (method, operation) in item where methods.contains(method) {
                result[path, default: [:]][method] = try #require(operation as? [String: Any], "\(method) \(path)")
            }
        }
        return result
    }

    /// The `/api/v1` routes the server answers, as `METHOD /path`.
    static func servedRoutes() async throws -> [String: Route] {
        let database = try await SQLiteFixture()
        let table = RouteTable(ServerDependencies(store: database.store, attachmentFiles: database.store.attachmentFiles))
        var routes: [String: Route] = [:]
        for route in table.routes where route.path.hasPrefix("/api/v1/") {
            routes["\(route.method.rawValue) \(route.path)"] = route
        }
        return routes
    }

    @Test("the document is JSON, OpenAPI 3.1, and served at /openapi.json")
    func isOpenAPI31() async throws {
        let document = try Self.document()
        let version = try #require(document["openapi"] as? String)
        #expect(version.hasPrefix("3.1."), "openapi is \(version), not 3.1.x")
        #expect((document["info"] as? [String: Any])?["title"] is String)
        let fixture = try await ServerFixture()
        try await fixture.test { client in
            let response = try await client.execute(uri: "/openapi.json", method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
            #expect(Data(response.body.readableBytesView) == (try OpenAPIDocument.data()))
        }
    }

    @Test("every /api/v1 route is documented, and every documented operation is served")
    func routesAndDocumentAgree() async throws {
        let served = Set(try await Self.servedRoutes().keys)
        var documented: Set<String> = []
        for (path, operations) in try Self.operations(Self.document()) {
            for method in operations.keys { documented.insert("\(method.uppercased()) \(path)") }
        }
        let undocumented = served.subtracting(documented).sorted()
        let notServed = documented.subtracting(served).sorted()
        #expect(
            undocumented.isEmpty,
            "routes missing from Sources/WangchaoServer/Resources/openapi.json: \(undocumented.joined(separator: ", "))")
        #expect(notServed.isEmpty, "documented in openapi.json but not in the route table: \(notServed.joined(separator: ", "))")
    }

    @Test("each path parameter of a template is declared (in: path, required) and nothing else is")
    func pathParametersDeclared() throws {
        let document = try Self.document()
        let paths = try #require(document["paths"] as? [String: Any])
        for (path, operations) in try Self.operations(document) {
            let template = Set(Route(.get, path, .public, { _, _ in Response(status: .ok) }).parameters)
            let item = paths[path] as? [String: Any] ?? [:]
            let shared = try Self.parameters(item["parameters"], document)
            for (method, operation) in operations {
                let declared = shared.merging(try Self.parameters(operation["parameters"], document)) { $1 }
                let inPath = declared.filter { $0.value["in"] as? String == "path" }
                let label = "\(method.uppercased()) \(path)"
                #expect(
                    Set(inPath.keys) == template,
                    "\(label): path parameters declared \(inPath.keys.sorted()), template has \(template.sorted())")
                for (name, parameter) in inPath {
                    #expect(parameter["required"] as? Bool == true, "\(label): path parameter \(name) must be required")
                }
                #expect(operation["responses"] is [String: Any], "\(label) has no responses")
            }
        }
    }

    @Test("security follows the access rule: none for public routes, X-API-Key for systems, a bearer token otherwise")
    func securityFollowsAccess() async throws {
        let operations = try Self.operations(Self.document())
        for (key, route) in try await Self.servedRoutes() {
            guard let operation = operations[route.path]?[route.method.rawValue.lowercased()] else { continue }
            let schemes = Set(((operation["security"] as? [[String: Any]]) ?? []).flatMap(\.keys))
            let expected: Set<String> =
                switch route.access {
                case .public: []
                case .system: ["apiKey"]
                case .signedIn, .ownSession: ["bearerAuth"]
                }
            #expect(schemes == expected, "\(key): security \(schemes.sorted()), expected \(expected.sorted())")
            #expect(operation["security"] != nil, "\(key) must state its security (empty for public routes)")
        }
    }

    @Test("every $ref points at a component that exists")
    func referencesResolve() throws {
        let document = try Self.document()
        var missing: [String] = []
        func walk(_ value: Any) {
            if let object = value as? [String: Any] {
                if let ref = object["$ref"] as? String, Self.resolve(ref, in: document) == nil { missing.append(ref) }
                object.values.forEach(walk)
            } else if let array = value as? [Any] {
                array.forEach(walk)
            }
        }
        walk(document)
        #expect(missing.isEmpty, "unresolved $ref: \(Set(missing).sorted())")
    }

    /// Parameter objects (references followed) by name.
    static func parameters(_ value: Any?, _ document: [String: Any]) throws -> [String: [String: Any]] {
        var result: [String: [String: Any]] = [:]
        for entry in value as? [Any] ?? [] {
            var parameter = try #require(entry as? [String: Any])
            if let ref = parameter["$ref"] as? String {
                parameter = try #require(resolve(ref, in: document) as? [String: Any], "unresolved \(ref)")
            }
            result[try #require(parameter["name"] as? String)] = parameter
        }
        return result
    }

    /// The value a local reference (`#/components/…`) points at.
    static func resolve(_ ref: String, in document: [String: Any]) -> Any? {
        guard ref.hasPrefix("#/") else { return nil }
        var current: Any = document
        for part in ref.dropFirst(2).split(separator: "/") {
            let key = part.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            guard let next = (current as? [String: Any])?[key] else { return nil }
            current = next
        }
        return current
    }
}
