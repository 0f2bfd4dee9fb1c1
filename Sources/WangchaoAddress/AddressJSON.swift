/// One JSON object per parsed line, written by hand as UTF-8 bytes: it is the command's output
/// contract and the hot path of a 50,000-lines-a-second stream, where a general encoder (or
/// building a `String` first) would dominate the cost.
extension ParsedAddress {
    public var jsonLine: String {
        var bytes: [UInt8] = []
        appendJSON(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the object (without a newline) to `out`.
    public func appendJSON(to out: inout [UInt8]) {
        var first = true
        func key(_ k: StaticString) {
            out.append(first ? UInt8(ascii: "{") : UInt8(ascii: ","))
            first = false
            out.append(UInt8(ascii: "\""))
            k.withUTF8Buffer { out.append(contentsOf: $0) }
            out.append(UInt8(ascii: "\""))
            out.append(UInt8(ascii: ":"))
        }
        func string(_ k: StaticString, _ v: String?) {
            key(k)
            if let v { Self.appendQuoted(v, to: &out) } else { out.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C]) }
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
        out.append(contentsOf: String(Double((confidence * 100).rounded()) / 100).utf8)
        key("inferred")
        Self.appendArray(inferred, to: &out)
        if !corrected.isEmpty {
            key("corrected")
            Self.appendArray(corrected, to: &out)
        }
        if ambiguous {
            key("ambiguous")
            out.append(contentsOf: [0x74, 0x72, 0x75, 0x65])
            key("candidates")
            Self.appendArray(candidates, to: &out)
        }
        if !notes.isEmpty {
            key("notes")
            Self.appendArray(notes, to: &out)
        }
        out.append(UInt8(ascii: "}"))
    }

    static func appendArray(_ items: [String], to out: inout [UInt8]) {
        out.append(UInt8(ascii: "["))
        for (i, item) in items.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            appendQuoted(item, to: &out)
        }
        out.append(UInt8(ascii: "]"))
    }

    /// JSON string escaping (RFC 8259): quote, backslash and every control character. The input
    /// is a Swift string, so its UTF-8 is valid.
    static func appendQuoted(_ s: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for u in s.utf8 {
            switch u {
            case 0x22: out.append(contentsOf: [0x5C, 0x22])
            case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: out.append(contentsOf: [0x5C, 0x6E])
            case 0x0D: out.append(contentsOf: [0x5C, 0x72])
            case 0x09: out.append(contentsOf: [0x5C, 0x74])
            case 0..<0x20:
                let hex: [UInt8] = Array("0123456789abcdef".utf8)
                out.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(u >> 4)], hex[Int(u & 0xF)]])
            default: out.append(u)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
