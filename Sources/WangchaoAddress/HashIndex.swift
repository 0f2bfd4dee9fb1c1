/// An open-addressing table from name hashes to small integers.
///
/// The keys are already 64-bit FNV hashes, so re-hashing them through `Hasher` (SipHash) as a
/// `Dictionary` would is wasted work. Each bucket packs the hash's upper 40 bits with a 24-bit
/// value into one word, so a probe costs one cache line: with 300,000 names and prefixes the
/// table is far larger than the cache, and the parser's time was its cache misses. A false hit
/// on 40 bits happens about once in 10^7 lookups and at worst adds a stray mention that no
/// chain accepts.
struct HashIndex: Sendable {
    private var slots: [UInt64]
    private var mask: Int
    private(set) var count = 0
    private static let valueBits: UInt64 = 24
    private static let valueMask: UInt64 = (1 << 24) - 1
    private static let valueBias: Int64 = 1 << 23

    init(minimumCapacity: Int = 16) {
        var capacity = 16
        while capacity < minimumCapacity * 3 / 2 { capacity <<= 1 }
        slots = [UInt64](repeating: 0, count: capacity)
        mask = capacity - 1
    }

    /// The stored tag: the hash's upper 40 bits, never 0 (0 marks an empty bucket).
    @inline(__always) private static func tag(_ key: NameHash) -> UInt64 {
        // FNV's upper bits mix the last characters poorly; a MurmurHash3 finaliser spreads them.
        var k = key.value
        k ^= k >> 33
        k &*= 0xff51_afd7_ed55_8ccd
        k ^= k >> 33
        k &*= 0xc4ce_b9fe_1a85_ec53
        k ^= k >> 33
        let t = k & ~valueMask
        return t == 0 ? 1 << valueBits : t
    }

    /// Buckets come from the tag's bits, so that growing can re-place packed entries.
    @inline(__always) private func bucket(_ tag: UInt64) -> Int { Int(truncatingIfNeeded: (tag >> Self.valueBits) & UInt64(mask)) }

    subscript(key: NameHash) -> Int32? {
        let t = Self.tag(key)
        var i = bucket(t)
        while true {
            let stored = slots[i]
            if stored & ~Self.valueMask == t { return Int32(Int64(stored & Self.valueMask) - Self.valueBias) }
            if stored == 0 { return nil }
            i = (i + 1) & mask
        }
    }

    mutating func set(_ key: NameHash, _ value: Int32) {
        if (count + 1) * 3 > slots.count * 2 { grow() }
        let t = Self.tag(key)
        let packed = t | UInt64(Int64(value) + Self.valueBias) & Self.valueMask
        var i = bucket(t)
        while true {
            let stored = slots[i]
            if stored & ~Self.valueMask == t {
                slots[i] = packed
                return
            }
            if stored == 0 {
                slots[i] = packed
                count += 1
                return
            }
            i = (i + 1) & mask
        }
    }

    private mutating func grow() {
        let old = slots
        slots = [UInt64](repeating: 0, count: old.count * 2)
        mask = slots.count - 1
        for stored in old where stored != 0 {
            var i = bucket(stored & ~Self.valueMask)
            while slots[i] != 0 { i = (i + 1) & mask }
            slots[i] = stored
        }
    }
}

/// A hash index whose values are lists (several places share a name: 鼓楼区, 新华街道). A key
/// with one value, by far the common case, stores it inline and allocates nothing.
struct HashMultiIndex: Sendable {
    private var index: HashIndex
    private var lists: [[Int32]] = []

    init(minimumCapacity: Int = 16) { index = HashIndex(minimumCapacity: minimumCapacity) }

    subscript(key: NameHash) -> [Int32]? {
        guard let v = index[key] else { return nil }
        return v >= 0 ? [v] : lists[Int(-v - 1)]
    }

    mutating func append(_ key: NameHash, _ value: Int32) {
        guard let v = index[key] else {
            index.set(key, value)
            return
        }
        if v >= 0 {
            index.set(key, -Int32(lists.count) - 1)
            lists.append([v, value])
        } else {
            lists[Int(-v - 1)].append(value)
        }
    }
}
