/// The unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from a
/// 31-character alphabet (digits and capitals without I, O, Z, S, V): registering authority,
/// kind, 6-digit region code, 9-character organisation code, and a check character
/// (weighted sum mod 31).
public enum CreditCode {
    public static let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
    static let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
    private static let values: [Character: Int] = Dictionary(uniqueKeysWithValues: alphabet.enumerated().map { ($1, $0) })

    /// The check character for the first 17 characters, nil when one is outside the alphabet.
    public static func checkCharacter(for seventeen: String) -> Character? {
        let characters = Array(seventeen)
        guard characters.count == 17 else { return nil }
        var sum = 0
        for (character, weight) in zip(characters, weights) {
            guard let value = values[character] else { return nil }
            sum += value * weight
        }
        return alphabet[(31 - sum % 31) % 31]
    }

    /// The upper-cased code, or why it is not one.
    public static func check(_ raw: String) -> Result<String, RegistryCheckFailure> {
        let code = raw.uppercased()
        let characters = Array(code)
        guard !code.isEmpty else { return .failure(.init("统一社会信用代码为空")) }
        guard characters.count == 18 else { return .failure(.init("统一社会信用代码应为18位（现为\(characters.count)位）")) }
        if let bad = characters.first(where: { values[$0] == nil }) {
            return .failure(.init("含非法字符「\(bad)」（不用 I、O、Z、S、V）"))
        }
        guard characters[2..<8].allSatisfy({ $0.isASCII && $0.isNumber }) else {
            return .failure(.init("第3–8位行政区划码须为数字"))
        }
        let expected = checkCharacter(for: String(characters.prefix(17)))!
        guard characters[17] == expected else { return .failure(.init("校验位错误（应为\(expected)）")) }
        return .success(code)
    }

    public static func isValid(_ code: String) -> Bool {
        if case .success = check(code) { return true }
        return false
    }
}
