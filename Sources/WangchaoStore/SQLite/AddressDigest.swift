import Crypto
import WangchaoCore

/// What the `cases` table keeps to find earlier cases at the same address: a SHA-256 digest of
/// the normalised address (``RepeatKeys/address(_:)``), fixed-size and indexable; `nil` for
/// addresses too vague to compare.
enum AddressDigest {
    static func of(_ address: String?) -> String? {
        guard let key = address.flatMap(RepeatKeys.address) else { return nil }
        return SHA256.hex(of: Array("wangchao.address:\(key)".utf8))
    }
}
