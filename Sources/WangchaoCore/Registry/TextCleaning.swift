/// Character-level cleaning of imported cells.
public enum TextCleaning {
    /// Full-width digits, letters, code symbols and the ideographic space to their half-width
    /// forms: `１３８` → `138`, `Ｘ` → `X`. Chinese characters and punctuation such as `，` stay.
    public static func halfWidth(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isFullWidth) else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.value == 0x3000 {
                scalars.append(" ")
            } else if isFullWidth(scalar), let half = Unicode.Scalar(scalar.value - 0xFEE0) {
                scalars.append(half)
            } else {
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    /// Full-width digits, letters and the symbols of codes and numbers (`－＋（）＃．／＠＿`);
    /// Chinese punctuation (`，；：！？`) is the right form in Chinese text and stays.
    static func isFullWidth(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3000, 0xFF10...0xFF19, 0xFF21...0xFF3A, 0xFF41...0xFF5A: true
        case 0xFF0D, 0xFF0B, 0xFF08, 0xFF09, 0xFF03, 0xFF0E, 0xFF0F, 0xFF20, 0xFF3F: true
        default: false
        }
    }
}

/// Masks for the holographic view and registry answers: identity numbers keep the region
/// (first six) and last four (`330109********1234`), phones the first three and last four.
public enum RegistryMasking {
    public static func identityNumber(_ number: String) -> String {
        PersonalData.mask(number, keepFirst: 6, keepLast: 4)
    }

    /// `13812345678` → `138****5678`; a landline keeps its area code: `0571-****5678`.
    public static func phone(_ phone: String) -> String {
        if let dash = phone.firstIndex(of: "-") {
            let local = phone[phone.index(after: dash)...]
            return String(phone[...dash]) + String(repeating: "*", count: max(0, local.count - 4)) + String(local.suffix(4))
        }
        return PersonalData.maskPhone(phone)
    }
}
