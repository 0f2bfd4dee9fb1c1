/// The checks an imported identity number goes through (GB 11643-1999): 18 characters, 17
/// digits and a check character (ISO 7064 MOD 11-2), a real birth date; the old 15-digit form
/// (before 1999: two-digit year, no check character) is upgraded to 18.
extension IdentityNumber {
    /// A number that passed: the 18-character form, and whether it was upgraded from 15 digits
    /// or its check character was written in lower case.
    public struct Checked: Sendable, Equatable {
        public var number: String
        public var upgradedFrom15: Bool

        public init(number: String, upgradedFrom15: Bool) {
            self.number = number
            self.upgradedFrom15 = upgradedFrom15
        }
    }

    private static let checkWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    private static let checkAlphabet = Array("10X98765432")

    /// The check character for the first 17 digits.
    public static func checkCharacter(for seventeen: String) -> Character? {
        let digits = seventeen.compactMap(\.wholeNumberValue)
        guard digits.count == 17, seventeen.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return checkAlphabet[zip(digits, checkWeights).reduce(0) { $0 + $1.0 * $1.1 } % 11]
    }

    /// Checks `raw` (already trimmed and half-width): `.success` with the 18-character form, or
    /// `.failure` with the reason in Chinese.
    public static func check(_ raw: String) -> Result<Checked, RegistryCheckFailure> {
        let text = raw.uppercased()
        guard !text.isEmpty else { return .failure(.init("身份证号为空")) }
        let characters = Array(text)
        if characters.count == 15 {
            guard characters.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                return .failure(.init("15位身份证号须全为数字"))
            }
            let seventeen = String(characters.prefix(6)) + "19" + String(characters.suffix(9))
            guard birthDate(digits: String(seventeen.dropFirst(6).prefix(8))) != nil else {
                return .failure(.init("出生日期无效"))
            }
            return .success(Checked(number: seventeen + String(checkCharacter(for: seventeen)!), upgradedFrom15: true))
        }
        guard characters.count == 18 else { return .failure(.init("身份证号应为18位（现为\(characters.count)位）")) }
        let seventeen = String(characters.prefix(17))
        guard let expected = checkCharacter(for: seventeen), characters[17].isASCII,
            characters[17].isNumber || characters[17] == "X"
        else { return .failure(.init("身份证号前17位须为数字、末位为数字或X")) }
        guard characters[0] != "0" else { return .failure(.init("地区码无效")) }
        guard birthDate(digits: String(characters[6..<14])) != nil else { return .failure(.init("出生日期无效")) }
        guard characters[17] == expected else { return .failure(.init("校验位错误（应为\(expected)）")) }
        return .success(Checked(number: text, upgradedFrom15: false))
    }

    /// `yyyy-MM-dd` from a valid number's digits 7–14.
    public static func birthDate(of number: String) -> String? {
        guard number.count == 18 else { return nil }
        return birthDate(digits: String(Array(number)[6..<14]))
    }

    /// Odd 17th digit male, even female.
    public static func gender(of number: String) -> Gender? {
        guard number.count == 18, let digit = Array(number)[16].wholeNumberValue else { return nil }
        return digit % 2 == 1 ? .male : .female
    }

    /// `yyyyMMdd` → `yyyy-MM-dd` when it is a real date from 1900 to 2099.
    static func birthDate(digits: String) -> String? {
        guard digits.count == 8, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(digits) else { return nil }
        let (year, month, day) = (value / 10_000, value / 100 % 100, value % 100)
        guard (1900...2099).contains(year), CalendarDate.isValid(year: year, month: month, day: day) else { return nil }
        return CalendarDate.iso(year: year, month: month, day: day)
    }
}

/// Why a value failed a registry check, in Chinese (shown in the import report).
public struct RegistryCheckFailure: Error, Sendable, Equatable {
    public var reason: String

    public init(_ reason: String) {
        self.reason = reason
    }
}

/// Gregorian calendar arithmetic without Foundation's calendars (pure and fast).
public enum CalendarDate {
    public static func isValid(year: Int, month: Int, day: Int) -> Bool {
        guard (1...12).contains(month), day >= 1 else { return false }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= days[month - 1]
    }

    public static func iso(year: Int, month: Int, day: Int) -> String {
        func pad(_ n: Int, _ width: Int) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }
}
