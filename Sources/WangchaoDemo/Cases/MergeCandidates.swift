import Foundation
import WangchaoCore

/// The latest case per community and category, so a repeat report can be merged into an
/// earlier case of the same kind nearby. Holds one case per pair, so memory stays bounded.
struct MergeCandidates: Sendable {
    /// How far back a repeat report looks for the case it repeats.
    static let window: TimeInterval = 3 * 86_400

    private var latest: [String: Case] = [:]

    /// An earlier case of `category` in `communityCode`, at most ``window`` before `date`.
    func target(category: String, communityCode: String, before date: Date) -> Case? {
        guard let candidate = latest[key(category, communityCode)], date.timeIntervalSince(candidate.createdAt) <= Self.window
        else { return nil }
        return candidate
    }

    /// Remembers `generated` as a target, unless it ended somewhere a merge cannot point to.
    mutating func record(_ generated: Case, communityCode: String) {
        guard ![.merged, .voided, .rejected].contains(generated.state) else { return }
        latest[key(generated.category, communityCode)] = generated
    }

    private func key(_ category: String, _ communityCode: String) -> String { communityCode + "/" + category }
}
