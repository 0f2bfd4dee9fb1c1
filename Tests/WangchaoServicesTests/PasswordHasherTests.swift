import Foundation
import Testing
import WangchaoServices

/// scrypt hashes: self-describing, salted, verified in constant time, upgradable.
@Suite("Password hashes")
struct PasswordHasherTests {
    let hasher = PasswordHasher(parameters: .cheapForTests)

    @Test("a hash names its algorithm and parameters, and verifies only its own password")
    func roundTrip() async throws {
        let stored = try await hasher.hash("正确的密码 correct horse")
        #expect(stored.hasPrefix("$scrypt$ln=4,r=1,p=1$"))
        #expect(stored.split(separator: "$").count == 4)
        #expect(await hasher.verify("正确的密码 correct horse", against: stored))
        #expect(await !hasher.verify("正确的密码 correct hors", against: stored))
        #expect(await !hasher.verify("", against: stored))
    }

    @Test("two hashes of one password differ (fresh salt) and both verify")
    func salted() async throws {
        let first = try await hasher.hash("wangchao-demo")
        let second = try await hasher.hash("wangchao-demo")
        #expect(first != second)
        #expect(await hasher.verify("wangchao-demo", against: first))
        #expect(await hasher.verify("wangchao-demo", against: second))
    }

    @Test("a hash made with other parameters still verifies, and asks to be upgraded")
    func otherParameters() async throws {
        let older = try await PasswordHasher(parameters: .init(logN: 3, r: 2, p: 1)).hash("wangchao-demo")
        #expect(await hasher.verify("wangchao-demo", against: older))
        #expect(hasher.needsRehash(older))
        #expect(!hasher.needsRehash(try await hasher.hash("wangchao-demo")))
    }

    @Test("tampered, foreign or absurd stored strings never verify")
    func malformed() async throws {
        let stored = try await hasher.hash("wangchao-demo")
        var parts = stored.split(separator: "$", omittingEmptySubsequences: false).map(String.init)
        parts[4] = String(parts[4].reversed())
        let candidates = [
            parts.joined(separator: "$"), "", "wangchao-demo", "$2b$12$abcdefghijklmnopqrstuv",
            stored.replacingOccurrences(of: "ln=4", with: "ln=40"),
            stored.replacingOccurrences(of: "ln=4", with: "ln=x"),
            String(stored.dropLast(3)) + "!!!",
        ]
        for candidate in candidates {
            #expect(await !hasher.verify("wangchao-demo", against: candidate), "\(candidate)")
        }
    }

    @Test("parameters read from text within limits only")
    func parametersText() {
        #expect(ScryptParameters(text: "ln=15,r=8,p=1") == .production)
        #expect(ScryptParameters(text: "ln=15,r=8") == nil)
        #expect(ScryptParameters(text: "ln=30,r=8,p=1") == nil)
        #expect(ScryptParameters(text: "n=15,r=8,p=1") == nil)
    }
}
