import Crypto
import Foundation

/// One row of the audit trail (`audit_log`): who did what, when, from where, on what.
///
/// Rows form a hash chain: each carries the previous row's hash and its own, computed over its
/// fields and the previous hash, so that changing or deleting any row breaks the chain at that
/// row (``AuditVerification``). The table itself refuses UPDATE and DELETE.
public struct AuditEntry: Sendable, Equatable, Codable {
    /// 1, 2, 3 … without gaps.
    public var seq: Int64
    public var at: Date
    public var actor: String
    public var role: String?
    public var clientAddress: String?
    public var action: String
    /// What the action changed or read (a case id, a username …).
    public var target: String?
    /// Details that matter for review, e.g. which personal field was revealed and why.
    public var detail: String?
    public var previousHash: String
    public var hash: String

    public init(
        seq: Int64, at: Date, actor: String, role: String?, clientAddress: String?, action: String, target: String?,
        detail: String?, previousHash: String, hash: String
    ) {
        self.seq = seq
        self.at = at
        self.actor = actor
        self.role = role
        self.clientAddress = clientAddress
        self.action = action
        self.target = target
        self.detail = detail
        self.previousHash = previousHash
        self.hash = hash
    }

    /// The previous hash of the first row.
    public static let genesisHash = String(repeating: "0", count: 64)

    /// The hash of a row with these fields, chained to `previousHash`: SHA-256 over the fields
    /// in a fixed order, each prefixed by its UTF-8 length so no two rows encode alike.
    public static func chainHash(
        seq: Int64, at: Date, actor: String, role: String?, clientAddress: String?, action: String, target: String?,
        detail: String?, previousHash: String
    ) -> String {
        var hasher = SHA256()
        let millis = Int64((at.timeIntervalSince1970 * 1000).rounded())
        for field in [String(seq), String(millis), actor, role, clientAddress, action, target, detail, previousHash] {
            let bytes = Array((field ?? "").utf8)
            hasher.update(data: Array("\(field == nil ? -1 : bytes.count):".utf8))
            hasher.update(data: bytes)
        }
        return hasher.finalize().hexString
    }

    /// The hash this row should carry, recomputed from its fields.
    public var expectedHash: String {
        Self.chainHash(
            seq: seq, at: at, actor: actor, role: role, clientAddress: clientAddress, action: action, target: target,
            detail: detail, previousHash: previousHash)
    }
}

/// The outcome of checking the whole chain (`wangchao audit verify`).
public struct AuditVerification: Sendable, Equatable {
    /// A row that breaks the chain, and how.
    public struct Break: Sendable, Equatable {
        public var seq: Int64
        public var reason: String

        public init(seq: Int64, reason: String) {
            self.seq = seq
            self.reason = reason
        }
    }

    public var rowsChecked: Int
    /// The first row that breaks the chain; `nil` when the chain is intact.
    public var firstBreak: Break?

    public var isIntact: Bool { firstBreak == nil }

    public init(rowsChecked: Int, firstBreak: Break?) {
        self.rowsChecked = rowsChecked
        self.firstBreak = firstBreak
    }
}
