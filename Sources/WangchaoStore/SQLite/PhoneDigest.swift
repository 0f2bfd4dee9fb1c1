import Crypto

/// What the `cases` table keeps to find a reporter's cases by phone: a SHA-256 digest of the
/// number's digits, not the number. The number itself is stored once, in the case; the
/// digest lets `reporterPhone=` use an index, and `138-0000-0000` find `13800000000`.
enum PhoneDigest {
    static func of(_ phone: String?) -> String? {
        guard let digits = phone?.filter({ $0.isASCII && $0.isNumber }), !digits.isEmpty else { return nil }
        return SHA256.hex(of: Array("wangchao.phone:\(digits)".utf8))
    }
}
