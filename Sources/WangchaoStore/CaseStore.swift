import Foundation
import WangchaoCore

/// Everything Wangchao keeps, behind one protocol: SQLite (embedded default) and PostgreSQL
/// (production) conform, and both run the same conformance suite in `WangchaoTesting`.
///
/// Every write is durable before it returns: callers answer success only after the call.
public protocol CaseStore: Sendable {
    // MARK: Reference data

    /// Inserts or replaces areas; parents must come before (or with) their children.
    func saveAreas(_ areas: [Area]) async throws
    func area(code: String) async throws -> Area?
    /// The direct children of an area, ordered by code.
    func childAreas(of code: String) async throws -> [Area]
    /// Areas filtered by level and/or parent, ordered by code.
    func areas(level: AreaLevel?, parentCode: String?) async throws -> [Area]
    /// The root of the hierarchy (the district), if any area exists.
    func rootArea() async throws -> Area?

    func saveUnits(_ units: [WangchaoCore.Unit]) async throws
    func unit(id: String) async throws -> WangchaoCore.Unit?
    /// Units whose area lies in the subtree of `areaCode` (all units when `nil`), ordered by id.
    func units(within areaCode: String?) async throws -> [WangchaoCore.Unit]

    /// Inserts or updates users' details (name, role, scope, unit, disabled); passwords are untouched.
    func saveUsers(_ users: [User]) async throws
    func user(username: String) async throws -> User?

    // MARK: Accounts and sessions

    /// The user and the stored password hash, for sign-in; `nil` for an unknown name.
    func credentials(username: String) async throws -> UserCredentials?
    /// Adds a new account with its password hash.
    /// - Throws: ``DomainError`` `invalid` (field `username`) when the name is taken; nothing changes.
    func addUser(_ user: User, passwordHash: String) async throws
    /// Sets one password hash for each named user and ends all their sessions, in one transaction.
    /// - Throws: ``DomainError`` `notFound` when a name is unknown; nothing changes.
    func setPasswordHash(_ passwordHash: String, for usernames: [String]) async throws
    /// Replaces a password hash by a stronger one of the same password, only if it is still
    /// `old` (a password changed meanwhile wins); sessions stay. Returns whether it replaced.
    func upgradePasswordHash(username: String, from old: String, to new: String) async throws -> Bool
    /// Accounts ordered by username, those after `after` (exclusive), at most `limit`.
    func listUsers(after: String?, limit: Int) async throws -> [User]

    /// Records a new session; sessions already expired at its `createdAt` are purged on the way.
    func createSession(_ session: Session) async throws
    /// The session whose token hashes to `tokenHash`, with its user, when it has not expired at `now`.
    func session(tokenHash: String, at now: Date) async throws -> ActiveSession?
    /// Ends one session (sign-out, token revocation); unknown hashes are ignored.
    func deleteSession(tokenHash: String) async throws
    /// Ends every session of a user (password change, account disabled).
    func deleteSessions(username: String) async throws

    // MARK: Cases

    /// Records a new case and its first history row in one transaction.
    ///
    /// With an idempotency key, a retry of the same submission by the same actor returns the
    /// case made the first time (`replayed` true) instead of a second one; the same key with a
    /// different body is refused (`invalid`, field `Idempotency-Key`).
    func createCase(_ intake: Intake, by actor: User?, idempotencyKey: String?, at now: Date) async throws -> CaseCreation

    /// Applies one transition: the new case state and its history row commit together.
    ///
    /// - Throws: ``DomainError``: `notFound` when the actor may not see the case, then as
    ///   ``Lifecycle/apply(_:to:by:at:context:)`` decides.
    func applyTransition(caseId: String, _ input: TransitionInput, by actor: User, at now: Date) async throws -> Case

    /// Writes cases with their complete histories as given, in one transaction, for the demo
    /// generator and imports from other systems; day counters move past the imported numbers.
    /// The histories must already be valid (the caller produced them through ``Lifecycle``).
    func importCases(_ cases: [ImportedCase]) async throws

    /// Records the reporter's own rating from the tracking page (see
    /// ``Lifecycle/applyReporterRating(satisfaction:comment:to:at:)``).
    ///
    /// - Throws: ``DomainError`` `notFound` when no case has this number or the tracking code
    ///   is wrong (the two are indistinguishable on purpose), then as the lifecycle decides.
    func applyReporterRating(
        number: String, trackingCode: String, satisfaction: Int, comment: String?, at now: Date
    ) async throws -> Case

