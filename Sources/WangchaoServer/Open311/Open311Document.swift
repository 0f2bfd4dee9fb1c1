import Foundation
import Hummingbird

/// An Open311 answer as a tree that renders to both formats the specification defines: XML
/// (required, with the spec's element names) and JSON (the same fields, lists as arrays).
indirect enum Open311Node: Sendable {
    case text(String?)
    case number(Double)
    case bool(Bool)
    /// Fields in the specification's order.
    case object([(String, Open311Node)])
    /// A list; in XML each item is an element named `item`.
    case list(item: String, [Open311Node])
}

/// The two formats of GeoReport v2, chosen by the resource's extension (`services.xml`).
enum Open311Format: String, Sendable {
    case xml, json

    var contentType: String {
        switch self {
        case .xml: "text/xml; charset=utf-8"
        case .json: "application/json; charset=utf-8"
        }
    }

    /// Splits `AQ01.json` into `AQ01` and its format; no extension means XML, the spec's default.
    static func split(_ file: String) -> (name: String, format: Open311Format?) {
        guard let dot = file.lastIndex(of: ".") else { return (file, .xml) }
        return (String(file[..<dot]), Open311Format(rawValue: String(file[file.index(after: dot)...]).lowercased()))
    }

    /// The document `root` (named `rootName` in XML) in this format.
    func render(_ root: Open311Node, rootName: String) -> String {
        switch self {
        case .json: return Self.json(root)
        case .xml: return #"<?xml version="1.0" encoding="utf-8"?>"# + "\n" + Self.xml(root, name: rootName)
        }
    }

    func response(_ root: Open311Node, rootName: String, status: HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = contentType
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: render(root, rootName: rootName))))
    }

    private static func json(_ node: Open311Node) -> String {
        switch node {
        case .text(let text?): return jsonString(text)
        case .text(nil): return "null"
        case .number(let number):
            return number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : String(number)
        case .bool(let flag): return flag ? "true" : "false"
        case .object(let fields): return "{" + fields.map { jsonString($0.0) + ":" + json($0.1) }.joined(separator: ",") + "}"
        case .list(_, let items): return "[" + items.map(json).joined(separator: ",") + "]"
        }
    }

    private static func jsonString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    private static func xml(_ node: Open311Node, name: String) -> String {
        switch node {
        case .text(let text?): return "<\(name)>\(escape(text))</\(name)>"
        case .text(nil): return "<\(name)/>"
        case .number: return "<\(name)>\(json(node))</\(name)>"
        case .bool(let flag): return "<\(name)>\(flag)</\(name)>"
        case .object(let fields): return "<\(name)>" + fields.map { xml($0.1, name: $0.0) }.joined() + "</\(name)>"
        case .list(let item, let items): return "<\(name)>" + items.map { xml($0, name: item) }.joined() + "</\(name)>"
        }
    }

    /// Escapes markup and drops the control characters XML 1.0 cannot carry.
    private static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF: continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

/// An error in the specification's format: `[{"code": 400, "description": "…"}]`, or
/// `<errors><error><code>400</code><description>…</description></error></errors>`, with the
/// same HTTP status.
struct Open311Error: Error, Sendable {
    let status: HTTPResponse.Status
    let description: String

    static func badRequest(_ description: String) -> Open311Error { .init(status: .badRequest, description: description) }
    static func notFound(_ description: String) -> Open311Error { .init(status: .notFound, description: description) }
    static let invalidAPIKey = Open311Error(status: .forbidden, description: "api_key 无效或缺失 (invalid api_key)")

    func response(_ format: Open311Format) -> Response {
        let error = Open311Node.object([("code", .number(Double(status.code))), ("description", .text(description))])
        return format.response(.list(item: "error", [error]), rootName: "errors", status: status)
    }
}
