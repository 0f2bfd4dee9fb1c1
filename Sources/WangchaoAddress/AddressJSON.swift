/// One JSON object per parsed line, written by hand: it is the command's output contract and the
/// hot path of a 50,000-lines-a-second stream, where a general encoder would dominate the cost.
extension ParsedAddress {
    public var jsonLine: String {
        var out = "{"
        out.reserveCapacity(text.utf8.count + 320)
        func key(_ k: String) {
            if out.utf8.count > 1 { out += "," }
            out += "\""
            out += k
            out += "\":"
        }
        func string(_ k: String, _ v: String?) {
            key(k)
            if let v { Self.appendQuoted(v, to: &out) } else { out += "null" }
        }
        string("text", text)
        string("province", province)
        string("city", city)
        string("district", district)
        string("town", town)
        string("village", village)
        string("road", road)
        string("number", number)
        string("building", building)
        string("unit", unit)
        string("room", room)
        string("district_code", districtCode)
        string("town_code", townCode)
        key("confidence")
        out += String(Double((confidence * 100).rounded()) / 100)
        key("inferred")
        Self.appendArray(inferred, to: &out)
        if !corrected.isEmpty {
            key("corrected")
            Self.appendArray(corrected, to: &out)
        }
        if ambiguous {
            key("ambiguous")
            out += "true"
            key("candidates")
            Self.appendArray(candidates, to: &out)
        }
        if !notes.isEmpty {
            key("notes")
            Self.appendArray(notes, to: &out)
        }
        out += "}"
        return out
    }

    static func appendArray(_ items: [String], to out: inout String) {
        out += "["
        for (i, item) in items.enumerated() {
            if i > 0 { out += "," }
            appendQuoted(item, to: &out)
        }
        out += "]"
    }

    /// JSON string escaping (RFC 8259): quote, backslash and every control character.
    static func appendQuoted(_ s: String, to out: inout String) {
        out += "\""
        var plain = true
        for u in s.utf8 where u < 0x20 || u == 0x22 || u == 0x5C {
            plain = false
            break
        }
        if plain {
            out += s
        } else {
            for u in s.unicodeScalars {
                switch u.value {
                case 0x22: out += "\\\""
                case 0x5C: out += "\\\\"
                case 0x0A: out += "\\n"
                case 0x0D: out += "\\r"
                case 0x09: out += "\\t"
                case 0..<0x20:
                    let hex = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                default: out.unicodeScalars.append(u)
                }
            }
        }
        out += "\""
    }
}
