/// Why the demo district could not be built: its bundled area list is missing or malformed.
public struct DemoError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String

    init(_ message: String) { self.message = message }

    public var description: String { message }
}
