import Crypto
import Foundation
import WangchaoCore
import WangchaoServices

/// The `X-Wangchao-Signature` of a webhook: `sha256=` and the lowercase hex HMAC-SHA256, keyed
/// with the subscription's secret, over `"<timestamp>.<body>"` (the `X-Wangchao-Timestamp`
/// value, a dot, the exact body bytes). Binding the timestamp lets a subscriber refuse replays
/// of an old body.
public enum WebhookSignature {
    public static let prefix = "sha256="

    public static func sign(body: some DataProtocol, timestamp: String, secret: String) -> String {
        var message = Data(timestamp.utf8)
        message.append(UInt8(ascii: "."))
        message.append(contentsOf: body)
        let mac = HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: Data(secret.utf8)))
        return prefix + mac.map { String(format: "%02x", $0) }.joined()
    }

    /// Whether `signature` is the one `sign` makes; compared in constant time.
    public static func verify(_ signature: String, body: some DataProtocol, timestamp: String, secret: String) -> Bool {
        ConstantTime.equal(signature, sign(body: body, timestamp: timestamp, secret: secret))
    }

    /// A fresh secret for a subscription that did not bring one: `whsec_` and 43 URL-safe characters.
    public static func generateSecret() -> String { "whsec_" + SessionToken.generate() }
}
