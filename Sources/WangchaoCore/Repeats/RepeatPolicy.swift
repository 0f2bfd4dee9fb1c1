import Foundation

/// When a new report is probably one already made (重复报警/重复投诉): the same category close
/// by within a short time, or the same address or the same caller within a longer one.
///
/// The defaults follow issue 6: 100 m and 72 h for the same category nearby, 30 days for the
/// same address or caller. Every limit is configurable (`wangchao serve --repeat-radius …`)
/// and checked by ``validate()`` before use.
public struct RepeatPolicy: Sendable, Equatable, Codable {
    /// How close (great-circle metres) a case of the same category must be.
    public var radiusMetres: Double
    /// How far back a case of the same category nearby counts, in hours.
    public var windowHours: Double
    /// How far back a case at the same (normalised) address counts, in days.
    public var sameAddressDays: Double
    /// How far back a case from the same phone number counts, in days.
    public var sameCallerDays: Double
    /// The most candidates kept on a case, best first.
    public var maxCandidates: Int

    public static let standard = RepeatPolicy()

    public init(
        radiusMetres: Double = 100, windowHours: Double = 72, sameAddressDays: Double = 30, sameCallerDays: Double = 30,
        maxCandidates: Int = 10
    ) {
        self.radiusMetres = radiusMetres
        self.windowHours = windowHours
        self.sameAddressDays = sameAddressDays
        self.sameCallerDays = sameCallerDays
        self.maxCandidates = maxCandidates
    }

    /// The nearby window in seconds.
    public var window: TimeInterval { windowHours * 3600 }
    public var sameAddressWindow: TimeInterval { sameAddressDays * 86_400 }
    public var sameCallerWindow: TimeInterval { sameCallerDays * 86_400 }
    /// The longest of the three windows: nothing older can be a candidate.
    public var longestWindow: TimeInterval { max(window, sameAddressWindow, sameCallerWindow) }

    /// Upper bounds keep the candidate search small: a radius of kilometres or a window of
    /// a year would flag most cases and make intake scan much of the table.
    public static let maxRadiusMetres = 5_000.0
    public static let maxWindowHours = 24.0 * 30
    public static let maxDays = 365.0
    public static let maxCandidateLimit = 50

    /// Refuses limits that are not positive finite numbers or exceed the bounds above; the
    /// error names the field.
    public func validate() throws(DomainError) {
        func check(_ value: Double, _ field: String, _ upper: Double, _ unit: String) throws(DomainError) {
            guard value.isFinite, value > 0, value <= upper else {
                throw .invalid(field: field, "须为大于 0、不超过 \(Int(upper)) \(unit)的数")
            }
        }
        try check(radiusMetres, "radiusMetres", Self.maxRadiusMetres, "米")
        try check(windowHours, "windowHours", Self.maxWindowHours, "小时")
        try check(sameAddressDays, "sameAddressDays", Self.maxDays, "天")
        try check(sameCallerDays, "sameCallerDays", Self.maxDays, "天")
        guard (1...Self.maxCandidateLimit).contains(maxCandidates) else {
            throw .invalid(field: "maxCandidates", "须为 1 到 \(Self.maxCandidateLimit) 的整数")
        }
    }
}
