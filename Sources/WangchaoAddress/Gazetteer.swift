import Foundation

/// Every province, prefecture, county-level unit and town of China with its code (MCA list of
/// 2025-12-31), their short and former names, and the villages/communities of each town.
///
/// Loaded from two text resources (see Resources/README.md) rather than compiled in: a literal of
/// this size stalls the compiler, and the text loads in tens of milliseconds.
public final class Gazetteer: Sendable {
    let units: [AdminUnit]
    let children: [[Int32]]
    /// Names (and every prefix of a name) by hash; the value is a slot in `hits`, or -1 for a
    /// prefix that is not itself a name. Prefixes let the scan stop as soon as no name can follow.
    let lexicon: HashIndex
    let hits: [[NameHit]]
    /// A 4-million-bit filter over the lexicon's keys: most substrings of an address are no name
    /// and no prefix of one, and the filter (512 KB, mostly in cache) says so without a probe of
    /// the much larger table.
    let lexiconFilter: [UInt64]
    let maximumNameLength: Int
    /// Full and short names of each unit as scalars, for one-wrong-character comparison.
    let fullNames: [[UInt32]]
    let shortNames: [[[UInt32]]]
    /// County-level full names with one position wildcarded (肖山区 → 萧山区 with no upper level).
    let countyTypos: HashMultiIndex
    let codeIndex: [Int: Int32]
    /// Toneless readings of each character, numbered: a one-character typo that sounds the same
    /// (肖/萧, 按/安) is far likelier than any other, which is how 肖山区 finds 萧山区 among ?山区.
    /// …and the components each character is written with (欣 = 斤欠), the tie-break between
    /// homophones. Read on the first typo only: most runs never need it.
    private let characters: CharacterTable
    private let villageBytes: [UInt8]
    private let villageRanges: [Int32: Range<Int>]
    private let villageCache = VillageCache()

    public enum LoadError: Error, CustomStringConvertible {
        case missingResource(String)

        public var description: String {
            switch self {
            case .missingResource(let name): "gazetteer resource \(name) is missing from the bundle"
            }
        }
    }

    /// The gazetteer shipped with the package, loaded once per process.
    public static func bundled() throws -> Gazetteer {
        try shared.get()
    }

    private static let shared: Result<Gazetteer, any Error> = Result {
        guard let admin = Bundle.module.url(forResource: "admin", withExtension: "tsv") else {
            throw LoadError.missingResource("admin.tsv")
        }
        guard let villages = Bundle.module.url(forResource: "villages", withExtension: "tsv") else {
            throw LoadError.missingResource("villages.tsv")
        }
        guard let pinyin = Bundle.module.url(forResource: "pinyin", withExtension: "tsv") else {
            throw LoadError.missingResource("pinyin.tsv")
        }
        return Gazetteer(
            admin: [UInt8](try Data(contentsOf: admin)), villages: [UInt8](try Data(contentsOf: villages)),
            pinyin: [UInt8](try Data(contentsOf: pinyin)))
    }

