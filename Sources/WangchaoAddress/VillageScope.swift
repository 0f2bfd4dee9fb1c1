import Foundation

/// The villages and communities under one county (or one prefecture whose towns have no county,
/// such as 东莞市), indexed for exact and one-wrong-character lookup.
///
/// Built on first use per county: the nationwide list has ~600,000 names, and indexing all of
/// them at start-up would cost more than parsing thousands of addresses. Names are kept in one
/// flat array of scalars so that a county of 500 villages costs a handful of allocations.
final class VillageScope: Sendable {
    private let scalars: [UInt32]
    private let offsets: [Int32]
    let towns: [Int32]
    let exact: HashMultiIndex
    let maximumLength: Int
    /// The characters village names end with (村, 区 of 社区, 会 of 居委会…): a misspelt village
    /// is only looked for where the text has one of them.
    let lastCharacters: Set<UInt32>
    private let typoCache = TypoIndexCache()

    var count: Int { towns.count }

    func name(_ id: Int32) -> ArraySlice<UInt32> { scalars[Int(offsets[Int(id)])..<Int(offsets[Int(id) + 1])] }

    /// Keys are names with one position (never the last, 村/区) replaced by the wildcard. Built
    /// on the first misspelt village of the county only: most counties never need it.
    var typo: HashMultiIndex {
        typoCache.get {
            var typo = HashMultiIndex(minimumCapacity: count * 4)
            for id in 0..<Int32(count) {
                let n = name(id)
                guard n.count >= 3 else { continue }
                for j in 0..<(n.count - 1) {
                    typo.append(NameHash.of(n, wildcardAt: j), id)
                }
            }
            return typo
        }
    }

    /// `bytes` holds `name|name|…` lists, one range per town.
    init(lists: [(town: Int32, bytes: ArraySlice<UInt8>)]) {
        var scalars: [UInt32] = []
        var offsets: [Int32] = [0]
        var towns: [Int32] = []
        var exact = HashMultiIndex(minimumCapacity: lists.reduce(0) { $0 + $1.bytes.count / 10 })
        var longest = 0
        var last: Set<UInt32> = []
        for (town, bytes) in lists {
            var h = NameHash()
            var length = 0
            func finish() {
                if length >= 2 {
                    let id = Int32(towns.count)
                    towns.append(town)
                    offsets.append(Int32(scalars.count))
                    exact.append(h, id)
                    longest = max(longest, length)
                    if let l = scalars.last { last.insert(l) }
                } else {
                    scalars.removeLast(length)
                }
                h = NameHash()
                length = 0
            }
            var i = bytes.startIndex
            let end = bytes.endIndex
            while i < end {
                let b0 = UInt32(bytes[i])
                if b0 == 0x7C {
                    finish()
                    i += 1
                    continue
                }
                var v: UInt32
                if b0 < 0x80 {
                    v = b0
                    i += 1
                } else if b0 >= 0xF0, i + 3 < end {
                    v = (b0 & 0x07) << 18 | (UInt32(bytes[i + 1]) & 0x3F) << 12 | (UInt32(bytes[i + 2]) & 0x3F) << 6
                        | (UInt32(bytes[i + 3]) & 0x3F)
                    i += 4
                } else if b0 >= 0xE0, i + 2 < end {
                    v = (b0 & 0x0F) << 12 | (UInt32(bytes[i + 1]) & 0x3F) << 6 | (UInt32(bytes[i + 2]) & 0x3F)
                    i += 3
                } else if b0 >= 0xC0, i + 1 < end {
                    v = (b0 & 0x1F) << 6 | (UInt32(bytes[i + 1]) & 0x3F)
                    i += 2
                } else {
                    v = 0xFFFD
                    i += 1
                }
                scalars.append(v)
                h.add(v)
                length += 1
            }
            finish()
        }
        self.scalars = scalars
        self.offsets = offsets
        self.towns = towns
        self.exact = exact
        self.maximumLength = longest
        self.lastCharacters = last
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
