/// One wrong character in a county, town or village name (肖山区 → 萧山区, 楠孟镇 → 南孟镇).
///
/// Within a known parent the candidates are few, so they are compared directly; without one,
/// county names are looked up by keys with one position wildcarded, so the search stays a
/// handful of hash lookups. The last character (区/县/镇/村) must be right: a name that differs
/// there (新田村 against 新田镇) is another kind of place, not a typo. When several names fit
/// (肖山区: 萧山区, 黄山区, 佛山区…), the one whose wrong character sounds the same wins, then the
/// one with a known place right after it.
struct TypoMatcher {
    let gazetteer: Gazetteer

    struct Candidate {
        var mention: Mention
        var homophone: Bool
        /// The wrong character shares a component with the right one.
        var lookalike: Bool
    }

    /// The position where `name` differs from `s[at...]` when it differs in exactly one
    /// character that is not the last; nil otherwise.
    static func typoPosition(_ name: [UInt32], _ s: [UInt32], at: Int) -> Int? {
        guard at >= 0, at + name.count <= s.count, name.count >= 2 else { return nil }
        var position: Int?
        for (i, v) in name.enumerated() where s[at + i] != v {
            if i == name.count - 1 || !TextNormalizer.isHan(s[at + i]) || position != nil { return nil }
            position = i
        }
        return position
    }

    func candidate(_ unit: Int32, _ name: [UInt32], kind: NameKind, in s: [UInt32], at: Int) -> Candidate? {
        guard let p = Self.typoPosition(name, s, at: at) else { return nil }
        return Candidate(
            mention: Mention(start: at, end: at + name.count, unit: unit, kind: kind, corrected: true),
            homophone: gazetteer.soundAlike(name[p], s[at + p]), lookalike: gazetteer.lookAlike(name[p], s[at + p]))
    }

    /// The single best candidate: the only one, else the only homophone, else the only one
    /// (among the homophones if any) for which `followed` holds, else the only look-alike.
    static func choose(_ candidates: [Candidate], followed: (Candidate) -> Bool) -> Candidate? {
        if candidates.count <= 1 { return candidates.first }
        let homophones = candidates.filter(\.homophone)
        if homophones.count == 1 { return homophones[0] }
        let pool = homophones.isEmpty ? candidates : homophones
        let confirmed = pool.filter(followed)
        if confirmed.count == 1 { return confirmed[0] }
        let alike = (confirmed.isEmpty ? pool : confirmed).filter(\.lookalike)
        return alike.count == 1 ? alike[0] : nil
    }

    /// Whether a town or village of `county` is written right after `end`.
    func placeFollows(_ county: Int32, in s: [UInt32], at end: Int) -> Bool {
        var at = end
        while at < s.count && s[at] == TextNormalizer.space { at += 1 }
        guard at < s.count else { return false }
        for t in gazetteer.children[Int(county)] {
            let names = [gazetteer.fullNames[Int(t)]] + gazetteer.shortNames[Int(t)]
            for name in names where at + name.count <= s.count && s[at..<(at + name.count)].elementsEqual(name) {
                return true
            }
        }
        let scope = gazetteer.villages(under: county)
        return VillageMatcher.match(scope, in: s, at: at, town: -1, allowTypo: false) != nil
    }

    /// A county under `scope` (a prefecture or province) written with one wrong character at `at`.
    func county(under scope: Int32, in s: [UInt32], at: Int) -> Mention? {
        var counties: [Int32] = []
        for c in gazetteer.children[Int(scope)] {
            switch gazetteer.level(c) {
            case .county: counties.append(c)
            case .prefecture: counties += gazetteer.children[Int(c)].filter { gazetteer.level($0) == .county }
            default: break
            }
        }
        let underPrefecture = gazetteer.level(scope) == .prefecture
        var found: [Candidate] = []
        for c in counties {
            let full = gazetteer.fullNames[Int(c)]
            if full.count >= 3, let m = candidate(c, full, kind: .full, in: s, at: at) {
                found.append(m)
                continue
            }
            // A short form has no suffix to vouch for it: only a same-sounding character is
            // believed, and under a province only when a town or village of it follows.
            for short in gazetteer.shortNames[Int(c)] {
                if let m = candidate(c, short, kind: .short, in: s, at: at), m.homophone,
                    underPrefecture || placeFollows(c, in: s, at: m.mention.end)
                {
                    found.append(m)
                    break
                }
            }
        }
        return Self.choose(found) { placeFollows($0.mention.unit, in: s, at: $0.mention.end) }?.mention
    }

    /// A county anywhere in China written with one wrong character, near the start of the text.
    func county(in s: [UInt32]) -> Mention? {
        let limit = min(s.count, 24)
        for start in 0..<limit where TextNormalizer.isHan(s[start]) {
            var found: [Candidate] = []
            for length in stride(from: 6, through: 3, by: -1) where start + length <= s.count {
                let window = s[start..<(start + length)]
                var units: Set<Int32> = []
                for j in 0..<(length - 1) {
                    if let u = gazetteer.countyTypos[NameHash.of(window, wildcardAt: j)] { units.formUnion(u) }
                }
                for u in units.sorted() {
                    if let c = candidate(u, gazetteer.fullNames[Int(u)], kind: .full, in: s, at: start) { found.append(c) }
                }
            }
            if let best = Self.choose(found, followed: { placeFollows($0.mention.unit, in: s, at: $0.mention.end) }) {
                return best.mention
            }
        }
        return nil
    }

    /// A town of `county` written at `at` with one wrong character (full name, or a short
    /// form of three or more characters whose wrong character sounds right).
    func town(under county: Int32, in s: [UInt32], at: Int) -> Mention? {
        var found: [Candidate] = []
        for t in gazetteer.children[Int(county)] where gazetteer.level(t) == .town {
            let full = gazetteer.fullNames[Int(t)]
            if full.count >= 3, let m = candidate(t, full, kind: .full, in: s, at: at) {
                found.append(m)
                continue
            }
            for short in gazetteer.shortNames[Int(t)] where short.count >= 3 {
                if let m = candidate(t, short, kind: .short, in: s, at: at), m.homophone {
                    found.append(m)
                    break
                }
            }
        }
        return Self.choose(found) { c in
            let scope = gazetteer.villages(under: county)
            var at = c.mention.end
            while at < s.count && s[at] == TextNormalizer.space { at += 1 }
            return VillageMatcher.match(scope, in: s, at: at, town: -1, allowTypo: false)?.town == c.mention.unit
        }?.mention
    }
}
