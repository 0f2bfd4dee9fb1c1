/// Why a routing rule file was refused: the JSON path of the offending field
/// (`rules[2].target.tier`), the line it is on, and a sentence in Chinese.
public struct RoutingRuleFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `nil` only for faults of the file as a whole.
    public let field: String?
    /// 1-based; `nil` when the file has no text to point into.
    public let line: Int?
    public let message: String

    public init(field: String?, line: Int?, _ message: String) {
        self.field = field
        self.line = line
        self.message = message
    }

    public var description: String {
        let place = [line.map { "第 \($0) 行" }, field].compactMap { $0 }.joined(separator: " ")
        return place.isEmpty ? message : "\(place)：\(message)"
    }
}
