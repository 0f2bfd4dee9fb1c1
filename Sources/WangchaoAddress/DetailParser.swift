/// Road, number, building, unit and room from the text after the last place name.
///
/// Markers decide the field (号 number; 幢/栋/座/号楼/#/#楼 building; 单元 unit; 室/房 room);
/// `3-2-301` is building-unit-room; an unmarked number is the house number when it comes first
/// and the room when it follows a building or unit. Chinese numerals count only before a marker,
/// so 三月坪 or 建设一路 stay names.
struct DetailParser {
    struct Detail {
        var road: String?
        var number: String?
        var building: String?
        var unit: String?
        var room: String?
    }

    private enum Field { case number, building, unit, room, none }

    static func parse(_ s: [UInt32], from start: Int, hasPlaceBefore: Bool) -> Detail {
        var d = Detail()
        var i = start
        let n = s.count
        while i < n && s[i] == TextNormalizer.space { i += 1 }
        // Road: the run of name characters up to its last 路/街/巷/道/弄.
        var runEnd = i
        while runEnd < n && TextNormalizer.isHan(s[runEnd]) { runEnd += 1 }
        var roadEnd = -1
        var k = runEnd - 1
        while k > i {
            if AdminMatcher.isRoadSuffix(s[k]) && !(s[k] == 0x9053 && k > 0 && s[k - 1] == 0x8857) {  // not 街道
                roadEnd = k + 1
                break
            }
            k -= 1
        }
        // A road is followed by its number (or the end): 靠近路口 is chatter, not a road.
        if roadEnd > i + 1 && (roadEnd == runEnd || ChineseNumeral.isNumeral(s[roadEnd])) {
            d.road = s[i..<roadEnd].string
            i = roadEnd
        }
        var dashParts: [String] = []
        while i < n {
            let v = s[i]
            var value: String
            var j: Int
            if TextNormalizer.isDigit(v) {
                j = i
                while j < n && TextNormalizer.isDigit(s[j]) { j += 1 }
                value = s[i..<j].map { String(UnicodeScalar(UInt8($0))) }.joined()
            } else if ChineseNumeral.isNumeral(v) {
                j = i
                while j < n && ChineseNumeral.isNumeral(s[j]) && j - i < 8 { j += 1 }
                guard field(at: j, in: s).field != .none, let number = ChineseNumeral.value(s[i..<j]) else {
                    i += 1
                    continue
                }
                value = String(number)
            } else {
                i += 1
                continue
            }
            if j < n && s[j] == 0x2D /* - */ && j + 1 < n && TextNormalizer.isDigit(s[j + 1]) {
                dashParts.append(value)
                i = j + 1
                continue
            }
            if !dashParts.isEmpty {
                dashParts.append(value)
                assignDash(dashParts, to: &d)
                dashParts = []
                i = j
                continue
            }
            let (f, length) = field(at: j, in: s)
            switch f {
            case .number:
                if d.number == nil && d.building == nil { d.number = value } else if d.building == nil { d.building = value }
            case .building: if d.building == nil { d.building = value }
            case .unit: if d.unit == nil { d.unit = value }
            case .room: if d.room == nil { d.room = value }
            case .none:
                if d.number == nil && d.building == nil && d.unit == nil && d.room == nil && hasPlaceBefore {
                    d.number = value
                } else if (d.building != nil || d.unit != nil) && d.room == nil {
                    d.room = value
                } else if d.number != nil && d.building == nil && d.room == nil {
                    d.room = value
                }
            }
            i = j + length
        }
        if !dashParts.isEmpty { assignDash(dashParts, to: &d) }
        return d
    }

    private static func assignDash(_ parts: [String], to d: inout Detail) {
        switch parts.count {
        case 2:
            d.building = d.building ?? parts[0]
            d.room = d.room ?? parts[1]
        default:
            d.building = d.building ?? parts[0]
            d.unit = d.unit ?? parts[1]
            d.room = d.room ?? parts[2]
        }
    }

    /// The field named by the marker at `j` and the marker's length.
    private static func field(at j: Int, in s: [UInt32]) -> (field: Field, length: Int) {
        guard j < s.count else { return (.none, 0) }
        let next: UInt32 = j + 1 < s.count ? s[j + 1] : 0
        switch s[j] {
        case 0x53F7:  // 号
            if next == 0x697C { return (.building, 2) }  // 号楼
            if next == 0x623F || next == 0x5BA4 { return (.room, 2) }  // 号房 号室
            return (.number, 1)
        case 0x23:  // #
            return (.building, next == 0x697C ? 2 : 1)
        case 0x5E62, 0x680B, 0x5EA7, 0x697C:  // 幢 栋 座 楼
            return (.building, 1)
        case 0x5355:  // 单
            return next == 0x5143 ? (.unit, 2) : (.none, 0)
        case 0x5BA4, 0x623F:  // 室 房
            return (.room, 1)
        default:
            return (.none, 0)
        }
    }
}
