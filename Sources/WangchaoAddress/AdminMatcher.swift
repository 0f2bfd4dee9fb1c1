/// A name of an administrative unit found in the text.
struct Mention: Sendable {
    var start: Int
    var end: Int
    var unit: Int32
    var kind: NameKind
    /// Read with one wrong character.
    var corrected = false
}

/// The administrative names of a text and the best consistent chain through them.
///
/// Every name and short form occurring anywhere in the text becomes a mention; a chain is a
/// left-to-right sequence of mentions each of which lies under the previous one (levels may be
/// skipped: 萧山区北干街道 without 浙江省杭州市). The chain covering the most characters wins, so
/// that 江北区洪塘街道 picks 宁波's 江北区 (which has a 洪塘街道) over 重庆's. Equal chains ending
/// in different places make the text ambiguous.
struct AdminMatcher {
    let gazetteer: Gazetteer

    struct Chain {
        var mentions: [Mention]
        /// The deepest unit of every equally good chain, best first (one entry unless ambiguous).
        var ends: [Int32]
    }

    /// Every name in `s`, ordered by start; `seeds` (corrected names) count as read.
    func mentions(in s: [UInt32], seeds: [Mention] = []) -> [Mention] {
        var found: [Mention] = seeds
        let n = s.count
        for i in 0..<n where TextNormalizer.isHan(s[i]) {
            var h = NameHash()
            var j = i
            while j < n && j - i < gazetteer.maximumNameLength {
                h.add(s[j])
                j += 1
                guard gazetteer.lexiconMayContain(h), let slot = gazetteer.lexicon[h] else { break }
                guard slot >= 0 else { continue }
                for hit in gazetteer.hits[Int(slot)] {
                    if hit.kind != .full && Self.looksLikeRoad(s, after: j) { continue }
                    // A town's short form counts only right under its own county, which must then
                    // have been read before it: dropping the rest here keeps the chain search small.
                    if hit.kind != .full && gazetteer.level(hit.unit) == .town {
                        let unit = gazetteer.units[Int(hit.unit)]
                        if !found.contains(where: { ($0.unit == unit.parent || $0.unit == unit.formerParent) && $0.end <= i }) {
                            continue
                        }
                    }
                    found.append(Mention(start: i, end: j, unit: hit.unit, kind: hit.kind))
                }
            }
        }
        if !seeds.isEmpty {
            found.sort { $0.start < $1.start || ($0.start == $1.start && $0.end < $1.end) }
        }
        return found
    }

    /// A short name followed by 路/街/巷/道 (possibly after 东西南北中 and 大) is a road: 长安西巷,
    /// 龙山西大道.
    static func looksLikeRoad(_ s: [UInt32], after j: Int) -> Bool {
        var k = j
        if k < s.count && isDirection(s[k]) { k += 1 }
        if k < s.count && s[k] == 0x5927 /* 大 */ { k += 1 }
        guard k < s.count else { return false }
        return isRoadSuffix(s[k])
    }

    static func isRoadSuffix(_ v: UInt32) -> Bool {
        v == 0x8DEF /* 路 */ || v == 0x8857 /* 街 */ || v == 0x5DF7 /* 巷 */ || v == 0x9053 /* 道 */ || v == 0x5F04 /* 弄 */
    }

    static func isDirection(_ v: UInt32) -> Bool {
        v == 0x4E1C || v == 0x897F || v == 0x5357 || v == 0x5317 || v == 0x4E2D  // 东西南北中
    }

    func weight(_ m: Mention) -> Double {
        let length = Double(m.end - m.start)
        switch m.kind {
        case .full: return length + (m.corrected ? 0 : 0.5)
        case .short: return length
        case .former: return length - 0.3
        }
    }

    /// Best chain by dynamic programming over mentions ordered by start.
    func bestChain(_ mentions: [Mention]) -> Chain {
        let k = mentions.count
        guard k > 0 else { return Chain(mentions: [], ends: []) }
        var best = [Double](repeating: -1, count: k)
        var previous = [Int](repeating: -1, count: k)
        for i in 0..<k {
            let m = mentions[i]
            let level = gazetteer.level(m.unit)
            // A town written without its suffix (戴村, 进化) is only believed under a unit already read.
            let needsAncestor = level == .town && m.kind != .full
            var b: Double = needsAncestor ? -1 : weight(m)
            var p = -1
            let unit = gazetteer.units[Int(m.unit)]
            for j in 0..<i {
                let o = mentions[j]
                guard best[j] >= 0, o.end <= m.start, gazetteer.level(o.unit) < level,
                    gazetteer.isAncestor(o.unit, of: m.unit)
                else { continue }
                // …and only right under its own county (or former county): 山南浪卡子 is the county.
                if needsAncestor && o.unit != unit.parent && o.unit != unit.formerParent { continue }
                let c = best[j] + weight(m)
                if c > b + 1e-9 {
                    b = c
                    p = j
                }
            }
            best[i] = b
            previous[i] = p
        }
        var top = -1.0
        for v in best where v > top { top = v }
        guard top >= 0 else { return Chain(mentions: [], ends: []) }
        var tied: [Int] = []
        for i in 0..<k where best[i] >= top - 1e-9 { tied.append(i) }
        // Prefer 浙江省 among equals, then the higher level (承德 is 承德市 before 承德县), then the
        // smaller code.
        tied.sort { a, b in
            let ua = gazetteer.units[Int(mentions[a].unit)]
            let ub = gazetteer.units[Int(mentions[b].unit)]
            let za = ua.code.hasPrefix("33")
            let zb = ub.code.hasPrefix("33")
            if za != zb { return za }
            if ua.level != ub.level { return ua.level < ub.level }
            return ua.code < ub.code
        }
        var chain: [Mention] = []
        var i = tied[0]
        while i >= 0 {
            chain.append(mentions[i])
            i = previous[i]
        }
        var ends: [Int32] = []
        for t in tied where !ends.contains(mentions[t].unit) { ends.append(mentions[t].unit) }
        return Chain(mentions: chain.reversed(), ends: ends)
    }
}
