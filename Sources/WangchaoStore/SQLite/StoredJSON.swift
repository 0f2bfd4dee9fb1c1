import Foundation
import WangchaoCore

/// JSON as kept in the database: sorted keys (stable bytes), dates as milliseconds since 1970 UTC.
enum StoredJSON {
    static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .millisecondsSince1970
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func decode<T: Decodable>(_ type: T.Type, from text: String) throws -> T {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .millisecondsSince1970
        return try decoder.decode(type, from: Data(text.utf8))
    }

    /// The case of a stored body (a ``StoredCase`` record of any format this build reads).
    static func decodeCase(_ text: String) throws -> Case {
        try decode(StoredCase.self, from: text).value
    }
}

extension Date {
    /// Milliseconds since 1970 UTC, the stored form of every instant.
    var storedMillis: Int64 { Int64((timeIntervalSince1970 * 1000).rounded()) }

    init(storedMillis: Int64) { self.init(timeIntervalSince1970: TimeInterval(storedMillis) / 1000) }
}
