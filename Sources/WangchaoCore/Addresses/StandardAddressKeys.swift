/// The integer keys standard addresses are indexed by, computed the same way when saving and
/// when matching, so that a lookup is one probe of an 8-byte index instead of a scan or a
/// composite text index per level.
///
/// A key is a 64-bit FNV-1a hash of its parts; a collision only adds a candidate, which the
/// matcher's scoring then rejects, so keys need not be unique.
public enum StandardAddressKeys {
    /// The door: district, place (road, or village when there is no road) and house number.
    /// The town is left out on purpose: a query with the town omitted or misread still finds it.
    public static func door(districtCode: String, place: String, number: String) -> Int64 {
        hash([districtCode, place, number])
    }

    /// The digest of a full text with spaces removed, for exact look-ups of a standard text.
    public static func textDigest(_ text: String) -> Int64 {
        hash([String(text.unicodeScalars.filter { !$0.properties.isWhitespace })])
    }

    static func hash(_ parts: [String]) -> Int64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for (i, part) in parts.enumerated() {
            if i > 0 { h = (h ^ 0x1F) &* 0x0000_0100_0000_01b3 }
            for byte in part.utf8 { h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        }
        return Int64(bitPattern: h)
    }
}

/// One look-up of ``CaseStore/standardAddressCandidates(_:limit:)``: the addresses at a door,
/// narrowed by whichever of building, unit and room are given (nil: any), or the one whose
/// text has a digest.
public enum StandardAddressProbe: Sendable, Hashable {
    case door(key: Int64, building: String?, unit: String?, room: String?)
    case textDigest(Int64)
}
