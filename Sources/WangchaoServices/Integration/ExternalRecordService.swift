import Foundation
import WangchaoCore
import WangchaoStore

/// Files or updates the case for a connected system's own record (12345, 110 linkage, city
/// management …): the first sending makes a case (history actor `system:<id>`), the same content
/// again changes nothing, other content is recorded as an update (``ExternalUpdate``). A record
/// is one case however often it comes, also when two sendings race.
public struct ExternalRecordService: Sendable {
    public let cases: CaseService

    public init(cases: CaseService) {
        self.cases = cases
    }

    var store: any CaseStore { cases.store }

    /// A record that came with its point and area (tests, tools).
    public func upsert(_ intake: Intake, recordId: String, from system: IntegrationSystem, at now: Date) async throws
        -> ExternalUpsert
    {
        try await upsert(try PreparedIntake(intake), recordId: recordId, from: system, at: now)
    }

    /// - Throws: ``DomainError`` `invalid` (field named) for a bad record id or intake; then as
    ///   ``ExternalUpdate/apply(_:to:actor:at:)`` decides. Nothing changes then.
    public func upsert(_ prepared: PreparedIntake, recordId: String, from system: IntegrationSystem, at now: Date)
        async throws -> ExternalUpsert
    {
        let intake = prepared.intake
        try ExternalChange.validate(recordId: recordId)
        let category = try cases.checked(intake)
        guard intake.attachments?.isEmpty ?? true else {
            throw DomainError.invalid(field: "attachments", "接入系统报送暂不支持附件")
        }
        let key = ExternalRecordKey(systemId: system.id, recordId: recordId, bodyHash: prepared.requestHash)
        var lastConflict: (any Error)?
        for _ in 0..<CaseService.conflictAttempts {
            do {
                if let link = try await store.externalRecordLink(recordId: recordId, systemId: system.id) {
                    guard let current = try await store.getCase(id: link.caseId) else {
                        throw DomainError.notFound("记录对应的案件不存在")
                    }
                    guard link.bodyHash != key.bodyHash else { return ExternalUpsert(case: current, outcome: .unchanged) }
                    let decided = try ExternalUpdate.apply(intake, to: current, actor: system.actorName, at: now)
                    let updated = try await store.recordChange(
                        CaseChange(
                            caseId: current.id, expectedVersion: current.version,
                            steps: try await cases.recipients.steps([decided]), externalRecord: key))
                    return ExternalUpsert(case: updated, outcome: .updated)
                }
                var plan = try await cases.newCase(intake, category: category, by: nil, recordedAs: system.actorName, at: now)
                plan.externalRecord = key
                return ExternalUpsert(case: try await store.recordNewCase(plan).case, outcome: .created)
            } catch let error as DomainError where error.code == .versionConflict {
                lastConflict = error  // another sending of the record won: read it again
            }
        }
        throw lastConflict ?? DomainError.versionConflict(expected: 0, actual: 0)
    }
}
