/// Phone numbers as departments write them: `138 1234 5678`, `138-1234-5678`, `＋86 13812345678`,
/// `0571-82345678`, `(0571)8234 5678`. Normalised to digits: a mobile is `1[3-9]` and 9 more
/// digits; a landline is an area code (0 and 2–3 digits) followed by 7–8 digits, written
/// `0571-82345678`.
public enum PhoneNumber {
    /// The normalised number, or why it is not one. `raw` may be full-width.
    public static func normalise(_ raw: String) -> Result<String, RegistryCheckFailure> {
        let text = TextCleaning.halfWidth(raw)
        var digits = ""
        for character in text {
            if character.isASCII && character.isNumber {
                digits.append(character)
            } else if " -()+\t".contains(character) {
                continue
            } else {
                return .failure(.init("电话含非法字符「\(character)」"))
            }
        }
        guard !digits.isEmpty else { return .failure(.init("电话为空")) }
        if digits.hasPrefix("86"), digits.count == 13 { digits.removeFirst(2) }
        if digits.hasPrefix("0086"), digits.count == 15 { digits.removeFirst(4) }
        let characters = Array(digits)
        if characters[0] == "1" {
            guard characters.count == 11, let second = characters[1].wholeNumberValue, second >= 3 else {
                return .failure(.init("手机号应为1[3-9]开头的11位数字"))
            }
            return .success(digits)
        }
        if characters[0] == "0", characters.count >= 2 {
            // Area codes: 010 and 02x are three digits, the rest four.
            let areaLength = characters[1] == "1" || characters[1] == "2" ? 3 : 4
            let local = characters.count - areaLength
            guard characters.count > areaLength, (7...8).contains(local) else {
                return .failure(.init("固定电话应为区号加7–8位号码"))
            }
            return .success(String(characters.prefix(areaLength)) + "-" + String(characters.dropFirst(areaLength)))
        }
        return .failure(.init("电话须为手机号或带区号的固定电话"))
    }
}
