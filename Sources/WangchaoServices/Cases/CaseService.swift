import Foundation
import WangchaoCore
import WangchaoStore

/// The case workflows: filing, people's transitions (with the automatic dispatch that follows
/// an acceptance), the reporter's rating. Each reads what it needs, lets Core decide, and hands
/// the store one plan that holds only if the case is still at the version it read.
///
/// ```swift
/// let cases = CaseService(store: store, settings: settings)
/// let filed = try await cases.file(intake, by: gridWorker, idempotencyKey: "patrol-0001", at: clock.now())
/// let accepted = try await cases.apply(caseId: filed.case.id, TransitionInput(command: .accept, expectedVersion: 1),
///                                      by: dispatcher, at: clock.now())
/// ```
public struct CaseService: Sendable {
    public let store: any CaseStore
    public let settings: DomainSettings

    public init(store: any CaseStore, settings: DomainSettings) {
        self.store = store
        self.settings = settings
    }

    /// How often a decision is made again when a concurrent writer moved the case under it.
    static let conflictAttempts = 3

    var recipients: NoticeRecipients { NoticeRecipients(store: store, categories: settings.categories) }

    // MARK: Intake

    /// Files a new case: checks the intake, places it in its area (the one named, which must
    /// exist, else the district), checks the attachments it names, finds likely repeats, and
    /// records the case with its intake row.
    ///
    /// With an idempotency key, a retry of the same submission by the same actor returns the
    /// case made the first time (`replayed` true); the same key with another body is refused
    /// (`invalid`, field `Idempotency-Key`).
    /// - Throws: ``DomainError`` `invalid` naming the first bad field; nothing is stored then.
    public func file(_ prepared: PreparedIntake, by actor: User?, idempotencyKey: String?, at now: Date) async throws
        -> CaseCreation
    {
        let intake = prepared.intake
        let category = try checked(intake)
        let claim = idempotencyKey.map {
            IdempotencyClaim(actor: actor?.username ?? Intake.publicActor, key: $0, requestHash: prepared.requestHash)
        }
        if let claim, let earlier = try await store.idempotentSubmission(actor: claim.actor, key: claim.key) {
            guard earlier.requestHash == claim.requestHash else {
                throw DomainError.invalid(field: "Idempotency-Key", "该幂等键已用于另一份不同的提交")
            }
            return CaseCreation(case: earlier.case, replayed: true)
        }
        var plan = try await newCase(intake, category: category, by: actor, at: now)
        plan.idempotency = claim
        return try await store.recordNewCase(plan)
    }

    /// Files an intake that came with its point and area (tests, tools): its own submission.
    public func file(_ intake: Intake, by actor: User?, idempotencyKey: String?, at now: Date) async throws -> CaseCreation {
        try await file(try PreparedIntake(intake), by: actor, idempotencyKey: idempotencyKey, at: now)
    }

    /// The intake checked against the taxonomy and limits, and its category.
    func checked(_ intake: Intake) throws -> Category {
        try settings.check(intake)
        guard let category = settings.categories[intake.category] else {
            throw DomainError.invalid(field: "category", "未知的事件分类")
        }
        return category
    }

    /// The plan of a new case: the one way a case comes into being, whichever door it came
    /// through. `recordedAs` names the history's actor when no user acts (a connected system).
    func newCase(_ intake: Intake, category: Category, by actor: User?, recordedAs: String? = nil, at now: Date)
        async throws -> NewCase
    {
        let areaCode = try await area(for: intake.areaCode)
        let attachments = intake.attachments ?? []
        try await checkAttachments(attachments, namedBy: actor)
        var filed = intake.makeCase(
            id: UUID().uuidString.lowercased(), number: "", trackingCode: settings.trackingCodes(), areaCode: areaCode,
            category: category, at: now, sla: settings.sla)
        filed = try settings.kinds.workflow(for: intake.kind ?? .case).filed(filed, at: now, calendar: settings.sla.calendar)
        filed.repeatCandidates = try await store.repeatCandidates(for: intake, at: now, policy: settings.repeatPolicy)
        filed.likelyRepeat = RepeatPolicy.isLikelyRepeat(filed.repeatCandidates)
        let note = [intake.addressCheck?.note, intake.placementNote].compactMap { $0 }.joined(separator: "；")
        var row = Intake.intakeTransition(for: filed, actor: actor, note: note.isEmpty ? nil : note)
        if let recordedAs { row.actor = recordedAs }
        return NewCase(case: filed, transition: row, attachmentIds: attachments)
    }

