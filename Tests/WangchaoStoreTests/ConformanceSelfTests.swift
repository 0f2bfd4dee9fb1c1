import Foundation
import GRDB
import Testing
import WangchaoCore
import WangchaoTesting

@testable import WangchaoStore

/// The conformance suite must be able to fail: each mutant below is the SQLite store with one
/// contract broken, and the named checks must catch it (while the rest of the suite is not
/// needed to). This is what keeps the suite honest for the PostgreSQL backend.
@Suite("StoreConformance catches broken stores")
struct ConformanceSelfTests {
    @Test("every check has a distinct name")
    func distinctNames() {
        let names = StoreConformance.allChecks.map(\.name)
        #expect(Set(names).count == names.count)
        #expect(names.count >= 30)
    }

    @Test(arguments: Mutation.allCases)
    func mutantIsCaught(_ mutation: Mutation) async throws {
        for name in mutation.caughtBy {
            let check = try #require(StoreConformance.allChecks.first { $0.name == name }, "no check named \(name)")
            let conformance = StoreConformance { try await MutantStore(mutation: mutation) }
            await #expect(throws: ConformanceFailure.self, "\(name) must catch \(mutation)") {
                try await check.run(conformance)
            }
        }
    }

    @Test("offset-based paging passes the plain paging check; only the insert check tells it apart")
    func offsetPagingNeedsTheInsertCheck() async throws {
        let conformance = StoreConformance { try await MutantStore(mutation: .offsetPaging) }
        let paging = try #require(StoreConformance.allChecks.first { $0.name == "listPagination" })
        try await paging.run(conformance)
    }
}

enum Mutation: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case childrenUnordered
    case boundaryDropped
    case replayNotFlagged
    case keyIgnoresBody
    case keySharedBetweenActors
    case staleVersionAccepted
    case historyReversed
    case everythingVisible
    case cooperationInvisible
    case cursorIgnored
    case offsetPaging
    case phoneFilterIgnored
    case kindDropped
    case indicatorStatesFixed
    case createdToInclusive
    case areaFilterExact
    case intakeNotAudited
    case attachmentsVisibleToAll
    case duplicateUserReplaced
    case expiredSessionAccepted
    case revocationIgnored
    case sessionsSurvivePasswordChange
    case upgradeOverwritesNewPassword
    case usersUnordered
    case inboxOldestFirst
    case readIgnoresUpTo
    case systemKeyIgnored
    case externalFeedDescending
    case timersIgnored
    case timersRefire
    case addressNarrowingIgnored
    case addressResaveDuplicated
    case oldestRulesActive
    case rosterDropped
    case repeatWindowWidened
    case mergedNotCounted
    case webhookDeliveredResent
    case webhookLeaseIgnored
    case registryRerunDoubled
    case registryLimitIgnored
    case importReportsOldestFirst
    case nearRadiusWidened
    case indicatorPeriodIgnored
    case indicatorInstantIgnored
    case changeStampFrozen
    case caseRowsEverythingVisible
    case caseRowsWithoutDeadlines
    case urgencyEverythingVisible
    case urgencyLightIgnored
    case urgencyNewestFirst

    var testDescription: String { rawValue }

    /// The checks that must fail against this mutant.
    var caughtBy: [String] {
        switch self {
        case .childrenUnordered, .boundaryDropped: ["areasRoundTrip"]
        case .replayNotFlagged: ["idempotentRetryReplays", "concurrentRetriesMakeOneCase"]
        case .keyIgnoresBody: ["idempotencyKeyWithDifferentBodyRefused"]
        case .keySharedBetweenActors: ["idempotencyKeyBelongsToActor"]
        case .staleVersionAccepted: ["changesHoldOnlyAtTheirVersion"]
        case .historyReversed: ["fullLifecycleHistory"]
        case .everythingVisible:
            ["listVisibilityByScope", "listFiltersCombineWithVisibility"]
        case .cooperationInvisible: ["listVisibilityThroughCooperation", "listFiltersCombineWithVisibility"]
        case .cursorIgnored: ["listPagination", "listPaginationStableUnderInserts"]
        case .offsetPaging: ["listPaginationStableUnderInserts"]
        case .phoneFilterIgnored: ["listFilterReporterPhone"]
        case .kindDropped: ["listFilterKind"]
        case .indicatorStatesFixed: ["indicatorStatesFollowTheKinds"]
        case .createdToInclusive: ["listFilterCreatedRange"]
        case .areaFilterExact: ["listFilterArea"]
        case .intakeNotAudited: ["writesInsideAnAuditContextAreRecordedAndChained"]
        case .attachmentsVisibleToAll: ["attachmentVisibility"]
        case .duplicateUserReplaced: ["accountsAddAndCredentials"]
        case .expiredSessionAccepted: ["sessionsRoundTripAndExpire"]
        case .revocationIgnored: ["sessionRevocation"]
        case .sessionsSurvivePasswordChange: ["passwordChangeEndsSessions"]
        case .upgradeOverwritesNewPassword: ["passwordUpgradeIsConditional"]
        case .usersUnordered: ["listUsersPaged"]
        case .inboxOldestFirst: ["inboxPagesAndMarksRead", "noticesGoToTheRightPeopleWithTheChange"]
        case .readIgnoresUpTo: ["inboxPagesAndMarksRead"]
        case .systemKeyIgnored: ["systemsRegistryByKeyHash"]
        case .externalFeedDescending: ["externalRecordsAreIdempotentAndFeedStatusBack"]
        case .timersIgnored, .timersRefire: ["timersFireOnceInOrder"]
        case .addressNarrowingIgnored: ["standardAddressCandidatesByKeys"]
        case .addressResaveDuplicated: ["standardAddressesRoundTrip"]
        case .oldestRulesActive: ["routingRulesAreVersionedAndChecked"]
        case .rosterDropped: ["rostersRoundTripAndAreChecked", "assignmentFollowsRosterAndLoad"]
        case .repeatWindowWidened: ["repeatCheckRadiusAndWindow"]
        case .mergedNotCounted: ["repeatStatisticsPerAreaAndMonth"]
        case .webhookDeliveredResent, .webhookLeaseIgnored: ["webhookOutboxFollowsChangesAndDeliversOnce"]
        case .registryRerunDoubled, .registryLimitIgnored, .importReportsOldestFirst: ["registryRecordsRoundTripAndRerun"]
        case .nearRadiusWidened: ["casesNearAnAddress"]
        case .indicatorPeriodIgnored, .indicatorInstantIgnored, .changeStampFrozen: ["indicatorCountsMatchTheCases"]
        case .caseRowsEverythingVisible, .caseRowsWithoutDeadlines: ["caseRowsMatchTheList"]
        case .urgencyEverythingVisible, .urgencyLightIgnored, .urgencyNewestFirst: ["casesByUrgencyRanksEveryVisibleCase"]
        }
    }
}

