import Foundation
import WangchaoCore

/// Everything Wangchao keeps, as one value: the store's concerns composed. A caller that needs
/// one concern takes that protocol (``TimerStore``, ``InboxStore`` …); the services layer and
/// the server take the whole.
///
/// A backend (SQLite today, PostgreSQL next) conforms to every concern and runs the one
/// conformance suite in `WangchaoTesting` (``StoreConformance``) together with the services
/// layer above it. The store answers queries and applies write plans atomically; it decides no
/// workflow (who is routed, told or reinforced: that is `WangchaoServices`).
///
/// Feeds read "after seq" (notices, external changes, audit rows, outbox) promise that a reader
/// never skips a row: a backend whose sequence numbers can commit out of order (PostgreSQL with
/// concurrent writers) must read only below the oldest sequence still uncommitted.
public protocol CaseStore:
    ReferenceStore,
    AccountStore,
    CaseRecordStore,
    InboxStore,
    SystemStore,
    ExternalRecordStore,
    WebhookStore,
    TimerStore,
    RoutingStore,
    AuditStore,
    AttachmentStore,
    RepeatStore,
    IndicatorStore,
    AddressStore,
    RegistryStore
{}

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
