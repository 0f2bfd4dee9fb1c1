/// One wrong character in a county, town or village name (肖山区 → 萧山区, 楠孟镇 → 南孟镇).
///
/// Within a known parent the candidates are few, so they are compared directly; without one,
/// county names are looked up by keys with one position wildcarded, so the search stays a
/// handful of hash lookups. The last character (区/县/镇/村) must be right: a name that differs
/// there (新田村 against 新田镇) is another kind of place, not a typo.
struct TypoMatcher {
    let gazetteer: Gazetteer

    /// Whether `name` equals `s[at...]` with at most one differing position, not the last.
    static func matchesWithOneTypo(_ name: [UInt32], _ s: [UInt32], at: Int) -> Bool {
        guard at + name.count <= s.count, name.count >= 2 else { return false }
        var diffs = 0
        for (i, v) in name.enumerated() where s[at + i] != v {
            if i == name.count - 1 || !TextNormalizer.isHan(s[at + i]) { return false }
            diffs += 1
            if diffs > 1 { return false }
        }
        return diffs == 1
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
        let allowShort = gazetteer.level(scope) == .prefecture
        var found: [Mention] = []
        for c in counties {
            let full = gazetteer.fullNames[Int(c)]
            if full.count >= 3 && Self.matchesWithOneTypo(full, s, at: at) {
                found.append(Mention(start: at, end: at + full.count, unit: c, kind: .full, corrected: true))
                continue
            }
            guard allowShort else { continue }
            for short in gazetteer.shortNames[Int(c)] where Self.matchesWithOneTypo(short, s, at: at) {
                found.append(Mention(start: at, end: at + short.count, unit: c, kind: .short, corrected: true))
                break
            }
        }
        return found.count == 1 ? found[0] : found.first { $0.kind == .full && found.filter { $0.kind == .full }.count == 1 }
    }

    /// A county anywhere in China written with one wrong character, near the start of the text.
    func county(in s: [UInt32]) -> Mention? {
        let limit = min(s.count, 24)
        for start in 0..<limit where TextNormalizer.isHan(s[start]) {
            for length in stride(from: 6, through: 3, by: -1) where start + length <= s.count {
                let window = s[start..<(start + length)]
                var found: Set<Int32> = []
                for j in 0..<(length - 1) {
                    if let units = gazetteer.countyTypos[NameHash.of(window, wildcardAt: j)] {
                        found.formUnion(units)
                    }
                }
                if found.count == 1, let unit = found.first {
                    return Mention(start: start, end: start + length, unit: unit, kind: .full, corrected: true)
                }
            }
        }
        return nil
    }

    /// A town of `county` written at `at` with one wrong character (full name, or a short
    /// form of three or more characters).
    func town(under county: Int32, in s: [UInt32], at: Int) -> Mention? {
        var found: [Mention] = []
        for t in gazetteer.children[Int(county)] where gazetteer.level(t) == .town {
            let full = gazetteer.fullNames[Int(t)]
            if full.count >= 3 && Self.matchesWithOneTypo(full, s, at: at) {
                found.append(Mention(start: at, end: at + full.count, unit: t, kind: .full, corrected: true))
                continue
            }
            for short in gazetteer.shortNames[Int(t)] where short.count >= 3 && Self.matchesWithOneTypo(short, s, at: at) {
                found.append(Mention(start: at, end: at + short.count, unit: t, kind: .short, corrected: true))
                break
            }
        }
        return found.count == 1 ? found[0] : nil
    }
}
