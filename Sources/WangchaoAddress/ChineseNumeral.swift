/// Chinese numerals as written in house numbers: 五 → 5, 二十 → 20, 九十二 → 92, 三〇一 → 301,
/// 一百零三 → 103. Digit-by-digit forms (三〇一) and positional forms (三百零一) both occur.
enum ChineseNumeral {
    static func digit(_ v: UInt32) -> Int? {
        switch v {
        case 0x3007, 0x96F6: return 0  // 〇 零
        case 0x4E00: return 1  // 一
        case 0x4E8C, 0x4E24: return 2  // 二 两
        case 0x4E09: return 3
        case 0x56DB: return 4
        case 0x4E94: return 5
        case 0x516D: return 6
        case 0x4E03: return 7
        case 0x516B: return 8
        case 0x4E5D: return 9
        default: return nil
        }
    }

    static func multiplier(_ v: UInt32) -> Int? {
        switch v {
        case 0x5341: return 10  // 十
        case 0x767E: return 100  // 百
        case 0x5343: return 1000  // 千
        default: return nil
        }
    }

    static func isNumeral(_ v: UInt32) -> Bool { digit(v) != nil || multiplier(v) != nil }

    /// The value of a run of numeral characters, or nil when the run is not a number.
    static func value(_ run: ArraySlice<UInt32>) -> Int? {
        guard !run.isEmpty, run.count <= 8 else { return nil }
        if !run.contains(where: { multiplier($0) != nil }) {
            var n = 0
            for v in run {
                guard let d = digit(v) else { return nil }
                n = n * 10 + d
            }
            return n
        }
        var total = 0
        var pending: Int?
        for v in run {
            if let d = digit(v) {
                pending = d
            } else if let m = multiplier(v) {
                total += (pending ?? 1) * m
                pending = nil
            }
        }
        return total + (pending ?? 0)
    }
}
