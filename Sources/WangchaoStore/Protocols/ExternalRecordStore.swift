import Foundation
import WangchaoCore

/// Which case each connected system's record became, and the status feed back to it.
///
/// One of the store's concerns; ``CaseStore`` is all of them. Every write is durable before
/// it returns: callers answer success only after the call.
public protocol ExternalRecordStore: Sendable {
    /// The case a system's record became and the digest of the content last taken from it.
    func externalRecordLink(recordId: String, systemId: String) async throws -> (caseId: String, bodyHash: String)?
    /// The case made for a system's record, if any.
    func externalRecord(recordId: String, systemId: String) async throws -> Case?
    /// The history steps of the system's cases after `seq`, oldest first: status flowing back.
    func externalChanges(systemId: String, after seq: Int64, limit: Int) async throws -> [ExternalChange]
}