    func getCase(id: String) async throws -> Case?
    func getCase(number: String) async throws -> Case?
    /// The history of a case, oldest first.
    func history(caseId: String) async throws -> [Transition]
    /// One page of cases matching `query` that `viewer` may see, newest first.
    func listCases(_ query: CaseQuery, viewer: User) async throws -> CasePage
    /// The rows of the newest `limit` cases matching `query` that `viewer` may see, newest first:
    /// the same cases, in the same order, as ``listCases(_:viewer:)`` pages through (its filters
    /// and cursor apply; `limit` replaces `query.limit`), with `more` true when further cases match.
    /// - Throws: ``DomainError`` `invalid` for a `limit` outside 1…``CaseRowScan/maxLimit`` or a bad cursor.
    func caseRows(_ query: CaseQuery, viewer: User, limit: Int) async throws -> CaseRowScan
    /// The 工作台: every case matching `query.cases` that `viewer` may see, counted by state and
    /// light (``Light/listed(earliestDue:earliestYellow:at:)`` at `query.now`), and one page of
    /// those also matching `query.state` and `query.light` as rows, in ``UrgencyPage/order``.
    /// - Throws: ``DomainError`` `invalid` for a `limit` outside 1…``UrgencyQuery/maxLimit`` or
    ///   an `offset` outside 0…``UrgencyQuery/maxOffset``.
    func casesByUrgency(_ query: UrgencyQuery, viewer: User) async throws -> UrgencyPage

    // MARK: Inbox

    // Notices are written by the store itself, in the transaction of the transition they tell
    // of (see ``NoticePlanner``); the actor is never told of their own action.

    /// The user's notices, newest first: those older than `before` (from the newest when `nil`),
    /// at most `limit`, only unread ones when `unreadOnly`.
    func inbox(username: String, before: Int64?, limit: Int, unreadOnly: Bool) async throws -> [Notice]
    /// The user's notices newer than `after`, oldest first: what a live stream has not sent yet.
    func notices(username: String, after: Int64, limit: Int) async throws -> [Notice]
    /// Marks the user's unread notices up to and including `id` read; returns how many changed.
    func markNoticesRead(username: String, upTo id: Int64, at now: Date) async throws -> Int
    func unreadNoticeCount(username: String) async throws -> Int

    // MARK: Integrating systems

    /// Registers a system with the SHA-256 of its api_key.
    /// - Throws: ``DomainError`` `invalid` (field `id`) when the id is taken; nothing changes.
    func addSystem(_ system: IntegrationSystem, apiKeyHash: String) async throws
    /// The system whose api_key hashes to `apiKeyHash`, disabled or not; `nil` for an unknown key.
    func system(apiKeyHash: String) async throws -> IntegrationSystem?
    func system(id: String) async throws -> IntegrationSystem?
    /// Every system, ordered by id.
    func listSystems() async throws -> [IntegrationSystem]
    /// Enables or disables a system; returns it as it is now.
    /// - Throws: ``DomainError`` `notFound` for an unknown id.
    func setSystemDisabled(id: String, _ disabled: Bool) async throws -> IntegrationSystem

    // MARK: Records of connected systems

    /// Files or updates the case for a system's own record: the first sending makes a case
    /// (history actor `system:<id>`), the same content again changes nothing, other content is
    /// recorded as an update (``ExternalUpdate``). A record is one case however often it comes.
    /// - Throws: ``DomainError`` `invalid` (field named) for a bad record id or intake; then as
    ///   ``ExternalUpdate/apply(_:to:actor:at:)`` decides. Nothing changes then.
    func upsertExternalRecord(_ intake: Intake, recordId: String, from system: IntegrationSystem, at now: Date)
        async throws -> ExternalUpsert
    /// The case made for a system's record, if any.
    func externalRecord(recordId: String, systemId: String) async throws -> Case?
    /// The history steps of the system's cases after `seq`, oldest first: status flowing back.
    func externalChanges(systemId: String, after seq: Int64, limit: Int) async throws -> [ExternalChange]

    // MARK: Webhooks

    /// Sets the system's subscription (url, events, secret), replacing any earlier one; later
    /// changes are queued for it (see ``WebhookEvent/events(for:producing:)``).
    /// - Throws: ``DomainError`` `invalid` (field `url`, `events` or `secret`), `notFound` for an
    ///   unknown system; nothing changes then.
    func saveWebhookSubscription(_ subscription: WebhookSubscription) async throws
    func webhookSubscription(systemId: String) async throws -> WebhookSubscription?
    /// Takes up to `limit` pending outbox rows due at `now` (of enabled, subscribed systems),
    /// earliest first, and holds them for `lease` seconds, so that no other sender takes them.
    func claimDueWebhooks(at now: Date, lease: TimeInterval, limit: Int) async throws -> [WebhookDispatch]
    /// Records an attempt on a pending row: delivered (never sent again), to retry, or dead.
    func recordWebhookAttempt(seq: Int64, _ outcome: WebhookAttemptOutcome, at now: Date) async throws
    /// Outbox rows, oldest first, of one system or all, in one status or any.
    func webhookDeliveries(systemId: String?, status: WebhookDelivery.Status?, limit: Int) async throws -> [WebhookDelivery]
    /// Puts a dead letter back to pending, due at `now`, with its attempts counted afresh.
    /// - Throws: ``DomainError`` `notFound` when `seq` is not a dead letter.
    func replayWebhookDeadLetter(seq: Int64, at now: Date) async throws -> WebhookDelivery