/// The SQLite store with one contract broken.
struct MutantStore: CaseStore {
    let fixture: SQLiteFixture
    let mutation: Mutation
    var base: SQLiteStore { fixture.store }

    init(mutation: Mutation) async throws {
        fixture = try await SQLiteFixture()
        self.mutation = mutation
    }

    func saveAreas(_ areas: [Area]) async throws { try await base.saveAreas(areas) }

    func area(code: String) async throws -> Area? {
        var area = try await base.area(code: code)
        if mutation == .boundaryDropped { area?.boundary = nil }
        return area
    }

    func childAreas(of code: String) async throws -> [Area] {
        let children = try await base.childAreas(of: code)
        return mutation == .childrenUnordered ? children.reversed() : children
    }

    func areas(level: AreaLevel?, parentCode: String?) async throws -> [Area] {
        try await base.areas(level: level, parentCode: parentCode)
    }

    func rootArea() async throws -> Area? { try await base.rootArea() }
    func saveUnits(_ units: [WangchaoCore.Unit]) async throws { try await base.saveUnits(units) }
    func unit(id: String) async throws -> WangchaoCore.Unit? { try await base.unit(id: id) }
    func units(within areaCode: String?) async throws -> [WangchaoCore.Unit] { try await base.units(within: areaCode) }
    func areaWithoutBoundary(code: String) async throws -> Area? { try await base.areaWithoutBoundary(code: code) }
    func units(at areaCode: String, kind: WangchaoCore.Unit.Kind) async throws -> [WangchaoCore.Unit] {
        try await base.units(at: areaCode, kind: kind)
    }
    func members(ofUnit unitId: String) async throws -> [User] { try await base.members(ofUnit: unitId) }
    func users(roles: [Role], coveringArea areaCode: String) async throws -> [User] {
        try await base.users(roles: roles, coveringArea: areaCode)
    }
    func openAssignedCount(username: String) async throws -> Int { try await base.openAssignedCount(username: username) }
    func saveUsers(_ users: [User]) async throws { try await base.saveUsers(users) }
    func user(username: String) async throws -> User? { try await base.user(username: username) }

    func credentials(username: String) async throws -> UserCredentials? { try await base.credentials(username: username) }

