import Foundation

/// What a new report is compared by: its category, point, address and caller, and when.
public struct RepeatProbe: Sendable, Equatable {
    public var category: String
    public var lat: Double
    public var lng: Double
    /// ``RepeatKeys/address(_:)`` of the address, `nil` when too vague.
    public var addressKey: String?
    /// ``RepeatKeys/caller(_:)`` of the phone, `nil` when none.
    public var callerKey: String?
    public var at: Date

    public init(category: String, lat: Double, lng: Double, addressKey: String?, callerKey: String?, at: Date) {
        self.category = category
        self.lat = lat
        self.lng = lng
        self.addressKey = addressKey
        self.callerKey = callerKey
        self.at = at
    }

    /// The probe of an intake submitted at `now`.
    public init(_ intake: Intake, at now: Date) {
        self.init(
            category: intake.category, lat: intake.location.lat, lng: intake.location.lng,
            addressKey: RepeatKeys.address(intake.location.address), callerKey: RepeatKeys.caller(intake.reporter?.phone),
            at: now)
    }
}

/// The decision: which earlier cases a report probably repeats, best first. Pure: the store
/// pre-selects cases through its indexes (any superset will do) and this decides exactly.
extension RepeatPolicy {
    /// States a repeat cannot be folded into (the merge action refuses them as targets), so
    /// they are not offered: a merged case's target is offered instead.
    public static let excludedStates: Set<CaseState> = [.merged, .voided, .rejected]

    /// The reasons `candidate` repeats `probe`, empty when it does not.
    public func reasons(_ probe: RepeatProbe, against candidate: Case) -> [RepeatReason] {
        let age = probe.at.timeIntervalSince(candidate.createdAt)
        guard age >= 0, !Self.excludedStates.contains(candidate.state) else { return [] }
        var reasons: [RepeatReason] = []
        if candidate.category == probe.category, age <= window {
            let metres = GreatCircle.distance(
                lat1: probe.lat, lng1: probe.lng, lat2: candidate.location.lat, lng2: candidate.location.lng)
            if metres <= radiusMetres { reasons.append(.nearby(distanceMetres: (metres * 10).rounded() / 10)) }
        }
        if let key = probe.addressKey, age <= sameAddressWindow, RepeatKeys.address(candidate.location.address) == key {
            reasons.append(.sameAddress)
        }
        if let key = probe.callerKey, age <= sameCallerWindow, RepeatKeys.caller(candidate.reporter.phone) == key {
            reasons.append(.sameCaller)
        }
        return reasons
    }

    /// The candidates among `cases`, ranked: more reasons first, then nearer, then newer; at
    /// most ``maxCandidates``. Each case counts once, however often it is given.
    public func candidates(for probe: RepeatProbe, among cases: [Case]) -> [RepeatCandidate] {
        var seen: Set<String> = []
        var found: [RepeatCandidate] = []
        for candidate in cases where seen.insert(candidate.id).inserted {
            let reasons = reasons(probe, against: candidate)
            guard !reasons.isEmpty else { continue }
            found.append(
                RepeatCandidate(
                    caseId: candidate.id, number: candidate.number, state: candidate.state, reasons: reasons,
                    createdAt: candidate.createdAt))
        }
        found.sort { a, b in
            if a.reasons.count != b.reasons.count { return a.reasons.count > b.reasons.count }
            let da = a.distanceMetres ?? .infinity, db = b.distanceMetres ?? .infinity
            if da != db { return da < db }
            if a.createdAt != b.createdAt { return a.createdAt > b.createdAt }
            return a.caseId < b.caseId
        }
        return Array(found.prefix(maxCandidates))
    }

    /// Whether a report with these candidates is flagged as a likely repeat: any reason suffices.
    public static func isLikelyRepeat(_ candidates: [RepeatCandidate]) -> Bool { !candidates.isEmpty }
}
