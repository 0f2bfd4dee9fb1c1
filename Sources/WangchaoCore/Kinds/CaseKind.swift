import Foundation

/// Which workflow a case follows: `case` (today's closed loop of reported matters), later
/// `dispute`, `hazard`, `riskAssessment`. Open, not an enum: kinds are defined as data in
/// `case-kinds.json` (see ``CaseKindCatalog``), so adding one adds no Swift case here.
public struct CaseKind: RawRepresentable, Hashable, Sendable, Codable, ExpressibleByStringLiteral,
    CustomStringConvertible
{
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }

    /// The general matter (事件) of the closed loop; what every case was before kinds existed.
    public static let `case`: CaseKind = "case"
}
