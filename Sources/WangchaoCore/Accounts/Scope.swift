/// The place a user works in: a subtree of areas, or one unit.
public enum Scope: Sendable, Equatable, Hashable {
    /// The area with this code and everything below it.
    case area(String)
    /// One unit (a department, a platform, a team), by id.
    case unit(String)

    /// The textual form used in the API and on the command line: an area code is all digits,
    /// anything else names a unit.
    public var text: String {
        switch self {
        case .area(let code): code
        case .unit(let id): id
        }
    }

    /// The unit id, for unit scopes.
    public var unitId: String? {
        if case .unit(let id) = self { return id }
        return nil
    }

    /// Parses the textual form: digits name an area, anything else a unit.
    public init(text: String) {
        if !text.isEmpty, text.allSatisfy({ $0.isASCII && $0.isNumber }) {
            self = .area(text)
        } else {
            self = .unit(text)
        }
    }
}

extension Scope: Codable {
    public init(from decoder: any Decoder) throws {
        self.init(text: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}
