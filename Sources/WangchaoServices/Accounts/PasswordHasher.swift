import WangchaoCore
import Crypto
import Foundation
import NIOPosix
import _CryptoExtras

/// Hashes and checks passwords with scrypt, stored in a self-describing string:
///
/// ```
/// $scrypt$ln=15,r=8,p=1$<salt, base64>$<hash, base64>
/// ```
///
/// scrypt is memory-hard, so guessing on GPUs costs far more than with bcrypt, and it ships with
/// swift-crypto (BoringSSL), so no extra dependency. Salts are 16 random bytes, hashes 32 bytes.
/// The work runs on NIO's blocking thread pool, never on Swift's cooperative threads, which a
/// 60 ms hash would otherwise hold up.
public struct PasswordHasher: Sendable {
    public let parameters: ScryptParameters

    static let prefix = "$scrypt$"
    static let saltBytes = 16
    static let hashBytes = 32

    public init(parameters: ScryptParameters = .production) {
        self.parameters = parameters
    }

    /// A new hash of `password` with a fresh salt and this hasher's parameters.
    public func hash(_ password: String) async throws -> String {
        try await NIOThreadPool.singleton.runIfActive { try hashNow(password) }
    }

    /// Whether `password` matches `stored`; `false` for a stored string this code cannot read.
    /// The comparison takes the same time wherever the first differing byte is.
    public func verify(_ password: String, against stored: String) async -> Bool {
        (try? await NIOThreadPool.singleton.runIfActive { verifyNow(password, against: stored) }) ?? false
    }

    /// Spends the time of one verification, for unknown users, so response times do not tell
    /// which usernames exist.
    public func spendVerificationTime(_ password: String) async {
        _ = try? await NIOThreadPool.singleton.runIfActive { try derive(password, salt: Data(count: Self.saltBytes), parameters) }
    }

    /// Whether `stored` was made with other parameters than this hasher's (and should be
    /// replaced by a fresh hash once the password is known to be right).
    public func needsRehash(_ stored: String) -> Bool {
        Self.parse(stored)?.parameters != parameters
    }

    /// The synchronous hash, for command-line tools and measurements.
    public func hashNow(_ password: String) throws -> String {
        var salt = Data(count: Self.saltBytes)
        var generator = SystemRandomNumberGenerator()
        for index in salt.indices { salt[index] = UInt8.random(in: .min ... .max, using: &generator) }
        let derived = try derive(password, salt: salt, parameters)
        return Self.prefix + parameters.description + "$" + Self.base64(salt) + "$" + Self.base64(derived)
    }

    func verifyNow(_ password: String, against stored: String) -> Bool {
        guard let parsed = Self.parse(stored),
            let derived = try? derive(password, salt: parsed.salt, parsed.parameters, byteCount: parsed.hash.count)
        else { return false }
        return ConstantTime.equal(derived, parsed.hash)
    }

    private func derive(
        _ password: String, salt: Data, _ parameters: ScryptParameters, byteCount: Int = hashBytes
    ) throws -> Data {
        let key = try KDF.Scrypt.deriveKey(
            from: Data(password.utf8), salt: salt, outputByteCount: byteCount, rounds: 1 << parameters.logN,
            blockSize: parameters.r, parallelism: parameters.p)
        return key.withUnsafeBytes { Data($0) }
    }

    /// The parts of a stored hash, or `nil` when it is not one this code wrote.
    static func parse(_ stored: String) -> (parameters: ScryptParameters, salt: Data, hash: Data)? {
        guard stored.hasPrefix(prefix) else { return nil }
        let parts = stored.dropFirst(prefix.count).split(separator: "$", omittingEmptySubsequences: false)
        guard parts.count == 3, let parameters = ScryptParameters(stored: parts[0]), parameters.isAcceptable,
            let salt = unbase64(parts[1]), salt.count >= 8, let hash = unbase64(parts[2]), (16...64).contains(hash.count)
        else { return nil }
        return (parameters, salt, hash)
    }

    /// Standard base64 without padding, as in the PHC string format.
    static func base64(_ data: Data) -> String {
        String(data.base64EncodedString().prefix { $0 != "=" })
    }

    static func unbase64(_ text: Substring) -> Data? {
        let padded = String(text) + String(repeating: "=", count: (4 - text.count % 4) % 4)
        return Data(base64Encoded: padded)
    }
}
