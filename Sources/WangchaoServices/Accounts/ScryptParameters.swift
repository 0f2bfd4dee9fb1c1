/// The cost of one scrypt password hash: N = 2^`logN` rounds, block size `r`, parallelism `p`;
/// memory is 128·N·r bytes.
///
/// Every stored hash names its own parameters, so the defaults can rise later: old hashes still
/// verify, and each is upgraded the next time its owner signs in.
public struct ScryptParameters: Sendable, Equatable, CustomStringConvertible {
    public var logN: Int
    public var r: Int
    public var p: Int

    public init(logN: Int, r: Int, p: Int) {
        self.logN = logN
        self.r = r
        self.p = p
    }

    /// N = 2^15, r = 8, p = 1: 32 MiB and about 105 ms per hash (median of 9, 100–116 ms; N = 2^16
    /// takes 237 ms) in a release build on this project's 2-core build machine, the usual
    /// interactive sign-in setting (RFC 7914 §2, OWASP). Measure a machine with
    /// `wangchao user hash-cost`; a debug build is about 8 times slower.
    public static let production = ScryptParameters(logN: 15, r: 8, p: 1)

    /// N = 16, r = 1, p = 1: the real algorithm at almost no cost.
    /// - warning: For tests only; such hashes are trivial to brute-force.
    public static let cheapForTests = ScryptParameters(logN: 4, r: 1, p: 1)

    /// Limits on parameters read back from the database, so a tampered row cannot make one
    /// sign-in take gigabytes or minutes.
    static let acceptedLogN = 1...20
    static let acceptedR = 1...32
    static let acceptedP = 1...16

    var isAcceptable: Bool {
        Self.acceptedLogN.contains(logN) && Self.acceptedR.contains(r) && Self.acceptedP.contains(p)
    }

    /// As stored: `ln=15,r=8,p=1`.
    public var description: String { "ln=\(logN),r=\(r),p=\(p)" }

    /// Reads the textual form (`ln=15,r=8,p=1`), e.g. from `WANGCHAO_SCRYPT`; `nil` when it is
    /// malformed or outside the accepted limits.
    public init?(text: String) {
        guard let parsed = ScryptParameters(stored: Substring(text)), parsed.isAcceptable else { return nil }
        self = parsed
    }

    /// Reads the stored form back; `nil` for anything else.
    init?(stored text: Substring) {
        var values: [Substring: Int] = [:]
        for pair in text.split(separator: ",") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, let value = Int(parts[1]) else { return nil }
            values[parts[0]] = value
        }
        guard values.count == 3, let logN = values["ln"], let r = values["r"], let p = values["p"] else { return nil }
        self.init(logN: logN, r: r, p: p)
    }
}
