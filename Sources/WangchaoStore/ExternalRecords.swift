import Foundation
import WangchaoCore

/// What ``CaseStore/upsertExternalRecord(_:recordId:from:at:)`` did with a record.
public struct ExternalUpsert: Sendable {
    public enum Outcome: String, Sendable, Codable {
        /// First time this record was sent: a new case.
        case created
        /// Sent before with other content: the case changed, and its history says so.
        case updated
        /// Sent before with the same content: nothing changed.
        case unchanged
    }

    public var `case`: Case
    public var outcome: Outcome

    public init(case: Case, outcome: Outcome) {
        self.case = `case`
        self.outcome = outcome
    }
}

/// One step of a case that came from a system, for the system's status feed.
public struct ExternalChange: Sendable, Equatable, Codable {
    /// Increases with every step; the feed resumes after the last one seen.
    public var seq: Int64
    public var recordId: String
    public var caseId: String
    public var number: String
    public var state: CaseState
    public var action: String
    public var at: Date

    public init(seq: Int64, recordId: String, caseId: String, number: String, state: CaseState, action: String, at: Date) {
        self.seq = seq
        self.recordId = recordId
        self.caseId = caseId
        self.number = number
        self.state = state
        self.action = action
        self.at = at
    }

    /// The rules for a system's own record id: 1–100 printable characters.
    public static func validate(recordId: String) throws(DomainError) {
        guard !recordId.isEmpty, recordId.count <= 100,
            !recordId.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
        else { throw .invalid(field: "recordId", "来源系统的记录编号须为 1 到 100 个可见字符") }
    }
}
