import Foundation
import WangchaoCore

/// The hash-chained audit trail.
///
/// One of the store's concerns; ``CaseStore`` is all of them. Every write is durable before
/// it returns: callers answer success only after the call.
public protocol AuditStore: Sendable {
    // Every write made inside an `AuditContext` (bound by the server per request, by commands
    // per run) is recorded by the store in the same transaction as the change.

    /// Records something that changed nothing but must be on record: a read of personal data.
    func recordAudit(_ context: AuditContext, target: String?, detail: String?) async throws
    /// Rows after `seq` (from the start when `nil`), oldest first.
    func auditEntries(after seq: Int64?, limit: Int) async throws -> [AuditEntry]
    /// Checks the whole hash chain; a changed, deleted or inserted row breaks it.
    func verifyAudit() async throws -> AuditVerification
}
