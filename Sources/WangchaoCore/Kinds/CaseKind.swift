import Foundation

/// Which workflow a case follows: `case` (today's closed loop of reported matters), later
/// `dispute`, `hazard`, `riskAssessment`. Open, not an enum: kinds are defined as data in
/// `case-kinds.json` (see ``CaseKindCatalog``), so adding one adds no Swift case here.
public struct CaseKind: Identifier {
    public let rawValue: String

    public init(unchecked rawValue: String) { self.rawValue = rawValue }

    /// The general matter (事件) of the closed loop; what every case was before kinds existed.
    public static let `case`: CaseKind = "case"
}
