/// What a new password must satisfy. Length is what matters against guessing (NIST SP 800-63B);
/// composition rules only make people write passwords down, so there are none.
public enum PasswordPolicy {
    public static let minLength = 8
    /// scrypt reads the whole password; an upper bound keeps one login from costing more than another.
    public static let maxLength = 128

    public static func validate(_ password: String, field: String = "password") throws(DomainError) {
        guard password.count >= minLength else { throw .invalid(field: field, "密码至少 \(minLength) 个字符") }
        guard password.count <= maxLength else { throw .invalid(field: field, "密码不能超过 \(maxLength) 个字符") }
    }
}
