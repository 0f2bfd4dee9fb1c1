import Crypto
import Foundation
import WangchaoStore

/// The secrets handed to clients: 32 random bytes, URL-safe base64 (43 characters).
///
/// The server keeps only ``hash(_:)`` (SHA-256, hex): a token has 256 bits of entropy, so an
/// unsalted fast hash is enough, and a look-up by hash is one index probe.
public enum SessionToken {
    /// A fresh random token.
    public static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// The stored form of `token`.
    public static func hash(_ token: String) -> String {
        SHA256.hex(of: Data(token.utf8))
    }

    /// Longer presented tokens are refused without hashing.
    public static let maxLength = 256
}
