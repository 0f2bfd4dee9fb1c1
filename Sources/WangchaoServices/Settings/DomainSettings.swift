import Foundation
import WangchaoCore

/// The domain's settings, built once at start-up and handed to every service: the taxonomy,
/// the case kinds, the SLA policies with the working-day calendar, the repeat policy and where tracking codes
/// come from. No service reads a bundled default by itself.
public struct DomainSettings: Sendable {
    /// The categories intake and transitions are checked against.
    public var categories: CategoryCatalog
    /// The case kinds (workflows) a case may follow; filters naming another are refused.
    public var kinds: CaseKindCatalog
    /// The SLA policies and working-day calendar that time new deadlines.
    public var sla: SLASettings
    /// How intake finds likely repeats.
    public var repeatPolicy: RepeatPolicy
    /// Draws a citizen's tracking code.
    public var trackingCodes: @Sendable () -> String

    /// - Throws: ``DomainError`` `invalid` for a repeat policy that cannot work (naming its field).
    public init(
        categories: CategoryCatalog = .bundled, kinds: CaseKindCatalog = .bundled, sla: SLASettings = .bundled,
        repeatPolicy: RepeatPolicy = .standard,
        trackingCodes: @escaping @Sendable () -> String = DomainSettings.randomTrackingCode
    ) throws {
        try repeatPolicy.validate()
        self.categories = categories
        self.kinds = kinds
        self.sla = sla
        self.repeatPolicy = repeatPolicy
        self.trackingCodes = trackingCodes
    }

    /// Checks an intake against the taxonomy, the limits and the kinds; the error names the
    /// first bad field.
    public func check(_ intake: Intake) throws(DomainError) {
        try intake.validate(categories: categories)
        if let kind = intake.kind { _ = try kinds.kind(named: kind.rawValue) }
    }

    /// The bundled taxonomy, policies and calendar.
    public static let standard: DomainSettings = try! DomainSettings()

    /// A tracking code from the system's random source.
    @Sendable public static func randomTrackingCode() -> String {
        var generator = SystemRandomNumberGenerator()
        return TrackingCode.generate(using: &generator)
    }
}