    func addUser(_ user: User, passwordHash: String) async throws {
        guard mutation == .duplicateUserReplaced else { return try await base.addUser(user, passwordHash: passwordHash) }
        try await base.saveUsers([user])
        try await base.setPasswordHash(passwordHash, for: [user.username])
    }

    func setPasswordHash(_ passwordHash: String, for usernames: [String]) async throws {
        guard mutation == .sessionsSurvivePasswordChange else {
            return try await base.setPasswordHash(passwordHash, for: usernames)
        }
        for username in usernames where try await base.user(username: username) == nil {
            throw DomainError.notFound("no user \(username)")
        }
        try await base.pool.write { db in
            for username in usernames {
                try db.execute(
                    sql: "UPDATE users SET password_hash = ? WHERE username = ?", arguments: [passwordHash, username])
            }
        }
    }

    func upgradePasswordHash(username: String, from old: String, to new: String) async throws -> Bool {
        if mutation == .upgradeOverwritesNewPassword, let current = try await base.credentials(username: username)?.passwordHash {
            return try await base.upgradePasswordHash(username: username, from: current, to: new)
        }
        return try await base.upgradePasswordHash(username: username, from: old, to: new)
    }

    func listUsers(after: String?, limit: Int) async throws -> [User] {
        let users = try await base.listUsers(after: after, limit: limit)
        return mutation == .usersUnordered ? users.reversed() : users
    }

    func createSession(_ session: Session) async throws { try await base.createSession(session) }

    func session(tokenHash: String, at now: Date) async throws -> ActiveSession? {
        try await base.session(tokenHash: tokenHash, at: mutation == .expiredSessionAccepted ? .distantPast : now)
    }

    func deleteSession(tokenHash: String) async throws {
        if mutation != .revocationIgnored { try await base.deleteSession(tokenHash: tokenHash) }
    }

    func deleteSessions(username: String) async throws {
        if mutation != .revocationIgnored { try await base.deleteSessions(username: username) }
    }

    func recordNewCase(_ plan: NewCase) async throws -> CaseCreation {
        var plan = plan
        switch mutation {
        case .keyIgnoresBody:
            plan.idempotency?.key += "/" + plan.case.description + "/" + plan.case.category
        case .keySharedBetweenActors: plan.idempotency?.actor = Fixtures.gridWorker.username
        default: break
        }
        let audit = mutation == .intakeNotAudited ? nil : AuditContext.current
        var creation = try await AuditContext.$current.withValue(audit) { try await base.recordNewCase(plan) }
        if mutation == .replayNotFlagged { creation.replayed = false }
        return creation
    }

    func idempotentSubmission(actor: String, key: String) async throws -> (requestHash: String, case: Case)? {
        switch mutation {
        case .keyIgnoresBody, .replayNotFlagged: return nil
        case .keySharedBetweenActors: return try await base.idempotentSubmission(actor: Fixtures.gridWorker.username, key: key)
        default: return try await base.idempotentSubmission(actor: actor, key: key)
        }
    }

    func recordChange(_ change: CaseChange) async throws -> Case {
        var change = change
        if mutation == .staleVersionAccepted, let current = try await base.getCase(id: change.caseId) {
            change.expectedVersion = current.version
        }
        let recorded = try await base.recordChange(change)
        if mutation == .timersRefire, change.firedTimer != nil {
            // Fires, then forgets that it did: the steps are unmarked and their rows come back.
            let caseId = change.caseId
            try await base.pool.write { db in
                guard var c = try SQLiteStore.fetchCase(db, id: caseId) else { return }
                for index in c.deadlines.indices { c.deadlines[index].fired = [] }
                try db.execute(sql: "UPDATE cases SET body = ? WHERE id = ?", arguments: [try StoredJSON.encode(c), c.id])
                try SQLiteStore.writeTimerRows(of: c, in: db)
            }
        }
        return recorded
    }

    func importCases(_ cases: [ImportedCase]) async throws {
        guard mutation == .kindDropped else { return try await base.importCases(cases) }
        // A store without a kind column: every case comes back as kind `case`.
        try await base.importCases(cases.map { imported in
            var imported = imported
            imported.case.kind = .case
            return imported
        })
    }

    func recordAudit(_ context: AuditContext, target: String?, detail: String?) async throws {
        try await base.recordAudit(context, target: target, detail: detail)
    }

    func auditEntries(after seq: Int64?, limit: Int) async throws -> [AuditEntry] {
        try await base.auditEntries(after: seq, limit: limit)
    }

    func verifyAudit() async throws -> AuditVerification { try await base.verifyAudit() }

