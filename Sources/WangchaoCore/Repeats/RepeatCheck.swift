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

/// What the decision reads of an earlier case. Stores fill it from indexed columns without
/// decoding the case (their keys may be digests of the keys, as long as the probe's are too).
public struct RepeatSubject: Sendable, Equatable {
    public var caseId: String
    public var number: String
    public var state: CaseState
    public var category: String
    public var lat: Double
    public var lng: Double
    /// As ``RepeatProbe/addressKey``.
    public var addressKey: String?
    /// As ``RepeatProbe/callerKey``.
    public var callerKey: String?
    public var createdAt: Date
    public var areaCode: String?

    public init(
        caseId: String, number: String, state: CaseState, category: String, lat: Double, lng: Double,
        addressKey: String?, callerKey: String?, createdAt: Date, areaCode: String? = nil
    ) {
        self.areaCode = areaCode
        self.caseId = caseId
        self.number = number
        self.state = state
        self.category = category
        self.lat = lat
        self.lng = lng
        self.addressKey = addressKey
        self.callerKey = callerKey
        self.createdAt = createdAt
    }

    /// The subject of a case, its keys computed with ``RepeatKeys``.
    public init(_ c: Case) {
        self.init(
            caseId: c.id, number: c.number, state: c.state, category: c.category, lat: c.location.lat,
            lng: c.location.lng, addressKey: RepeatKeys.address(c.location.address),
            callerKey: RepeatKeys.caller(c.reporter.phone), createdAt: c.createdAt, areaCode: c.areaCode)
    }
}

/// The decision: which earlier cases a report probably repeats, best first. Pure: the store
/// pre-selects cases through its indexes (any superset will do) and this decides exactly.
extension RepeatPolicy {
    /// States a repeat cannot be folded into (the merge action refuses them as targets), so
    /// they are not offered: a merged case's target is offered instead.
    public static let excludedStates: Set<CaseState> = [.merged, .voided, .rejected]

    /// The reasons `candidate` repeats `probe`, empty when it does not.
    public func reasons(_ probe: RepeatProbe, against candidate: RepeatSubject) -> [RepeatReason] {
        let age = probe.at.timeIntervalSince(candidate.createdAt)
        guard age >= 0, !Self.excludedStates.contains(candidate.state) else { return [] }
        var reasons: [RepeatReason] = []
        if candidate.category == probe.category, age <= window {
            let metres = GreatCircle.distance(lat1: probe.lat, lng1: probe.lng, lat2: candidate.lat, lng2: candidate.lng)
            if metres <= radiusMetres { reasons.append(.nearby(distanceMetres: (metres * 10).rounded() / 10)) }
        }
        if let key = probe.addressKey, age <= sameAddressWindow, candidate.addressKey == key {
            reasons.append(.sameAddress)
        }
        if let key = probe.callerKey, age <= sameCallerWindow, candidate.callerKey == key {
            reasons.append(.sameCaller)
        }
        return reasons
    }

    /// The reasons a case repeats `probe`.
    public func reasons(_ probe: RepeatProbe, against candidate: Case) -> [RepeatReason] {
        reasons(probe, against: RepeatSubject(candidate))
    }

    /// The candidates among `subjects`, ranked: more reasons first, then nearer, then newer; at
    /// most ``maxCandidates``. Each case counts once, however often it is given.
    public func candidates(for probe: RepeatProbe, among subjects: [RepeatSubject]) -> [RepeatCandidate] {
        var seen: Set<String> = []
        var found: [RepeatCandidate] = []
        for candidate in subjects where seen.insert(candidate.caseId).inserted {
            let reasons = reasons(probe, against: candidate)
            guard !reasons.isEmpty else { continue }
            found.append(
                RepeatCandidate(
                    caseId: candidate.caseId, number: candidate.number, state: candidate.state, reasons: reasons,
                    createdAt: candidate.createdAt, areaCode: candidate.areaCode))
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

    /// The candidates among `cases` (see ``candidates(for:among:)-(_,[RepeatSubject])``).
    public func candidates(for probe: RepeatProbe, among cases: [Case]) -> [RepeatCandidate] {
        candidates(for: probe, among: cases.map(RepeatSubject.init))
    }

    /// Whether a report with these candidates is flagged as a likely repeat: any reason suffices.
    public static func isLikelyRepeat(_ candidates: [RepeatCandidate]) -> Bool { !candidates.isEmpty }
}
