import Crypto
import Foundation
import WangchaoCore
import WangchaoStore

/// A stable digest of a submission, to tell a retry from a different submission under the same
/// idempotency key or the same record id: SHA-256 of its JSON with sorted keys.
enum RequestDigest {
    static func of(_ submission: IntakeSubmission) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return SHA256.hex(of: try encoder.encode(submission))
    }
}
