import Foundation
import WangchaoCore

/// The demo's repeat detection: recent cases by category and ~radius-sized cell, by address and
/// by caller, so that each generated case gets the candidates and flag intake would have given
/// it, decided by the same ``RepeatPolicy``.
///
/// Candidates are judged in the state they were in at the new case's intake (from their
/// history). Memory is bounded: entries hold only what the decision reads (a few hundred
/// bytes, ``RepeatSubject``), are dropped once older than the longest window (30 days), and at most
/// ``capacity`` (100,000) are kept; a demo of more cases than that within 30 days misses
/// address and caller matches older than the last ``capacity`` cases.
struct RepeatIndex: Sendable {
    /// The most cases remembered.
    let capacity: Int
    /// How many cases are recorded between two prunings.
    let pruneInterval: Int

    /// What the decision reads of one case, and its states over time.
    private struct Entry: Sendable {
        let subject: RepeatSubject
        /// When each state began, oldest first (about eight steps).
        let states: [(at: Date, state: CaseState)]

        init(_ generated: GeneratedCase) {
            subject = RepeatSubject(generated.case)
            states = generated.history.map { ($0.at, $0.toState) }
        }

        var createdAt: Date { subject.createdAt }

        /// The subject in the state it had at `date`.
        func asOf(_ date: Date) -> RepeatSubject {
            var subject = subject
            subject.state = states.last { $0.at <= date }?.state ?? .reported
            return subject
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
    /// Creation times of the remembered cases, oldest first.
    private var remembered: [Date] = []

    init(policy: RepeatPolicy = .standard, capacity: Int = 100_000, pruneInterval: Int = 5_000) {
        self.policy = policy
        self.capacity = capacity
        self.pruneInterval = pruneInterval
        cellDegrees = policy.radiusMetres / GreatCircle.earthRadius * 180 / Double.pi
    }

    /// The candidates for a case filed as `intake` at `date`, best first, each in the state it
    /// had then.
    func candidates(for intake: Intake, at date: Date) -> [RepeatCandidate] {
        let probe = RepeatProbe(intake, at: date)
        var entries: [Entry] = []
        let box = GreatCircle.boundingBox(lat: probe.lat, lng: probe.lng, metres: policy.radiusMetres)
        for lat in cellIndex(box.minLat)...cellIndex(box.maxLat) {
            for lng in cellIndex(box.minLng)...cellIndex(box.maxLng) {
                entries += byCell[Cell(category: probe.category, lat: lat, lng: lng)] ?? []
            }
        }
        if let key = probe.addressKey { entries += byAddress[key] ?? [] }
        if let key = probe.callerKey { entries += byCaller[key] ?? [] }
        return policy.candidates(for: probe, among: entries.map { $0.asOf(date) })
    }

    /// Remembers a generated case (cases come in creation order).
    mutating func record(_ generated: GeneratedCase) {
        let entry = Entry(generated)
        let subject = entry.subject
        byCell[Cell(category: subject.category, lat: cellIndex(subject.lat), lng: cellIndex(subject.lng)), default: []]
            .append(entry)
        if let key = subject.addressKey { byAddress[key, default: []].append(entry) }
        if let key = subject.callerKey { byCaller[key, default: []].append(entry) }
        remembered.append(entry.createdAt)
        if remembered.count % pruneInterval == 0 || remembered.count > capacity + pruneInterval {
            var cutoff = entry.createdAt - policy.longestWindow
            if remembered.count > capacity { cutoff = max(cutoff, remembered[remembered.count - capacity]) }
            prune(before: cutoff)
        }
    }

    private func cellIndex(_ degrees: Double) -> Int { Int((degrees / cellDegrees).rounded(.down)) }

    /// Drops entries created before `cutoff`.
    private mutating func prune(before cutoff: Date) {
        func pruned<Key>(_ table: [Key: [Entry]]) -> [Key: [Entry]] {
            table.compactMapValues { entries in
                guard let first = entries.first, first.createdAt < cutoff else { return entries }
                let kept = entries.filter { $0.createdAt >= cutoff }
                return kept.isEmpty ? nil : kept
            }
        }
        byCell = pruned(byCell)
        byAddress = pruned(byAddress)
        byCaller = pruned(byCaller)
        remembered.removeFirst(remembered.prefix { $0 < cutoff }.count)
    }
}
