import Foundation

/// The villages and communities under one county (or one prefecture whose towns have no county,
/// such as 东莞市), indexed for exact and one-wrong-character lookup.
///
/// Built on first use per county: the nationwide list has ~600,000 names, and indexing all of
/// them at start-up would cost more than parsing thousands of addresses.
final class VillageScope: Sendable {
    let names: [[UInt32]]
    let towns: [Int32]
    let exact: HashMultiIndex
    let maximumLength: Int
    /// The characters village names end with (村, 区 of 社区, 会 of 居委会…): a misspelt village
    /// is only looked for where the text has one of them.
    let lastCharacters: Set<UInt32>
    private let typoCache = TypoIndexCache()

    /// Keys are names with one position (never the last, 村/区) replaced by the wildcard. Built
    /// on the first misspelt village of the county only: most counties never need it.
    var typo: HashMultiIndex {
        typoCache.get {
            var typo = HashMultiIndex(minimumCapacity: names.count * 4)
            for (id, name) in names.enumerated() where name.count >= 3 {
                let slice = name[...]
                for j in 0..<(name.count - 1) {
                    typo.append(NameHash.of(slice, wildcardAt: j), Int32(id))
                }
            }
            return typo
        }
    }

    init(entries: [(name: [UInt32], town: Int32)]) {
        var names: [[UInt32]] = []
        var towns: [Int32] = []
        var exact = HashMultiIndex(minimumCapacity: entries.count)
        var longest = 0
        var last: Set<UInt32> = []
        names.reserveCapacity(entries.count)
        for (name, town) in entries where name.count >= 2 {
            let id = Int32(names.count)
            names.append(name)
            towns.append(town)
            longest = max(longest, name.count)
            exact.append(NameHash.of(name), id)
            if let l = name.last { last.insert(l) }
        }
        self.names = names
        self.towns = towns
        self.exact = exact
        self.lastCharacters = last
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

final class TypoIndexCache: @unchecked Sendable {
    private let lock = NSLock()
    private var index: HashMultiIndex?

    func get(_ make: () -> HashMultiIndex) -> HashMultiIndex {
        lock.lock()
        defer { lock.unlock() }
        if let index { return index }
        let made = make()
        index = made
        return made
    }
}
