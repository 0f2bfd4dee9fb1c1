import Crypto
import Foundation

extension SHA256 {
    /// The digest of `data` as 64 lowercase hex characters, the form every digest is stored in
    /// (attachment names, idempotency hashes, audit chain, phone lookups, session tokens).
    public static func hex(of data: some DataProtocol) -> String {
        hash(data: data).hexString
    }
}

extension SHA256Digest {
    /// 64 lowercase hex characters.
    public var hexString: String { map { String(format: "%02x", $0) }.joined() }
}
