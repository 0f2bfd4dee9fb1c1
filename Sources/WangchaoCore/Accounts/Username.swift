/// The rules for login names, shared by `wangchao user add` and the admin API so both refuse
/// the same names with the same message.
public enum Username {
    public static let maxLength = 64

    /// ASCII letters, digits and `. _ -`, 1 to 64 characters: safe in URLs, logs and shells.
    public static func validate(_ username: String, field: String = "username") throws(DomainError) {
        guard !username.isEmpty, username.count <= maxLength,
            username.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) })
        else { throw .invalid(field: field, "用户名只能包含 ASCII 字母、数字和 . _ -，最长 \(maxLength) 个字符") }
    }
}