    // MARK: SLA timers

    /// Fires the timers due at `now` (at most `limit`, earliest first): each in its own write
    /// transaction that re-reads the case, lets ``Lifecycle/fire(_:on:at:context:)`` decide,
    /// records the case with the step marked fired and the `system` transitions, and removes
    /// the timer. A timer fires exactly once, whatever crashes or runs concurrently.
    /// - Returns: the timers that made transitions.
    func fireDueTimers(at now: Date, limit: Int) async throws -> [SLATimer]
    /// The timers still waiting for a case (derived from its deadlines), earliest first.
    func timers(caseId: String) async throws -> [SLATimer]

    // MARK: Routing

    /// Checks a routing rule file (syntax, fields, categories, areas, units) and stores it as the
    /// next version, which becomes active at once; earlier versions are kept.
    /// - Throws: ``RoutingRuleFileError`` naming the field and line; nothing is stored then.
    func saveRoutingRules(_ file: Data, by actor: String, at now: Date) async throws -> RoutingRuleSetRecord
    /// The newest stored version; `nil` before any (then acceptance does not dispatch by itself).
    func activeRoutingRules() async throws -> RoutingRuleSetRecord?
    func routingRules(version: Int) async throws -> RoutingRuleSetRecord?
    /// Every stored version, newest first.
    func routingRuleVersions() async throws -> [RoutingRuleSetSummary]
    /// Replaces a unit's duty roster; its shifts must name the unit's active handlers.
    /// - Throws: ``DomainError`` `notFound` for an unknown unit, `invalid` naming the shift field.
    func saveRoster(_ roster: DutyRoster) async throws
    /// The unit's roster (no shifts when none was stored); `nil` for an unknown unit.
    func roster(unitId: String) async throws -> DutyRoster?

    // MARK: Audit trail

    // Every write made inside an `AuditContext` (bound by the server per request, by commands
    // per run) is recorded by the store in the same transaction as the change.

    /// Records something that changed nothing but must be on record: a read of personal data.
    func recordAudit(_ context: AuditContext, target: String?, detail: String?) async throws
    /// Rows after `seq` (from the start when `nil`), oldest first.
    func auditEntries(after seq: Int64?, limit: Int) async throws -> [AuditEntry]
    /// Checks the whole hash chain; a changed, deleted or inserted row breaks it.
    func verifyAudit() async throws -> AuditVerification
    // MARK: Attachments

    /// Records an uploaded file's metadata. Write its bytes first (``AttachmentFiles/store(_:)``):
    /// once this returns, the attachment is acknowledged and may be named by cases.
    ///
    /// Intake and transitions refuse ids that do not name an attachment the actor may see
    /// (`invalid`, field `attachments[i]`) and link the rest to the case, in their transaction.
    func saveAttachment(_ attachment: Attachment) async throws
    /// The attachment with `id`, whoever may see it.
    func attachment(id: String) async throws -> Attachment?
    /// The attachment with `id` if `viewer` may see it (``Access/canSee(_:user:referencingCases:)``),
    /// otherwise `nil`: outside one's sight it does not exist.
    func visibleAttachment(id: String, to viewer: User) async throws -> Attachment?
    /// The ids of the attachments linked to a case (named at intake or by any transition), ordered.
    func caseAttachmentIds(caseId: String) async throws -> [String]

    // MARK: Repeat reports

    // `createCase` finds the candidates with the store's configured policy in its transaction
    // and stores them on the case (`repeatCandidates`, `likelyRepeat`).

    /// The earlier cases `intake` would probably repeat if submitted at `now`, best first; stores
    /// nothing (the intake form's warning before submit). Whoever the caller, all candidates:
    /// the server filters what a viewer may see.
    /// - Throws: ``DomainError`` `invalid` for a bad intake or policy, naming the field.
    func repeatCandidates(for intake: Intake, at now: Date, policy: RepeatPolicy) async throws -> [RepeatCandidate]
    /// Cases, likely repeats and merged (confirmed) repeats created in `month` (China time) in
    /// the subtree of `areaCode`, in total and per child area.
    /// - Throws: ``DomainError`` `notFound` for an unknown area.
    func repeatStatistics(areaCode: String, month: ReportMonth) async throws -> RepeatStatistics

