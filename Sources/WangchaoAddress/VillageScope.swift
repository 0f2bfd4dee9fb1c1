import Foundation

/// The villages and communities under one county (or one prefecture whose towns have no county,
/// such as 东莞市), indexed for exact and one-wrong-character lookup.
///
/// Built on first use per county: the nationwide list has ~600,000 names, and indexing all of
/// them at start-up would cost more than parsing thousands of addresses.
final class VillageScope: Sendable {
    let names: [[UInt32]]
    let towns: [Int32]
    let exact: [NameHash: [Int32]]
    /// Keys are names with one position (never the last, 村/区) replaced by the wildcard.
    let typo: [NameHash: [Int32]]
    let maximumLength: Int

    init(entries: [(name: [UInt32], town: Int32)]) {
        var names: [[UInt32]] = []
        var towns: [Int32] = []
        var exact: [NameHash: [Int32]] = [:]
        var typo: [NameHash: [Int32]] = [:]
        var longest = 0
        names.reserveCapacity(entries.count)
        for (name, town) in entries where name.count >= 2 {
            let id = Int32(names.count)
            names.append(name)
            towns.append(town)
            longest = max(longest, name.count)
            exact[NameHash.of(name), default: []].append(id)
            if name.count >= 3 {
                let slice = name[...]
                for j in 0..<(name.count - 1) {
                    typo[NameHash.of(slice, wildcardAt: j), default: []].append(id)
                }
            }
        }
        self.names = names
        self.towns = towns
        self.exact = exact
        self.typo = typo
        self.maximumLength = longest
    }
}

/// Per-county village scopes, made on first use and then shared by every parse.
final class VillageCache: @unchecked Sendable {
    private let lock = NSLock()
    private var scopes: [Int32: VillageScope] = [:]

    func scope(_ county: Int32, make: () -> VillageScope) -> VillageScope {
        lock.lock()
        if let s = scopes[county] {
            lock.unlock()
            return s
        }
        lock.unlock()
        let made = make()
        lock.lock()
        defer { lock.unlock() }
        if let s = scopes[county] { return s }
        scopes[county] = made
        return made
    }
}
