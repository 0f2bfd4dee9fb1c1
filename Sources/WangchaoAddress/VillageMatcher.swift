/// A village or community read at a given position, exactly or with one wrong character.
struct VillageMatch {
    var end: Int
    var name: [UInt32]
    var town: Int32
    var corrected: Bool
    /// Other towns of the county that have a village of the same name.
    var otherTowns: [Int32]
}

enum VillageMatcher {
    /// The longest village of `scope` starting at `at`, preferring those of `town` when known.
    static func match(
        _ scope: VillageScope, in s: [UInt32], at: Int, town: Int32, allowTypo: Bool, gazetteer: Gazetteer? = nil
    ) -> VillageMatch? {
        let limit = min(scope.maximumLength, s.count - at)
        guard limit >= 2 else { return nil }
        var hashes: [NameHash] = []
        hashes.reserveCapacity(limit)
        var h = NameHash()
        for i in 0..<limit {
            h.add(s[at + i])
            hashes.append(h)
        }
        for length in stride(from: limit, through: 2, by: -1) {
            if let ids = scope.exact[hashes[length - 1]] {
                return pick(ids, scope: scope, end: at + length, town: town, corrected: false)
            }
        }
        guard allowTypo, limit >= 3,
            s[(at + 2)..<(at + limit)].contains(where: { scope.lastCharacters.contains($0) })
        else { return nil }
        let typo = scope.typo
        for length in stride(from: limit, through: 3, by: -1) where scope.lastCharacters.contains(s[at + length - 1]) {
            let window = s[at..<(at + length)]
            var ids: [Int32] = []
            for j in 0..<(length - 1) where TextNormalizer.isHan(window[at + j]) {
                if let found = typo[NameHash.of(window, wildcardAt: j)] {
                    for id in found where !ids.contains(id) { ids.append(id) }
                }
            }
            guard !ids.isEmpty else { continue }
            // Rank: same sound at the wrong character, then in the town already read.
            var ranked = ids
            if let gazetteer {
                let alike = ids.filter { id in
                    let name = Array(scope.name(id))
                    guard let p = TypoMatcher.typoPosition(name, s, at: at) else { return false }
                    return gazetteer.soundAlike(name[p], s[at + p])
                }
                if !alike.isEmpty { ranked = alike }
            }
            if town >= 0 {
                let inTown = ranked.filter { scope.towns[Int($0)] == town }
                if !inTown.isEmpty { ranked = inTown }
            }
            if Set(ranked.map { Array(scope.name($0)) }).count > 1, let gazetteer {
                let alike = ranked.filter { id in
                    let name = Array(scope.name(id))
                    guard let p = TypoMatcher.typoPosition(name, s, at: at) else { return false }
                    return gazetteer.lookAlike(name[p], s[at + p])
                }
                if !alike.isEmpty { ranked = alike }
            }
            if Set(ranked.map { Array(scope.name($0)) }).count == 1 {
                return pick(ranked, scope: scope, end: at + length, town: town, corrected: true)
            }
        }
        return nil
    }

    private static func pick(_ ids: [Int32], scope: VillageScope, end: Int, town: Int32, corrected: Bool) -> VillageMatch {
        let chosen = ids.first { scope.towns[Int($0)] == town } ?? ids[0]
        let others = ids.map { scope.towns[Int($0)] }.filter { $0 != scope.towns[Int(chosen)] }
        return VillageMatch(
            end: end, name: Array(scope.name(chosen)), town: scope.towns[Int(chosen)], corrected: corrected,
            otherTowns: town >= 0 ? [] : Array(Set(others)).sorted())
    }
}