    /// Parses `admin.tsv` and indexes `villages.tsv` by town (the village names themselves are
    /// decoded per county on first use).
    init(admin: [UInt8], villages: [UInt8], pinyin: [UInt8]) {
        struct Row {
            var level: Int
            var code: Int
            var parent: Int
            var name: ArraySlice<UInt8>
            var shorts: [[UInt32]]
            var former: [[UInt32]]
            var formerParent: Int
        }
        var rows: [Row] = []
        rows.reserveCapacity(42_000)
        forEachLine(admin) { line in
            let f = line.split(separator: 0x09, maxSplits: 7, omittingEmptySubsequences: false)
            guard f.count >= 4, f[0].count == 1, let first = f[0].first, (0x31...0x34).contains(first) else { return }
            let list = { (i: Int) -> [[UInt32]] in
                guard i < f.count, !f[i].isEmpty else { return [] }
                return f[i].split(separator: 0x2C).map(decodeUTF8).filter { $0.count >= 2 }
            }
            rows.append(
                Row(
                    level: Int(first - 0x30), code: number(f[1]), parent: number(f[2]), name: f[3], shorts: list(4),
                    former: list(5), formerParent: f.count > 6 ? number(f[6]) : -1))
        }
        var codeIndex: [Int: Int32] = [:]
        codeIndex.reserveCapacity(rows.count)
        for (i, r) in rows.enumerated() { codeIndex[r.code] = Int32(i) }

        var units: [AdminUnit] = []
        var children = [[Int32]](repeating: [], count: rows.count)
        var lexicon = HashIndex(minimumCapacity: 300_000)
        var hits: [[NameHit]] = []
        var longest = 0
        var fullNames: [[UInt32]] = []
        var shortNames: [[[UInt32]]] = []
        var countyTypos = HashMultiIndex(minimumCapacity: 10_000)

        var filter = [UInt64](repeating: 0, count: Gazetteer.filterWords)
        func insert(_ name: [UInt32], _ hit: NameHit) {
            var h = NameHash()
            for (i, s) in name.enumerated() {
                h.add(s)
                let bit = Gazetteer.filterBit(h)
                filter[bit >> 6] |= 1 << UInt64(bit & 63)
                if i == name.count - 1 {
                    if let slot = lexicon[h], slot >= 0 {
                        hits[Int(slot)].append(hit)
                    } else {
                        lexicon.set(h, Int32(hits.count))
                        hits.append([hit])
                    }
                } else if lexicon[h] == nil {
                    lexicon.set(h, -1)
                }
            }
            longest = max(longest, name.count)
        }

        for (i, r) in rows.enumerated() {
            let parent = codeIndex[r.parent] ?? -1
            let unit = AdminUnit(
                code: String(r.code), name: String(decoding: r.name, as: UTF8.self),
                level: AdminLevel(rawValue: r.level) ?? .town, parent: parent,
                formerParent: codeIndex[r.formerParent] ?? -1)
            units.append(unit)
            if parent >= 0 { children[Int(parent)].append(Int32(i)) }
            let full = decodeUTF8(r.name)
            fullNames.append(full)
            insert(full, NameHit(unit: Int32(i), kind: .full))
            shortNames.append(r.shorts)
            for s in r.shorts { insert(s, NameHit(unit: Int32(i), kind: .short)) }
            for s in r.former { insert(s, NameHit(unit: Int32(i), kind: .former)) }
            if unit.level == .county && full.count >= 3 {
                for j in 0..<(full.count - 1) {
                    countyTypos.append(NameHash.of(full[...], wildcardAt: j), Int32(i))
                }
            }
        }

        var ranges: [Int32: Range<Int>] = [:]
        ranges.reserveCapacity(40_000)
        villages.withUnsafeBufferPointer { bytes in
            guard let base = bytes.baseAddress else { return }
            var start = 0
            let count = bytes.count
            while start < count {
                let end = memchr(base + start, 0x0A, count - start).map { UnsafePointer<UInt8>($0.assumingMemoryBound(to: UInt8.self)) - base } ?? count
                if base[start] != 0x23 {
                    var code = 0
                    var tab = start
                    while tab < end && base[tab] != 0x09 {
                        code = code * 10 + Int(base[tab]) - 0x30
                        tab += 1
                    }
                    if tab < end, let town = codeIndex[code] { ranges[town] = (tab + 1)..<end }
                }
                start = end + 1
            }
        }

        self.characters = CharacterTable(bytes: pinyin)
        self.units = units
        self.children = children
        self.lexicon = lexicon
        self.hits = hits
        self.lexiconFilter = filter
        self.maximumNameLength = longest
        self.fullNames = fullNames
        self.shortNames = shortNames
        self.countyTypos = countyTypos
        self.codeIndex = codeIndex
        self.villageBytes = villages
        self.villageRanges = ranges
    }

    static let filterWords = 1 << 16

    @inline(__always) static func filterBit(_ h: NameHash) -> Int {
        Int(truncatingIfNeeded: (h.value ^ (h.value >> 31)) & UInt64(filterWords * 64 - 1))
    }

    /// False when `h` is certainly neither a name nor a prefix of one.
    @inline(__always) func lexiconMayContain(_ h: NameHash) -> Bool {
        let bit = Gazetteer.filterBit(h)
        return lexiconFilter[bit >> 6] & (1 << UInt64(bit & 63)) != 0
    }

    /// Number of units at each level, for reports and tests.
    public var unitCount: Int { units.count }

    /// The unit with this code, its name and level.
    public func unit(code: String) -> (name: String, level: AdminLevel)? {
        guard let c = Int(code), let i = codeIndex[c] else { return nil }
        return (units[Int(i)].name, units[Int(i)].level)
    }

    /// Whether two characters share a reading (tones ignored).
    func soundAlike(_ a: UInt32, _ b: UInt32) -> Bool {
        let t = characters.table
        guard let ra = t.readings[a], let rb = t.readings[b] else { return false }
        return ra.contains { rb.contains($0) }
    }

    /// Whether two characters share a component, or one is a component of the other (楠/南).
    func lookAlike(_ a: UInt32, _ b: UInt32) -> Bool {
        let t = characters.table
        let ca = t.components[a] ?? []
        let cb = t.components[b] ?? []
        return ca.contains(b) || cb.contains(a) || ca.contains { cb.contains($0) }
    }

    func parent(_ unit: Int32) -> Int32 { unit >= 0 ? units[Int(unit)].parent : -1 }

    func level(_ unit: Int32) -> AdminLevel { units[Int(unit)].level }

