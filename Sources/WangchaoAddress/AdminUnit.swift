/// The four administrative levels of the MCA division list.
public enum AdminLevel: Int, Sendable, Comparable {
    case province = 1, prefecture, county, town

    public static func < (a: AdminLevel, b: AdminLevel) -> Bool { a.rawValue < b.rawValue }
}

/// One division of the gazetteer. Parents are indexes into `Gazetteer.units`, -1 for none.
struct AdminUnit: Sendable {
    let code: String
    let name: String
    let level: AdminLevel
    let parent: Int32
    /// Where a town used to belong, for transfers people still write (萧山区义蓬街道 → 钱塘区).
    let formerParent: Int32
}

/// How a name in the text stood for a unit: its full name, a short form, or a former name.
enum NameKind: UInt8, Sendable {
    case full, short, former
}

struct NameHit: Sendable {
    let unit: Int32
    let kind: NameKind
}
