import Foundation
import WangchaoCore

/// The demo's repeat detection: the cases of the last ``RepeatPolicy/longestWindow`` by
/// category and ~radius-sized cell, by address and by caller, so that each generated case gets
/// the candidates and flag intake would have given it, decided by the same ``RepeatPolicy``.
///
/// Candidates are judged in the state they were in at the new case's intake (from their
/// history). Memory holds the cases of the longest window (30 days), slimmed to what the
/// decision reads; older ones are dropped as generation moves on.
struct RepeatIndex: Sendable {
    private struct Entry: Sendable {
        /// The case without texts, deadlines and other fields the decision does not read.
        let slim: Case
        /// When each state began, oldest first.
        let states: [(at: Date, state: CaseState)]

        func asOf(_ date: Date) -> Case {
            var c = slim
            c.state = states.last { $0.at <= date }?.state ?? .reported
            return c
        }
    }

    private struct Cell: Hashable, Sendable {
        let category: String
        let lat: Int
        let lng: Int
    }

    let policy: RepeatPolicy
    /// Cell size in degrees: the radius in degrees of latitude.
    private let cellDegrees: Double
    private var byCell: [Cell: [Entry]] = [:]
    private var byAddress: [String: [Entry]] = [:]
    private var byCaller: [String: [Entry]] = [:]
    private var recorded = 0

    init(policy: RepeatPolicy = .standard) {
        self.policy = policy
        cellDegrees = policy.radiusMetres / GreatCircle.earthRadius * 180 / Double.pi
    }

    /// The candidates for a case filed as `intake` at `date`, best first.
    func candidates(for intake: Intake, at date: Date) -> [RepeatCandidate] {
        let probe = RepeatProbe(intake, at: date)
        var cases: [Case] = []
        let box = GreatCircle.boundingBox(lat: probe.lat, lng: probe.lng, metres: policy.radiusMetres)
        for lat in cellIndex(box.minLat)...cellIndex(box.maxLat) {
            for lng in cellIndex(box.minLng)...cellIndex(box.maxLng) {
                cases += (byCell[Cell(category: probe.category, lat: lat, lng: lng)] ?? []).map { $0.asOf(date) }
            }
        }
        if let key = probe.addressKey { cases += (byAddress[key] ?? []).map { $0.asOf(date) } }
        if let key = probe.callerKey { cases += (byCaller[key] ?? []).map { $0.asOf(date) } }
        return policy.candidates(for: probe, among: cases)
    }

    /// Remembers a generated case (cases come in creation order).
    mutating func record(_ generated: GeneratedCase) {
        var slim = generated.case
        slim.description = ""
        slim.attachments = []
        slim.deadlines = []
        slim.pendingRequests = []
        slim.openSupervisions = []
        slim.cooperatingUnitIds = []
        slim.formerUnitIds = []
        slim.repeatCandidates = []
        let entry = Entry(slim: slim, states: generated.history.map { ($0.at, $0.toState) })
        let c = generated.case
        byCell[Cell(category: c.category, lat: cellIndex(c.location.lat), lng: cellIndex(c.location.lng)), default: []]
            .append(entry)
        if let key = RepeatKeys.address(c.location.address) { byAddress[key, default: []].append(entry) }
        if let key = RepeatKeys.caller(c.reporter.phone) { byCaller[key, default: []].append(entry) }
        recorded += 1
        if recorded % 5_000 == 0 { prune(before: c.createdAt - policy.longestWindow) }
    }

    private func cellIndex(_ degrees: Double) -> Int { Int((degrees / cellDegrees).rounded(.down)) }

    /// Drops entries too old for any window.
    private mutating func prune(before cutoff: Date) {
        func pruned<Key>(_ table: [Key: [Entry]]) -> [Key: [Entry]] {
            table.compactMapValues { entries in
                let kept = entries.filter { $0.slim.createdAt >= cutoff }
                return kept.isEmpty ? nil : kept
            }
        }
        byCell = pruned(byCell)
        byAddress = pruned(byAddress)
        byCaller = pruned(byCaller)
    }
}
