import Foundation
import Hummingbird
import NIOCore
import WangchaoCore

/// How the API reads and writes JSON: camelCase keys, ISO 8601 UTC instants, sorted keys and
/// unescaped slashes so output is stable and readable.
public enum APIJSON {
    /// The largest JSON body accepted (413 beyond).
    public static let maxBodySize = 256 * 1024

    public static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }

    public static func makeDecoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }

    /// Reads a JSON body: refuses other content types (415) and oversize bodies (413), and
    /// turns decoding failures into `invalid` errors naming the field.
    public static func decodeBody<T: Decodable>(_ type: T.Type, from request: Request) async throws -> T {
        try decode(type, from: try await bodyData(of: request))
    }

    /// The raw bytes of a JSON body, after the content-type (415) and size (413) checks.
    public static func bodyData(of request: Request) async throws -> Data {
        let contentType = request.headers[.contentType] ?? ""
        guard contentType.lowercased().hasPrefix("application/json") else {
            throw DomainError.unsupportedMediaType("请求体须为 application/json")
        }
        let body = try await request.body.collect(upTo: maxBodySize)
        return Data(body.readableBytesView)
    }

    /// Decodes `data`, mapping `DecodingError` to a field-level `invalid`.
    public static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        do {
            return try makeDecoder().decode(type, from: data)
        } catch let error as DecodingError {
            throw invalid(from: error)
        }
    }

    static func invalid(from error: DecodingError) -> DomainError {
        func path(_ codingPath: [any CodingKey], _ last: (any CodingKey)? = nil) -> String {
            var result = ""
            for key in codingPath + (last.map { [$0] } ?? []) {
                if let index = key.intValue {
                    result += "[\(index)]"
                } else {
                    result += (result.isEmpty ? "" : ".") + key.stringValue
                }
            }
            return result
        }
        switch error {
        case .keyNotFound(let key, let context):
            return .invalid(field: path(context.codingPath, key), "缺少必填字段 \(path(context.codingPath, key))")
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            if context.codingPath.isEmpty { return .malformed("请求体须为 JSON 对象") }
            let field = path(context.codingPath)
            return .invalid(field: field, "字段 \(field) 的类型或取值不正确")
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty { return .malformed("请求体不是合法的 JSON") }
            let field = path(context.codingPath)
            return .invalid(field: field, "字段 \(field) 的取值不正确")
        @unknown default:
            return .malformed("请求体无法解析")
        }
    }
}