    func dueTimers(at now: Date, limit: Int) async throws -> [SLATimer] {
        switch mutation {
        case .timersIgnored: return []
        default: return try await base.dueTimers(at: now, limit: limit)
        }
    }

    func realignTimers(caseId: String) async throws { try await base.realignTimers(caseId: caseId) }
    func pendingTimerCount() async throws -> Int { try await base.pendingTimerCount() }

    func timers(caseId: String) async throws -> [SLATimer] { try await base.timers(caseId: caseId) }

    func getCase(id: String) async throws -> Case? { try await base.getCase(id: id) }
    func getCase(number: String) async throws -> Case? { try await base.getCase(number: number) }

    func history(caseId: String) async throws -> [Transition] {
        let rows = try await base.history(caseId: caseId)
        return mutation == .historyReversed ? rows.reversed() : rows
    }

    func listCases(_ query: CaseQuery, viewer: Viewer) async throws -> CasePage {
        var query = query
        var viewer = viewer
        switch mutation {
        case .everythingVisible: viewer = Fixtures.commander.viewer
        case .cursorIgnored: query.cursor = nil
        case .phoneFilterIgnored: query.reporterPhone = nil
        case .createdToInclusive: query.createdTo = query.createdTo.map { $0 + 0.001 }
        case .offsetPaging: return try await offsetPage(query, viewer: viewer)
        case .cooperationInvisible:
            var page = try await base.listCases(query, viewer: viewer)
            page.items.removeAll { subject in
                guard case .limited(let area, let units) = viewer.reach else { return false }
                if let area, subject.areaCode.hasPrefix(area) { return false }
                let owned = Set(subject.formerUnitIds + [subject.assignedUnitId].compactMap { $0 })
                return Set(units).isDisjoint(with: owned)
            }
            return page
        case .areaFilterExact:
            var page = try await base.listCases(query, viewer: viewer)
            if let code = query.areaCode { page.items.removeAll { $0.areaCode != code } }
            return page
        default: break
        }
        return try await base.listCases(query, viewer: viewer)
    }

    func saveAttachment(_ attachment: WangchaoCore.Attachment) async throws { try await base.saveAttachment(attachment) }
    func attachment(id: String) async throws -> WangchaoCore.Attachment? { try await base.attachment(id: id) }

    func visibleAttachment(id: String, to viewer: Viewer) async throws -> WangchaoCore.Attachment? {
        mutation == .attachmentsVisibleToAll
            ? try await base.attachment(id: id) : try await base.visibleAttachment(id: id, to: viewer)
    }

    func caseAttachmentIds(caseId: String) async throws -> [String] { try await base.caseAttachmentIds(caseId: caseId) }

    func inbox(username: String, before: Int64?, limit: Int, unreadOnly: Bool) async throws -> [Notice] {
        let notices = try await base.inbox(username: username, before: before, limit: limit, unreadOnly: unreadOnly)
        return mutation == .inboxOldestFirst ? notices.reversed() : notices
    }

    func notices(username: String, after: Int64, limit: Int) async throws -> [Notice] {
        try await base.notices(username: username, after: after, limit: limit)
    }

    func markNoticesRead(username: String, upTo id: Int64, at now: Date) async throws -> Int {
        try await base.markNoticesRead(username: username, upTo: mutation == .readIgnoresUpTo ? .max : id, at: now)
    }

    func unreadNoticeCount(username: String) async throws -> Int { try await base.unreadNoticeCount(username: username) }

    func addSystem(_ system: IntegrationSystem, apiKeyHash: String) async throws {
        try await base.addSystem(system, apiKeyHash: apiKeyHash)
    }

    func system(apiKeyHash: String) async throws -> IntegrationSystem? {
        if mutation == .systemKeyIgnored { return try await base.listSystems().first }
        return try await base.system(apiKeyHash: apiKeyHash)
    }

    func system(id: String) async throws -> IntegrationSystem? { try await base.system(id: id) }
    func listSystems() async throws -> [IntegrationSystem] { try await base.listSystems() }

    func setSystemDisabled(id: String, _ disabled: Bool) async throws -> IntegrationSystem {
        try await base.setSystemDisabled(id: id, disabled)
    }

    func externalRecordLink(recordId: String, systemId: String) async throws -> (caseId: String, bodyHash: String)? {
        try await base.externalRecordLink(recordId: recordId, systemId: systemId)
    }

    func externalRecord(recordId: String, systemId: String) async throws -> Case? {
        try await base.externalRecord(recordId: recordId, systemId: systemId)
    }

