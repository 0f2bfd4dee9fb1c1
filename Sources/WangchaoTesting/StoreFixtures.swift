import Foundation
import WangchaoCore
import WangchaoStore

extension CaseStore {
    /// Loads the fixture district: areas, units and users.
    public func loadFixtures() async throws {
        try await saveAreas(Fixtures.areas)
        try await saveUnits(Fixtures.units)
        try await saveUsers(Fixtures.users)
    }

    /// Files a fixture intake as the grid worker and returns the case.
    @discardableResult
    public func fileCase(_ intake: Intake = Fixtures.intake(), by user: User = Fixtures.gridWorker, at now: Date = Fixtures.now)
        async throws -> Case
    {
        try await createCase(intake, by: user, idempotencyKey: nil, at: now).case
    }

    /// Records metadata for attachments with these ids, uploaded by `user`, so that intake and
    /// transitions may name them (their bytes are not written; see ``Fixtures/attachment(id:by:)``).
    @discardableResult
    public func saveFixtureAttachments(_ ids: [String], by user: User = Fixtures.gridWorker) async throws
        -> [Attachment]
    {
        var saved: [Attachment] = []
        for id in ids {
            let attachment = Fixtures.attachment(id: id, by: user)
            try await saveAttachment(attachment)
            saved.append(attachment)
        }
        return saved
    }

    /// Applies `command` as `user` on the case's current version.
    @discardableResult
    public func act(_ command: CaseCommand, on caseId: String, by user: User, at now: Date = Fixtures.now, note: String? = nil)
        async throws -> Case
    {
        guard let current = try await getCase(id: caseId) else { throw DomainError.notFound("no case \(caseId)") }
        return try await applyTransition(
            caseId: caseId, TransitionInput(command: command, expectedVersion: current.version, note: note), by: user,
            at: now)
    }
}

/// A SQLite store on a fresh file, with the fixture district loaded.
public struct SQLiteFixture: Sendable {
    public let directory: TemporaryDirectory
    public let store: SQLiteStore

    public init(configuration: SQLiteStore.Configuration = .init()) async throws {
        directory = try TemporaryDirectory()
        store = try SQLiteStore(path: directory.file("wangchao.sqlite"), configuration: configuration)
        try await store.loadFixtures()
    }
}