    /// The area a new case belongs to: the one named, which must exist, or the district.
    func area(for code: String?) async throws -> String {
        if let code {
            guard try await store.areaWithoutBoundary(code: code) != nil else { throw DomainError.invalid(field: "areaCode", "区域 \(code) 不存在") }
            return code
        }
        guard let root = try await store.rootArea() else {
            throw DomainError.invalid(field: "areaCode", "尚未导入任何区域，无法受理")
        }
        return root.code
    }

    /// Refuses attachments the filer may not name: a signed-in user names what they may see, a
    /// public intake only what the public uploaded.
    func checkAttachments(_ ids: [String], namedBy actor: User?) async throws {
        var visible: Set<String> = []
        for id in Set(ids) {
            let attachment =
                if let actor { try await store.visibleAttachment(id: id, to: actor.viewer) } else {
                    try await store.attachment(id: id).flatMap { $0.uploadedBy == Intake.publicActor ? $0 : nil }
                }
            if attachment != nil { visible.insert(id) }
        }
        try Attachment.checkReferences(ids) { visible.contains($0) }
    }

    // MARK: Transitions

    /// Applies one transition for a person, and the dispatch routing adds to an acceptance.
    ///
    /// - Throws: ``DomainError``: `notFound` when the actor may not see the case, then as
    ///   the workflow of the case's kind decides (``CaseWorkflow/apply(_:to:by:at:context:)``); `versionConflict` also when the case
    ///   changed between the read and the write. Nothing changes then.
    public func apply(caseId: String, _ input: TransitionInput, by actor: User, at now: Date) async throws -> Case {
        guard let current = try await store.getCase(id: caseId), Access.canSee(current, user: actor) else {
            throw DomainError.notFound("案件不存在")
        }
        guard let category = settings.categories[current.category] else {
            throw DomainError.invalid(field: "category", "案件分类 \(current.category) 已不存在")
        }
        let lookups = try await TransitionLookups.read(for: input, on: current, by: actor, from: store)
        let context = lookups.context(category: category, sla: settings.sla)
        let decided = try settings.kinds.workflow(for: current.kind).apply(input, to: current, by: actor, at: now, context: context)
        let routed = try await routing.route(decided, from: current, by: actor, at: now, context: context, lookups: lookups)
        return try await store.recordChange(
            CaseChange(
                caseId: caseId, expectedVersion: current.version, steps: try await recipients.steps(routed),
                attachmentIds: decided.transition.attachments))
    }

    var routing: DispatchRouting { DispatchRouting(store: store) }

    // MARK: Tracking

    /// Records the reporter's own rating from the tracking page (see
    /// ``Lifecycle/applyReporterRating(satisfaction:comment:to:at:)``).
    ///
    /// - Throws: ``DomainError`` `notFound` when no case has this number or the tracking code
    ///   is wrong (the two are indistinguishable on purpose), then as the lifecycle decides.
    public func rateAsReporter(number: String, trackingCode: String, satisfaction: Int, comment: String?, at now: Date)
        async throws -> Case
    {
        guard let current = try await store.getCase(number: number), TrackingCode.matches(trackingCode, current.trackingCode)
        else { throw DomainError.notFound("案件编号或查询码不正确") }
        let decided = try Lifecycle.applyReporterRating(satisfaction: satisfaction, comment: comment, to: current, at: now)
        return try await store.recordChange(
            CaseChange(caseId: current.id, expectedVersion: current.version, steps: try await recipients.steps([decided])))
    }
}
