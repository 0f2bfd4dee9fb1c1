import Foundation
import Hummingbird
import WangchaoCore

/// A request body that names its top-level fields, so that a misspelt or unexpected field is
/// refused (`invalid`, the field named) instead of silently ignored: `{"priorty": "urgent"}`
/// would otherwise file a normal-priority case without a word.
protocol StrictBody: Decodable {
    /// The top-level fields the body may hold. For bodies whose fields depend on their content
    /// (transitions), ``knownFields(of:)`` is overridden.
    static var knownFields: Set<String> { get }
    /// The fields allowed for this decoded value; by default ``knownFields``.
    static func knownFields(of value: Self) -> Set<String>
}

extension StrictBody {
    static func knownFields(of value: Self) -> Set<String> { knownFields }
}

extension APIJSON {
    /// Reads a JSON body like ``decodeBody(_:from:)`` and then refuses unknown top-level fields.
    static func decodeStrictBody<T: StrictBody>(_ type: T.Type, from request: Request) async throws -> T {
        try decodeStrict(type, from: try await bodyData(of: request))
    }

    /// Decodes `data`, then checks its top-level fields against `T`'s; the first unknown one
    /// (alphabetically, so the answer is stable) is named in the error.
    static func decodeStrict<T: StrictBody>(_ type: T.Type, from data: Data) throws -> T {
        let value = try decode(type, from: data)
        if let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let unknown = Set(object.keys).subtracting(T.knownFields(of: value)).sorted().first
        {
            throw DomainError.invalid(field: unknown, "未知字段 \(unknown)")
        }
        return value
    }
}
