import Foundation

/// A name from an open vocabulary that data may extend: case kinds, states, actions and
/// deadline kinds. The Swift lifecycle names its own values as static members; a kind defined
/// in `case-kinds.json` adds others without a Swift change. Encoded as the bare string.
///
/// A name starts with an ASCII letter and holds ASCII letters and digits, at most 32: what may
/// appear in a URL, a form field and an SQL column without escaping.
public protocol Identifier: RawRepresentable, Hashable, Sendable, Codable, ExpressibleByStringLiteral,
    CustomStringConvertible where RawValue == String
{
    /// A value that skips the syntax check: for names written in Swift source.
    init(unchecked rawValue: String)
}

extension Identifier {
    /// The value named `rawValue`, or `nil` when the text is not a well-formed name.
    public init?(rawValue: String) {
        guard Self.isWellFormed(rawValue) else { return nil }
        self.init(unchecked: rawValue)
    }

    public init(stringLiteral value: String) { self.init(unchecked: value) }

    /// Decodes any string: stored rows and definitions are checked where they are loaded (the
    /// catalog names the path of a malformed id), request fields where they are parsed.
    public init(from decoder: any Decoder) throws {
        self.init(unchecked: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }

    /// Whether `text` may be a name: an ASCII letter, then ASCII letters and digits, at most 32.
    public static func isWellFormed(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first.isASCII, first.properties.isAlphabetic, text.count <= 32 else {
            return false
        }
        return text.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) }
    }
}
