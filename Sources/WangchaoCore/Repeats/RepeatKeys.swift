/// The comparable forms of an address and a phone number, so that `湘湖路 100 号`,
/// `湘湖路１００号` and `湘湖路100号。` are the same address, and `138-0000-0000` the same
/// caller as `13800000000`.
public enum RepeatKeys {
    /// Addresses shorter than this without any digit are too vague to call the same matter
    /// (`萧山区城厢街道` names a whole street).
    static let vagueAddressLength = 10
    /// Numbers shorter than this (`110`, `12345`, extensions) are not one caller.
    static let minimumPhoneDigits = 7

    /// The address trimmed, full-width forms made half-width, Latin letters lower-cased, and
    /// whitespace, punctuation and symbols removed; `nil` when nothing specific is left.
    public static func address(_ text: String) -> String? {
        var key = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            var scalar = scalar
            if (0xFF01...0xFF5E).contains(scalar.value), let half = Unicode.Scalar(scalar.value - 0xFEE0) { scalar = half }
            if scalar.value == 0x3000 { continue }  // ideographic space
            let properties = scalar.properties
            if properties.isWhitespace { continue }
            switch properties.generalCategory {
            case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
                .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol,
                .control, .format:
                continue
            default:
                break
            }
            if scalar.isASCII, let lower = Unicode.Scalar(scalar.value | (properties.isUppercase ? 0x20 : 0)) {
                key.append(lower)
            } else {
                key.append(scalar)
            }
        }
        let result = String(key)
        guard !result.isEmpty else { return nil }
        let hasDigit = result.unicodeScalars.contains { $0.properties.numericType != nil }
        return hasDigit || result.count >= vagueAddressLength ? result : nil
    }

    /// The digits of a phone number (full-width digits too); `nil` when too short to name a caller.
    public static func caller(_ phone: String?) -> String? {
        guard let phone else { return nil }
        var digits = ""
        for scalar in phone.unicodeScalars {
            if ("0"..."9").contains(scalar) {
                digits.unicodeScalars.append(scalar)
            } else if (0xFF10...0xFF19).contains(scalar.value), let half = Unicode.Scalar(scalar.value - 0xFEE0) {
                digits.unicodeScalars.append(half)
            }
        }
        return digits.count >= minimumPhoneDigits ? digits : nil
    }
}
