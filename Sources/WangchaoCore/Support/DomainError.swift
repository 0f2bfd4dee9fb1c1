/// Why the domain refused something. A struct over a private enum, so that new reasons can be
/// added without breaking callers; the server maps each ``Code`` to an HTTP status in one place.
public struct DomainError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The stable, machine-readable reason, as it appears in the API's `error.code`.
    public enum Code: String, Sendable, Codable {
        case invalid
        case unauthenticated
        case forbidden
        case notFound
        case versionConflict
        case transitionNotAllowed
        case tooLarge
        case unsupportedMediaType
        case rateLimited
    }

    public let code: Code
    /// A sentence for a person, in Chinese.
    public let message: String
    /// For `invalid`: the dotted path of the offending field, e.g. `location.lat`.
    public let field: String?

    private init(_ code: Code, _ message: String, field: String? = nil) {
        self.code = code
        self.message = message
        self.field = field
    }

    public static func invalid(field: String, _ message: String) -> DomainError { .init(.invalid, message, field: field) }
    /// A body that cannot be read at all (not JSON): `invalid` without a field.
    public static func malformed(_ message: String) -> DomainError { .init(.invalid, message) }
    public static func unauthenticated(_ message: String = "需要登录") -> DomainError { .init(.unauthenticated, message) }
    public static func forbidden(_ message: String) -> DomainError { .init(.forbidden, message) }
    public static func notFound(_ message: String) -> DomainError { .init(.notFound, message) }
    public static func versionConflict(expected: Int, actual: Int) -> DomainError {
        .init(.versionConflict, "案件已被他人更新（当前版本 \(actual)，提交的版本 \(expected)），请刷新后重试")
    }
    public static func transitionNotAllowed(_ message: String) -> DomainError { .init(.transitionNotAllowed, message) }
    public static func tooLarge(_ message: String) -> DomainError { .init(.tooLarge, message) }
    public static func unsupportedMediaType(_ message: String) -> DomainError { .init(.unsupportedMediaType, message) }
    public static func rateLimited(_ message: String) -> DomainError { .init(.rateLimited, message) }

    public var description: String { field.map { "\(code.rawValue) (\($0)): \(message)" } ?? "\(code.rawValue): \(message)" }
}
