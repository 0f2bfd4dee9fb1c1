/// An open-addressing table from name hashes to small integers.
///
/// The keys are already 64-bit FNV hashes, so re-hashing them through `Hasher` (SipHash) as a
/// `Dictionary` would is wasted work; on the parser's hot path that was a third of the time.
struct HashIndex: Sendable {
    private var keys: [UInt64]
    private var values: [Int32]
    private var mask: Int
    private(set) var count = 0

    init(minimumCapacity: Int = 16) {
        var capacity = 16
        while capacity < minimumCapacity * 2 { capacity <<= 1 }
        keys = [UInt64](repeating: 0, count: capacity)
        values = [Int32](repeating: 0, count: capacity)
        mask = capacity - 1
    }

    /// 0 marks an empty bucket, so a key of 0 is stored as 1 (a collision of no consequence).
    @inline(__always) private static func normal(_ key: NameHash) -> UInt64 { key.value == 0 ? 1 : key.value }

    @inline(__always) private func bucket(_ k: UInt64) -> Int { Int(truncatingIfNeeded: (k ^ (k >> 29)) & UInt64(mask)) }

    subscript(key: NameHash) -> Int32? {
        let k = Self.normal(key)
        var i = bucket(k)
        while true {
            let stored = keys[i]
            if stored == k { return values[i] }
            if stored == 0 { return nil }
            i = (i + 1) & mask
        }
    }

    mutating func set(_ key: NameHash, _ value: Int32) {
        if (count + 1) * 2 > keys.count { grow() }
        let k = Self.normal(key)
        var i = bucket(k)
        while true {
            let stored = keys[i]
            if stored == k {
                values[i] = value
                return
            }
            if stored == 0 {
                keys[i] = k
                values[i] = value
                count += 1
                return
            }
            i = (i + 1) & mask
        }
    }

    private mutating func grow() {
        let oldKeys = keys
        let oldValues = values
        keys = [UInt64](repeating: 0, count: oldKeys.count * 2)
        values = [Int32](repeating: 0, count: oldKeys.count * 2)
        mask = keys.count - 1
        count = 0
        for (i, k) in oldKeys.enumerated() where k != 0 {
            set(NameHash(raw: k), oldValues[i])
        }
    }
}

/// A hash index whose values are lists (several places share a name: 鼓楼区, 新华街道).
struct HashMultiIndex: Sendable {
    private var index: HashIndex
    private(set) var lists: [[Int32]] = []

    init(minimumCapacity: Int = 16) { index = HashIndex(minimumCapacity: minimumCapacity) }

    subscript(key: NameHash) -> [Int32]? {
        guard let slot = index[key] else { return nil }
        return lists[Int(slot)]
    }

    mutating func append(_ key: NameHash, _ value: Int32) {
        if let slot = index[key] {
            lists[Int(slot)].append(value)
        } else {
            index.set(key, Int32(lists.count))
            lists.append([value])
        }
    }
}
