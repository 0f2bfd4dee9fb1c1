/// A 64-bit FNV-1a hash over Unicode scalar values, built one scalar at a time.
///
/// The parser looks up every substring of an address that could start a name; hashing
/// incrementally avoids making a `String` for each of them, which is what keeps it fast.
/// Collisions between 64-bit hashes of the ~150,000 names are negligible.
@usableFromInline
struct NameHash: Hashable, Sendable {
    @usableFromInline var value: UInt64

    @inlinable init() { value = 0xcbf2_9ce4_8422_2325 }

    @inlinable init(raw: UInt64) { value = raw }

    /// Stands for "any one character" in the keys of the one-wrong-character indexes.
    @usableFromInline static let wildcard: UInt32 = 0xFFFF_FFFF

    @inlinable mutating func add(_ scalar: UInt32) {
        value = (value ^ UInt64(scalar)) &* 0x0000_0100_0000_01b3
    }

    @inlinable static func of<C: Collection>(_ scalars: C) -> NameHash where C.Element == UInt32 {
        var h = NameHash()
        for s in scalars { h.add(s) }
        return h
    }

    /// The hash of `scalars` with position `skip` replaced by the wildcard.
    @inlinable static func of(_ scalars: ArraySlice<UInt32>, wildcardAt skip: Int) -> NameHash {
        var h = NameHash()
        var i = 0
        for s in scalars {
            h.add(i == skip ? wildcard : s)
            i += 1
        }
        return h
    }
}

extension String {
    /// The string's Unicode scalar values, the unit the parser works in.
    var scalarValues: [UInt32] { unicodeScalars.map(\.value) }
}

extension Array where Element == UInt32 {
    var string: String {
        var s = String.UnicodeScalarView()
        for v in self { if let u = Unicode.Scalar(v) { s.append(u) } }
        return String(s)
    }
}

extension ArraySlice where Element == UInt32 {
    var string: String { Array(self).string }
}
