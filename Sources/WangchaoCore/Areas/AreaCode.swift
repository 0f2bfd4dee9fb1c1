/// Rules for area codes: the MCA's 6-digit county and 9-digit town codes (GB/T 2260), and below
/// them three more digits per level, appended to the parent's code.
public enum AreaCode {
    /// Whether `code` may name an area of `level` whose parent has `parentCode`.
    ///
    /// A district has a 6-digit code and no parent rule; every other level appends exactly three
    /// digits to its parent's code.
    public static func isValid(_ code: String, level: AreaLevel, parentCode: String?) -> Bool {
        guard !code.isEmpty, code.allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
        if level == .district { return code.count == 6 }
        guard let parentCode else { return false }
        return code.count == parentCode.count + 3 && code.hasPrefix(parentCode)
    }

    /// Whether the area `code` lies in the subtree rooted at `ancestor` (itself included).
    ///
    /// Codes are hierarchical, so containment is a prefix test.
    public static func isWithin(_ code: String, _ ancestor: String) -> Bool {
        code.hasPrefix(ancestor)
    }

    /// The smallest text greater than every code in the subtree of `ancestor`: a store asks for
    /// `code >= ancestor AND code < subtreeEnd(ancestor)`, which an index on the code answers as
    /// one range (digits sort before `:`).
    public static func subtreeEnd(_ ancestor: String) -> String {
        ancestor + ":"
    }
}
