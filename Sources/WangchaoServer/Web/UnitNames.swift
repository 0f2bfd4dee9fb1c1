import Foundation
import WangchaoCore
import WangchaoStore

/// Unit names by id for lists that name the unit of each row, kept ``maxAge`` seconds: a page
/// of 30 rows would otherwise read up to 30 units, each read a hop to the database and back.
/// Units are renamed by an import, rarely; a rename shows within ``maxAge``.
actor UnitNames {
    let store: any CaseStore
    let maxAge: TimeInterval
    private var names: [String: (name: String, at: Date)] = [:]

    init(store: any CaseStore, maxAge: TimeInterval = 300) {
        self.store = store
        self.maxAge = maxAge
    }

    /// The name of each id (the id itself for a unit that does not exist).
    func names(of ids: Set<String>, now: Date) async throws -> [String: String] {
        var result: [String: String] = [:]
        for id in ids {
            if let kept = names[id], now >= kept.at, now.timeIntervalSince(kept.at) < maxAge {
                result[id] = kept.name
            } else {
                let name = try await store.unit(id: id)?.name ?? id
                if names.count >= 10_000 { names = [:] }
                names[id] = (name, now)
                result[id] = name
            }
        }
        return result
    }
}
