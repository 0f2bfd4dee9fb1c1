import Foundation
import WangchaoCore

/// A new case as the services layer decided it, for ``CaseRecordStore/recordNewCase(_:)``.
///
/// The store adds only what needs its own transaction: the case number (the day's counter),
/// the idempotency claim and the link to a connected system's record.
public struct NewCase: Sendable {
    /// The case as filed; its `number` is replaced by the one the store counts.
    public var `case`: Case
    /// The intake's history row (version 1).
    public var transition: Transition
    /// Attachments the case names, already checked visible to the filer.
    public var attachmentIds: [String]
    /// With a key, a second submission by the same actor answers the first case.
    public var idempotency: IdempotencyClaim?
    /// For a connected system's record: the mapping record → case, made with the case.
    public var externalRecord: ExternalRecordKey?

    public init(
        case: Case, transition: Transition, attachmentIds: [String] = [], idempotency: IdempotencyClaim? = nil,
        externalRecord: ExternalRecordKey? = nil
    ) {
        self.case = `case`
        self.transition = transition
        self.attachmentIds = attachmentIds
        self.idempotency = idempotency
        self.externalRecord = externalRecord
    }
}

/// An idempotency key and the digest of the submission it first came with.
public struct IdempotencyClaim: Sendable, Equatable {
    /// The username, or `public` for a submission without an account.
    public var actor: String
    public var key: String
    public var requestHash: String

    public init(actor: String, key: String, requestHash: String) {
        self.actor = actor
        self.key = key
        self.requestHash = requestHash
    }
}

/// A connected system's record and the digest of the content last taken from it.
public struct ExternalRecordKey: Sendable, Equatable {
    public var systemId: String
    public var recordId: String
    public var bodyHash: String

    public init(systemId: String, recordId: String, bodyHash: String) {
        self.systemId = systemId
        self.recordId = recordId
        self.bodyHash = bodyHash
    }
}

/// A change to one case decided on the snapshot at `expectedVersion`, for
/// ``CaseRecordStore/recordChange(_:)``: the store writes every step in one transaction, or,
/// when a precondition no longer holds, nothing.
public struct CaseChange: Sendable {
    public var caseId: String
    /// The version the decision read; another change since then is a conflict.
    public var expectedVersion: Int
    /// The steps in order, versions consecutive from `expectedVersion + 1`; at least one.
    public var steps: [CaseStep]
    /// Attachments the change names, already checked visible to the actor.
    public var attachmentIds: [String]
    /// The timer whose firing this change records: it must still wait, and is removed with it,
    /// so that a step fires exactly once whatever runs concurrently.
    public var firedTimer: SLATimer?
    /// For an update from a connected system: the record's new content digest.
    public var externalRecord: ExternalRecordKey?

    public init(
        caseId: String, expectedVersion: Int, steps: [CaseStep], attachmentIds: [String] = [], firedTimer: SLATimer? = nil,
        externalRecord: ExternalRecordKey? = nil
    ) {
        self.caseId = caseId
        self.expectedVersion = expectedVersion
        self.steps = steps
        self.attachmentIds = attachmentIds
        self.firedTimer = firedTimer
        self.externalRecord = externalRecord
    }

    /// The case as the last step leaves it.
    public var result: Case? { steps.last?.case }
}

/// One step of a ``CaseChange``: the case as the transition left it, its history row and the
/// notices it sends.
public struct CaseStep: Sendable {
    public var `case`: Case
    public var transition: Transition
    public var notices: [NoticeDelivery]

    public init(case: Case, transition: Transition, notices: [NoticeDelivery] = []) {
        self.case = `case`
        self.transition = transition
        self.notices = notices
    }
}

/// One inbox row: the recipient is decided by the services layer (see ``NoticePlanner``), the
/// store writes it in the transaction of the step it tells of.
public struct NoticeDelivery: Sendable, Equatable {
    public var username: String
    public var kind: NoticeKind
    public var text: String

    public init(username: String, kind: NoticeKind, text: String) {
        self.username = username
        self.kind = kind
        self.text = text
    }
}