    /// Whether `ancestor` is above `unit` now, or was above it before a recorded transfer.
    func isAncestor(_ ancestor: Int32, of unit: Int32) -> Bool {
        var u = unit
        var first = true
        while u >= 0 {
            let au = units[Int(u)]
            if au.parent == ancestor { return true }
            if first && au.formerParent >= 0 && isOrAbove(ancestor, au.formerParent) { return true }
            first = false
            u = au.parent
        }
        return false
    }

    private func isOrAbove(_ ancestor: Int32, _ unit: Int32) -> Bool {
        var u = unit
        while u >= 0 {
            if u == ancestor { return true }
            u = units[Int(u)].parent
        }
        return false
    }

    /// The unit at `level` on the way up from `unit` (itself included), or -1.
    func ancestor(of unit: Int32, at level: AdminLevel) -> Int32 {
        var u = unit
        while u >= 0 {
            if units[Int(u)].level == level { return u }
            if units[Int(u)].level < level { return -1 }
            u = units[Int(u)].parent
        }
        return -1
    }

    /// The villages of the county (or prefecture) `scope`, indexed on first use.
    func villages(under scope: Int32) -> VillageScope {
        villageCache.scope(scope) {
            var lists: [(town: Int32, bytes: ArraySlice<UInt8>)] = []
            for town in children[Int(scope)] where units[Int(town)].level == .town {
                if let range = villageRanges[town] { lists.append((town, villageBytes[range])) }
            }
            return VillageScope(lists: lists)
        }
    }
}

private func forEachLine(_ bytes: [UInt8], _ body: (ArraySlice<UInt8>) -> Void) {
    var start = 0
    while start < bytes.count {
        let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
        if end > start && bytes[start] != 0x23 { body(bytes[start..<end]) }
        start = end + 1
    }
}

/// Digits to a number; the codes of the gazetteer (-1 when empty).
private func number(_ bytes: ArraySlice<UInt8>) -> Int {
    guard !bytes.isEmpty else { return -1 }
    var n = 0
    for b in bytes where b >= 0x30 && b <= 0x39 { n = n * 10 + Int(b - 0x30) }
    return n
}

/// UTF-8 to scalar values without making a String (the gazetteer is valid UTF-8; anything else
/// decodes to U+FFFD).
func decodeUTF8(_ bytes: ArraySlice<UInt8>) -> [UInt32] {
    var out: [UInt32] = []
    out.reserveCapacity(bytes.count / 3 + 1)
    var i = bytes.startIndex
    let end = bytes.endIndex
    while i < end {
        let b0 = UInt32(bytes[i])
        if b0 < 0x80 {
            out.append(b0)
            i += 1
        } else if b0 >= 0xF0, i + 3 < end {
            out.append((b0 & 0x07) << 18 | (UInt32(bytes[i + 1]) & 0x3F) << 12 | (UInt32(bytes[i + 2]) & 0x3F) << 6 | (UInt32(bytes[i + 3]) & 0x3F))
            i += 4
        } else if b0 >= 0xE0, i + 2 < end {
            out.append((b0 & 0x0F) << 12 | (UInt32(bytes[i + 1]) & 0x3F) << 6 | (UInt32(bytes[i + 2]) & 0x3F))
            i += 3
        } else if b0 >= 0xC0, i + 1 < end {
            out.append((b0 & 0x1F) << 6 | (UInt32(bytes[i + 1]) & 0x3F))
            i += 2
        } else {
            out.append(0xFFFD)
            i += 1
        }
    }
    return out
}

private func fields(_ line: ArraySlice<UInt8>) -> [String] {
    line.split(separator: 0x09, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
}

/// Readings and components of characters (Resources/pinyin.tsv), parsed on first use.
final class CharacterTable: @unchecked Sendable {
    struct Table {
        /// Each reading as the hash of its letters.
        var readings: [UInt32: [UInt64]] = [:]
        var components: [UInt32: [UInt32]] = [:]
    }

    private let lock = NSLock()
    private let bytes: [UInt8]
    private var parsed: Table?

    init(bytes: [UInt8]) { self.bytes = bytes }

    var table: Table {
        lock.lock()
        defer { lock.unlock() }
        if let parsed { return parsed }
        var t = Table()
        t.readings.reserveCapacity(20_000)
        t.components.reserveCapacity(20_000)
        forEachLine(bytes) { line in
            let f = line.split(separator: 0x09, maxSplits: 2, omittingEmptySubsequences: false)
            guard f.count >= 2, let c = decodeUTF8(f[0]).first else { return }
            if f.count >= 3 { t.components[c] = decodeUTF8(f[2]) }
            t.readings[c] = f[1].split(separator: 0x2C).map { r in NameHash.of(r.map { UInt32($0) }).value }
        }
        parsed = t
        return t
    }
}