    // MARK: Indicators

    /// The counts `query.terms` asks for over the cases created in the period in the subtree of
    /// `query.areaCode`, computed by the store (SQL aggregates), grouped as `query.grouping`
    /// says; see ``IndicatorQuery``.
    /// - Throws: ``DomainError`` `notFound` for an unknown area.
    func indicatorCounts(_ query: IndicatorQuery) async throws -> [IndicatorCounts]
    /// A number that grows whenever a case's history grows (the last history row's sequence):
    /// readers of aggregates, like the cockpit, reuse a result until it moves.
    func changeStamp() async throws -> Int64

    // MARK: Standard addresses

    /// Saves standard addresses in one transaction; an address whose code is already stored is
    /// replaced. For large tables call it per batch (``saveStandardAddresses(batches:progress:)``).
    func saveStandardAddresses(_ addresses: [StandardAddress]) async throws
    /// The standard address with `code`, or nil.
    func standardAddress(code: String) async throws -> StandardAddress?
    /// The addresses each probe finds through an index (never a scan): at most `limit` per
    /// probe, a door's in (building, unit, room) order, all without duplicates in probe order.
    func standardAddressCandidates(_ probes: [StandardAddressProbe], limit: Int) async throws -> [StandardAddress]
    /// How many standard addresses are stored.
    func standardAddressCount() async throws -> Int

    // MARK: Registry (people, enterprises, facilities)

    /// Writes `records` in one transaction, skipping any whose id is already stored (ids are
    /// derived from the source and its key, see ``Lineage/recordId(prefix:department:table:key:)``,
    /// so a rerun of the same table is counted, not doubled). With a `report`, stores it in the
    /// same transaction with `imported`, `linked` (of those imported) and `duplicatesStored` filled in.
    func saveRegistryRecords(_ records: RegistryRecords, report: ImportReport?) async throws -> RegistrySaveOutcome
    func person(id: String) async throws -> Person?
    func enterprise(id: String) async throws -> Enterprise?
    /// The people, enterprises and facilities at a standard address, each ordered by id, at
    /// most `limit` of each.
    func registry(atAddress code: String, limit: Int) async throws -> RegistryAtAddress
    /// Stored import reports, newest first.
    func importReports(limit: Int) async throws -> [ImportReport]
    /// Cases placed at the standard address `code` (``AddressCheck/standardCode``) and cases
    /// within `radiusMetres` of the point, newest first, at most `limit`, each once.
    func casesNear(addressCode code: String, lat: Double, lng: Double, radiusMetres: Double, limit: Int) async throws
        -> [Case]
}

/// What ``CaseStore/saveRegistryRecords(_:report:)`` did.
public struct RegistrySaveOutcome: Sendable, Equatable {
    /// Records written.
    public var inserted: Int
    /// Records skipped because their id was already stored.
    public var duplicates: Int
    /// The report as stored.
    public var report: ImportReport?

    public init(inserted: Int, duplicates: Int, report: ImportReport?) {
        self.inserted = inserted
        self.duplicates = duplicates
        self.report = report
    }
}

extension CaseStore {
    /// Saves `batches` one transaction each, calling `progress` with the running total after each.
    public func saveStandardAddresses(
        batches: some Sequence<[StandardAddress]>, progress: (Int) -> Void = { _ in }
    ) async throws {
        var saved = 0
        for batch in batches where !batch.isEmpty {
            try await saveStandardAddresses(batch)
            saved += batch.count
            progress(saved)
        }
    }
}

/// The result of ``CaseStore/createCase(_:by:idempotencyKey:at:)``.
public struct CaseCreation: Sendable {
    public var `case`: Case
    /// True when an earlier submission with the same idempotency key made the case.
    public var replayed: Bool

    public init(case: Case, replayed: Bool) {
        self.case = `case`
        self.replayed = replayed
    }
}

/// A case with its complete history, for ``CaseStore/importCases(_:)``.
public struct ImportedCase: Sendable {
    public var `case`: Case
    public var history: [Transition]

    public init(case: Case, history: [Transition]) {
        self.case = `case`
        self.history = history
    }
}

/// A user with the stored password hash; `passwordHash` is `nil` for accounts that cannot sign
/// in with a password (made before accounts had them, or imported).
public struct UserCredentials: Sendable, Equatable {
    public var user: User
    public var passwordHash: String?

    public init(user: User, passwordHash: String?) {
        self.user = user
        self.passwordHash = passwordHash
    }
}

/// A session still in force, with its user as stored now (so a role change or disabling takes
/// effect on the next request, not at the next sign-in).
public struct ActiveSession: Sendable, Equatable {
    public var session: Session
    public var user: User

    public init(session: Session, user: User) {
        self.session = session
        self.user = user
    }
}
