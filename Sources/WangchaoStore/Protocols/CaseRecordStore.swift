import Foundation
import WangchaoCore

/// Cases and their append-only histories. The store records what the services layer decided,
/// atomically and only if the case is still at the version the decision read; it answers
/// queries. It decides no transition itself.
///
/// One of the store's concerns; ``CaseStore`` is all of them. Every write is durable before
/// it returns: callers answer success only after the call.
public protocol CaseRecordStore: Sendable {
    /// Records a new case, numbered by the day's counter (China time of its `createdAt`), with
    /// its intake row, attachment links, timers, webhook events and, when given, its idempotency
    /// claim and system record link, in one transaction.
    ///
    /// With an idempotency claim whose key the actor used before, nothing is written: the same
    /// request digest answers the case made the first time (`replayed` true), another digest is
    /// refused (`invalid`, field `Idempotency-Key`). A system record already linked is a
    /// `versionConflict` (the caller re-reads and updates instead).
    func recordNewCase(_ plan: NewCase) async throws -> CaseCreation

    /// Records a decided change: every step (case state, history row, notices, webhook events),
    /// the attachment links, and the fired timer's removal, in one transaction.
    ///
    /// - Throws: ``DomainError`` `versionConflict` when the case is no longer at
    ///   `expectedVersion`, or the fired timer no longer waits; `notFound` for an unknown case.
    ///   Nothing is written then.
    func recordChange(_ change: CaseChange) async throws -> Case

    /// Writes cases with their complete histories as given, in one transaction, for the demo
    /// generator and imports from other systems; day counters move past the imported numbers.
    /// The histories must already be valid (the caller produced them through ``Lifecycle``).
    func importCases(_ cases: [ImportedCase]) async throws

    func getCase(id: String) async throws -> Case?
    /// The digest and case an idempotency key of `actor` was first used with, if any.
    func idempotentSubmission(actor: String, key: String) async throws -> (requestHash: String, case: Case)?
    func getCase(number: String) async throws -> Case?
    /// The history of a case, oldest first.
    func history(caseId: String) async throws -> [Transition]
    /// One page of cases matching `query` that `viewer` may see, newest first.
    func listCases(_ query: CaseQuery, viewer: Viewer) async throws -> CasePage
    /// The rows of the newest `limit` cases matching `query` that `viewer` may see, newest first:
    /// the same cases, in the same order, as ``listCases(_:viewer:)`` pages through (its filters
    /// and cursor apply; `limit` replaces `query.limit`), with `more` true when further cases match.
    /// - Throws: ``DomainError`` `invalid` for a `limit` outside 1…``CaseRowScan/maxLimit`` or a bad cursor.
    func caseRows(_ query: CaseQuery, viewer: Viewer, limit: Int) async throws -> CaseRowScan
    /// The 工作台: every case matching `query.cases` that `viewer` may see, counted by state and
    /// light (``Light/listed(earliestDue:earliestYellow:at:)`` at `query.now`), and one page of
    /// those also matching `query.state` and `query.light` as rows, in ``UrgencyPage/order``.
    /// - Throws: ``DomainError`` `invalid` for a `limit` outside 1…``UrgencyQuery/maxLimit`` or
    ///   an `offset` outside 0…``UrgencyQuery/maxOffset``.
    func casesByUrgency(_ query: UrgencyQuery, viewer: Viewer) async throws -> UrgencyPage
}
