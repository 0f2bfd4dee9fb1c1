import Foundation
import WangchaoCore
import WangchaoServices
import WangchaoStore

/// The workflows a test drives, as they run in the server: through `WangchaoServices` over this
/// store with the bundled settings. The conformance suite checks a backend through these, so a
/// backend is tested together with the one layer that decides what it records.
extension CaseStore {
    /// The services over this store with the bundled settings.
    public var cases: CaseService { CaseService(store: self, settings: .standard) }

    /// ``CaseService/file(_:by:idempotencyKey:at:)``.
    public func createCase(_ intake: Intake, by actor: User?, idempotencyKey: String?, at now: Date) async throws
        -> CaseCreation
    {
        try await cases.file(intake, by: actor, idempotencyKey: idempotencyKey, at: now)
    }

    /// ``CaseService/apply(caseId:_:by:at:)``.
    public func applyTransition(caseId: String, _ input: TransitionInput, by actor: User, at now: Date) async throws -> Case {
        try await cases.apply(caseId: caseId, input, by: actor, at: now)
    }

    /// ``CaseService/rateAsReporter(number:trackingCode:satisfaction:comment:at:)``.
    public func applyReporterRating(
        number: String, trackingCode: String, satisfaction: Int, comment: String?, at now: Date
    ) async throws -> Case {
        try await cases.rateAsReporter(
            number: number, trackingCode: trackingCode, satisfaction: satisfaction, comment: comment, at: now)
    }

    /// ``ExternalRecordService/upsert(_:recordId:from:at:)``.
    public func upsertExternalRecord(_ intake: Intake, recordId: String, from system: IntegrationSystem, at now: Date)
        async throws -> ExternalUpsert
    {
        try await ExternalRecordService(cases: cases).upsert(intake, recordId: recordId, from: system, at: now)
    }

    /// ``TimerService/fireDue(at:limit:)``.
    public func fireDueTimers(at now: Date, limit: Int) async throws -> [SLATimer] {
        try await TimerService(store: self, settings: .standard).fireDue(at: now, limit: limit)
    }
}