    func externalChanges(systemId: String, after seq: Int64, limit: Int) async throws -> [ExternalChange] {
        let changes = try await base.externalChanges(systemId: systemId, after: seq, limit: limit)
        return mutation == .externalFeedDescending ? changes.reversed() : changes
    }
    func saveStandardAddresses(_ addresses: [StandardAddress]) async throws {
        guard mutation == .addressResaveDuplicated else { return try await base.saveStandardAddresses(addresses) }
        // Re-saving a code keeps the old row under a new code instead of replacing it.
        var kept: [StandardAddress] = []
        for address in addresses {
            if var old = try await base.standardAddress(code: address.code) {
                old.code += "-old"
                kept.append(old)
            }
        }
        try await base.saveStandardAddresses(kept + addresses)
    }

    func standardAddress(code: String) async throws -> StandardAddress? { try await base.standardAddress(code: code) }

    func standardAddressCandidates(_ probes: [StandardAddressProbe], limit: Int) async throws -> [StandardAddress] {
        guard mutation == .addressNarrowingIgnored else { return try await base.standardAddressCandidates(probes, limit: limit) }
        let widened = probes.map { probe -> StandardAddressProbe in
            if case .door(let key, let building, _, _) = probe { return .door(key: key, building: building, unit: nil, room: nil) }
            return probe
        }
        return try await base.standardAddressCandidates(widened, limit: limit)
    }

    func standardAddressCount() async throws -> Int { try await base.standardAddressCount() }
    func saveRoutingRules(_ file: Data, by actor: String, at now: Date) async throws -> RoutingRuleSetRecord {
        try await base.saveRoutingRules(file, by: actor, at: now)
    }

    func activeRoutingRules() async throws -> RoutingRuleSetRecord? {
        mutation == .oldestRulesActive ? try await base.routingRules(version: 1) : try await base.activeRoutingRules()
    }

    func routingRules(version: Int) async throws -> RoutingRuleSetRecord? { try await base.routingRules(version: version) }
    func routingRuleVersions() async throws -> [RoutingRuleSetSummary] { try await base.routingRuleVersions() }

    func saveRoster(_ roster: DutyRoster) async throws {
        if mutation != .rosterDropped { try await base.saveRoster(roster) }
    }

    func roster(unitId: String) async throws -> DutyRoster? { try await base.roster(unitId: unitId) }

    func repeatCandidates(for intake: Intake, at now: Date, policy: RepeatPolicy) async throws -> [RepeatCandidate] {
        var policy = policy
        if mutation == .repeatWindowWidened { policy.windowHours += 1.0 / 30 }
        return try await base.repeatCandidates(for: intake, at: now, policy: policy)
    }

    func repeatStatistics(areaCode: String, month: ReportMonth) async throws -> RepeatStatistics {
        var statistics = try await base.repeatStatistics(areaCode: areaCode, month: month)
        if mutation == .mergedNotCounted {
            for index in statistics.children.indices { statistics.children[index].merged = 0 }
            statistics.total.merged = 0
        }
        return statistics
    }

    func indicatorCounts(_ query: IndicatorQuery) async throws -> [IndicatorCounts] {
        var query = query
        if mutation == .indicatorPeriodIgnored { query.from = nil }
        if mutation == .indicatorInstantIgnored { query.now = Fixtures.now }
        // A store whose SQL knows only the lifecycle's states.
        if mutation == .indicatorStatesFixed { query.states = .lifecycle }
        return try await base.indicatorCounts(query)
    }

    func changeStamp() async throws -> Int64 {
        mutation == .changeStampFrozen ? 0 : try await base.changeStamp()
    }

    /// Paging by position (`LIMIT … OFFSET …`), the classic way to get inserts wrong.
    private func offsetPage(_ query: CaseQuery, viewer: Viewer) async throws -> CasePage {
        var all: [Case] = []
        var whole = query
        whole.cursor = nil
        whole.limit = CaseQuery.maxLimit
        while true {
            let page = try await base.listCases(whole, viewer: viewer)
            all += page.items
            guard let cursor = page.nextCursor else { break }
            whole.cursor = cursor
        }
        var offset = 0
        if let cursor = query.cursor {
            guard cursor.hasPrefix("o"), let value = Int(cursor.dropFirst()) else {
                throw DomainError.invalid(field: "cursor", "bad cursor")
            }
            offset = value
        }
        let end = min(all.count, offset + query.limit)
        return CasePage(items: Array(all[min(offset, end)..<end]), nextCursor: end < all.count ? "o\(end)" : nil)
    }
}
