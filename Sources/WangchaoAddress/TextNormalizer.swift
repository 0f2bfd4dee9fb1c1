/// Turns a typed line into the scalars the parser reads: full-width ASCII folded to ASCII
/// (１２３ → 123, ＃ → #), every kind of separator folded to one space, control characters and
/// brackets dropped. Output is capped so that a 5,000-character line costs no more than an address.
enum TextNormalizer {
    static let space: UInt32 = 0x20
    /// No real address is longer; whatever follows is chatter.
    static let maximumLength = 160

    static func normalize(_ text: String) -> [UInt32] {
        var out: [UInt32] = []
        out.reserveCapacity(min(text.unicodeScalars.count, maximumLength))
        for u in text.unicodeScalars {
            if out.count >= maximumLength { break }
            var v = u.value
            if v >= 0xFF01 && v <= 0xFF5E { v -= 0xFEE0 }  // full-width ASCII
            if v == 0x3000 { v = space }
            if isSeparator(v) || v < 0x20 || (v >= 0x7F && v < 0xA0) {
                if out.last != space && !out.isEmpty { out.append(space) }
                continue
            }
            out.append(v)
        }
        while out.last == space { out.removeLast() }
        return out
    }

    static func isSeparator(_ v: UInt32) -> Bool {
        switch v {
        case 0x20, 0x09, 0x2C, 0x3B, 0x3A, 0x2E, 0x2F, 0x5C, 0x7C,  // space tab , ; : . / \ |
            0x3001, 0x3002, 0xFF0C, 0xFF1B, 0xFF1A,  // 、 。 ， ； ：
            0x28, 0x29, 0xFF08, 0xFF09, 0x3010, 0x3011, 0x300C, 0x300D, 0x5B, 0x5D:  // brackets
            return true
        default:
            return false
        }
    }

    static func isDigit(_ v: UInt32) -> Bool { v >= 0x30 && v <= 0x39 }

    /// CJK unified ideographs, the characters names are made of.
    static func isHan(_ v: UInt32) -> Bool { (v >= 0x4E00 && v <= 0x9FFF) || (v >= 0x3400 && v <= 0x4DBF) || v == 0x3007 }
}
