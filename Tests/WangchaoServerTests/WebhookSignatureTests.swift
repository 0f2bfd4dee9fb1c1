import Crypto
import Foundation
import Testing

@testable import WangchaoServer

@Suite struct WebhookSignatureTests {
    let secret = "whsec_test-vector-secret"
    let timestamp = "1764140000"
    let body = Data(#"{"id":"c1:2:case.transition"}"#.utf8)

    @Test("the signature is sha256= and the hex HMAC-SHA256 over \"<timestamp>.<body>\"")
    func knownVector() {
        let signature = WebhookSignature.sign(body: body, timestamp: timestamp, secret: secret)
        // Computed outside Swift (Python hmac) …
        #expect(signature == "sha256=2b9c919ead024b31ddda82bebedcef9c32148b81fce6f9e5ed4428297bb8eb95")
        // … and again here with swift-crypto, from the documented recipe.
        let mac = HMAC<SHA256>.authenticationCode(
            for: Data((timestamp + ".").utf8) + body, using: SymmetricKey(data: Data(secret.utf8)))
        #expect(signature == "sha256=" + mac.map { String(format: "%02x", $0) }.joined())
    }

    @Test("a tampered body, timestamp or secret fails verification")
    func tampering() {
        let signature = WebhookSignature.sign(body: body, timestamp: timestamp, secret: secret)
        #expect(WebhookSignature.verify(signature, body: body, timestamp: timestamp, secret: secret))
        #expect(!WebhookSignature.verify(signature, body: Data(#"{"id":"c1:3:case.transition"}"#.utf8), timestamp: timestamp, secret: secret))
        #expect(!WebhookSignature.verify(signature, body: body, timestamp: "1764140001", secret: secret))
        #expect(!WebhookSignature.verify(signature, body: body, timestamp: timestamp, secret: secret + "x"))
        #expect(!WebhookSignature.verify("sha256=" + String(repeating: "0", count: 64), body: body, timestamp: timestamp, secret: secret))
        #expect(WebhookSignature.generateSecret().hasPrefix("whsec_"))
        #expect(WebhookSignature.generateSecret() != WebhookSignature.generateSecret())
    }
}
