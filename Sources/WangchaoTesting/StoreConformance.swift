import Foundation
import WangchaoCore
import WangchaoStore

/// An expectation of ``StoreConformance`` that a store did not meet: what was checked, what was
/// expected and what came back, and where in the suite.
public struct ConformanceFailure: Error, CustomStringConvertible, Sendable {
    public let message: String
    public let file: String
    public let line: Int

    public init(_ message: String, file: String = #fileID, line: Int = #line) {
        self.message = message
        self.file = file
        self.line = line
    }

    public var description: String { "\(message) [\(file):\(line)]" }
}

/// The behaviour every ``CaseStore`` backend must show, written once so that SQLite today and
/// PostgreSQL later run the same checks unchanged.
///
/// Each check asks `makeStore` for a fresh store holding the fixture district
/// (``CaseStore/loadFixtures()`` already done) and throws a ``ConformanceFailure`` naming the
/// first expectation it missed. A test target runs each check as its own test:
///
/// ```swift
/// @Test(arguments: StoreConformance.allChecks)
/// func conformance(_ check: StoreConformance.Check) async throws {
///     try await check.run(StoreConformance { try await makeFixtureStore() })
/// }
/// ```
///
/// The checks do not depend on timing: concurrency is used only where the contract is about it
/// (idempotent retries racing), and every expectation holds whatever the interleaving.
public struct StoreConformance: Sendable {
    public typealias MakeStore = @Sendable () async throws -> any CaseStore

    /// One named check, for `@Test(arguments:)`.
    public struct Check: Sendable, CustomStringConvertible {
        public let name: String
        public let run: @Sendable (StoreConformance) async throws -> Void

        public init(_ name: String, _ run: @escaping @Sendable (StoreConformance) async throws -> Void) {
            self.name = name
            self.run = run
        }

        public var description: String { name }
    }

    public let makeStore: MakeStore

    public init(makeStore: @escaping MakeStore) {
        self.makeStore = makeStore
    }

    /// Every check, in a stable order.
    public static let allChecks: [Check] = [
        Check("areasRoundTrip") { try await $0.areasRoundTrip() },
        Check("unitsRoundTrip") { try await $0.unitsRoundTrip() },
        Check("usersRoundTrip") { try await $0.usersRoundTrip() },
        Check("caseRoundTrip") { try await $0.caseRoundTrip() },
        Check("intakeIsValidatedAndStoresNothingWhenInvalid") {
            try await $0.intakeIsValidatedAndStoresNothingWhenInvalid()
        },
        Check("caseNumbersCountPerChinaDay") { try await $0.caseNumbersCountPerChinaDay() },
        Check("intakeHistoryRow") { try await $0.intakeHistoryRow() },
        Check("fullLifecycleHistory") { try await $0.fullLifecycleHistory() },
        Check("staleVersionRejected") { try await $0.staleVersionRejected() },
        Check("transitionNotAllowedChangesNothing") { try await $0.transitionNotAllowedChangesNothing() },
        Check("invisibleCaseIsNotFound") { try await $0.invisibleCaseIsNotFound() },
        Check("transitionChecksInOrder") { try await $0.transitionChecksInOrder() },
        Check("idempotentRetryReplays") { try await $0.idempotentRetryReplays() },
        Check("idempotencyKeyWithDifferentBodyRefused") { try await $0.idempotencyKeyWithDifferentBodyRefused() },
        Check("idempotencyKeyBelongsToActor") { try await $0.idempotencyKeyBelongsToActor() },
        Check("concurrentRetriesMakeOneCase") { try await $0.concurrentRetriesMakeOneCase() },
        Check("listVisibilityByScope") { try await $0.listVisibilityByScope() },
        Check("listVisibilityThroughCooperation") { try await $0.listVisibilityThroughCooperation() },
        Check("listVisibilityOfFormerUnit") { try await $0.listVisibilityOfFormerUnit() },
        Check("listFilterState") { try await $0.listFilterState() },
        Check("listFilterArea") { try await $0.listFilterArea() },
        Check("listFilterUnit") { try await $0.listFilterUnit() },
        Check("listFilterCategory") { try await $0.listFilterCategory() },
        Check("listFilterSource") { try await $0.listFilterSource() },
        Check("listFilterKind") { try await $0.listFilterKind() },
        Check("listFilterCreatedRange") { try await $0.listFilterCreatedRange() },
        Check("listFilterTextByNumber") { try await $0.listFilterTextByNumber() },
        Check("listFilterTextByWords") { try await $0.listFilterTextByWords() },
        Check("listFilterReporterPhone") { try await $0.listFilterReporterPhone() },
        Check("listFiltersCombineWithVisibility") { try await $0.listFiltersCombineWithVisibility() },
        Check("listPagination") { try await $0.listPagination() },
        Check("listPaginationStableUnderInserts") { try await $0.listPaginationStableUnderInserts() },
        Check("importKeepsHistoryAndMovesCounter") { try await $0.importKeepsHistoryAndMovesCounter() },
        Check("reporterRatingNeedsTheTrackingCodeAndAClosedCase") {
            try await $0.reporterRatingNeedsTheTrackingCodeAndAClosedCase()
        },
        Check("writesInsideAnAuditContextAreRecordedAndChained") {
            try await $0.writesInsideAnAuditContextAreRecordedAndChained()
        },
        Check("accountsAddAndCredentials") { try await $0.accountsAddAndCredentials() },
        Check("passwordChangeEndsSessions") { try await $0.passwordChangeEndsSessions() },
        Check("passwordUpgradeIsConditional") { try await $0.passwordUpgradeIsConditional() },
        Check("listUsersPaged") { try await $0.listUsersPaged() },
        Check("sessionsRoundTripAndExpire") { try await $0.sessionsRoundTripAndExpire() },
        Check("sessionRevocation") { try await $0.sessionRevocation() },
    ] + attachmentChecks + inboxChecks + systemChecks + externalRecordChecks + webhookChecks + timerChecks + addressChecks
        + routingChecks + repeatChecks + registryChecks + indicatorChecks + workbenchChecks + planChecks

    // MARK: - Reference data

    /// Areas come back as saved, boundary included; children and level lists are ordered by code;
    /// saving again replaces.
    public func areasRoundTrip() async throws {
        let store = try await makeStore()
        for area in Fixtures.areas {
            try expectEqual(try await store.area(code: area.code), area, "area(code: \(area.code))")
            var bare = area
            bare.boundary = nil
            try expectEqual(try await store.areaWithoutBoundary(code: area.code), bare, "areaWithoutBoundary(code: \(area.code))")
        }
        try expectEqual(try await store.areaWithoutBoundary(code: "000000"), nil, "areaWithoutBoundary of an unknown code")
        let district = try await store.area(code: Fixtures.district)
        try expect(
            district?.boundary != nil, "the district's boundary must come back, got \(String(describing: district))")
        try expectEqual(try await store.area(code: "330109999"), nil, "area(code:) of an unknown code")
        try expectEqual(try await store.rootArea(), Fixtures.areas[0], "rootArea()")

        // Saved out of order, one with a multi-polygon boundary with a hole: children still ordered by code.
        let multi = Boundary.multiPolygon([
            [
                [
                    .init(lng: 120.3, lat: 30.1), .init(lng: 120.4, lat: 30.1), .init(lng: 120.4, lat: 30.2),
                    .init(lng: 120.3, lat: 30.1),
                ],
                [
                    .init(lng: 120.35, lat: 30.12), .init(lng: 120.36, lat: 30.12), .init(lng: 120.36, lat: 30.13),
                    .init(lng: 120.35, lat: 30.12),
                ],
            ],
            [
                [
                    .init(lng: 120.5, lat: 30.0), .init(lng: 120.6, lat: 30.0), .init(lng: 120.6, lat: 30.05),
                    .init(lng: 120.5, lat: 30.0),
                ]
            ],
        ])
        let extra = [
            Area(code: "330109009", name: "新塘街道", level: .town, parentCode: Fixtures.district),
            Area(code: "330109003", name: "蜀山街道", level: .town, parentCode: Fixtures.district, boundary: multi),
        ]
        try await store.saveAreas(extra)
        try expectEqual(
            try await store.childAreas(of: Fixtures.district).map(\.code),
            [Fixtures.town, Fixtures.otherTown, "330109003", "330109009"], "childAreas(of: district) ordered by code")
        try expectEqual(try await store.area(code: "330109003"), extra[1], "an area with a MultiPolygon boundary")
        try expectEqual(try await store.childAreas(of: Fixtures.town), [Fixtures.areas[2]], "childAreas(of: town)")
        try expectEqual(try await store.childAreas(of: Fixtures.grid), [], "childAreas of a grid without micro-grids")
        try expectEqual(
            try await store.areas(level: .grid, parentCode: nil).map(\.code), [Fixtures.grid, Fixtures.otherGrid],
            "areas(level: .grid)")
        try expectEqual(
            try await store.areas(level: .community, parentCode: Fixtures.otherTown).map(\.code),
            [Fixtures.otherCommunity],
            "areas(level: .community, parentCode: otherTown)")
        try expectEqual(
            try await store.areas(level: .town, parentCode: Fixtures.town), [], "areas(level: .town, parentCode: town)")
        try expectEqual(
            try await store.areas(level: nil, parentCode: nil).map(\.code),
            (Fixtures.areas + extra).map(\.code).sorted(),
            "areas(level: nil, parentCode: nil) lists every area ordered by code")
        try expectEqual(
            try await store.areas(level: .district, parentCode: nil), [Fixtures.areas[0]],
            "areas(level: .district) comes back with its boundary")

        // Saving an existing code replaces it, and its children stay.
        var renamed = Fixtures.areas[1]
        renamed.name = "城厢街道（调整后）"
        renamed.boundary = Fixtures.square(120.2, 30.0, 0.1)
        try await store.saveAreas([renamed])
        try expectEqual(try await store.area(code: Fixtures.town), renamed, "an area saved again")
        try expectEqual(
            try await store.childAreas(of: Fixtures.town).map(\.code), [Fixtures.community],
            "children of a re-saved area")
    }

    /// Units come back as saved; `units(within:)` is the subtree, ordered by id.
    public func unitsRoundTrip() async throws {
        let store = try await makeStore()
        for unit in Fixtures.units {
            try expectEqual(try await store.unit(id: unit.id), unit, "unit(id: \(unit.id))")
        }
        try expectEqual(try await store.unit(id: "dept-nope"), nil, "unit(id:) of an unknown id")
        try expectEqual(
            try await store.units(within: nil), Fixtures.units.sorted { $0.id < $1.id }, "units(within: nil)")
        try expectEqual(
            try await store.units(within: Fixtures.district), Fixtures.units.sorted { $0.id < $1.id },
            "units(within: district)")
        try expectEqual(
            try await store.units(within: Fixtures.town),
            Fixtures.units.filter { $0.areaCode.hasPrefix(Fixtures.town) }.sorted { $0.id < $1.id },
            "units(within: town)")
        try expectEqual(
            try await store.units(within: Fixtures.otherTown).map(\.id), [Fixtures.otherGridTeam],
            "units(within: otherTown)")
        try expectEqual(
            try await store.units(within: Fixtures.grid).map(\.id), [Fixtures.gridTeam], "units(within: grid)")
        try expectEqual(try await store.units(within: "330109777"), [], "units(within:) an empty subtree")

        var renamed = Fixtures.units[0]
        renamed.name = "湘湖社区第一网格（新）"
        renamed.platform = .governance
        try await store.saveUnits([renamed])
        try expectEqual(try await store.unit(id: renamed.id), renamed, "a unit saved again")
    }

    /// Users come back as saved (scope, unit, disabled); saving again replaces.
    public func usersRoundTrip() async throws {
        let store = try await makeStore()
        for user in Fixtures.users {
            try expectEqual(try await store.user(username: user.username), user, "user(username: \(user.username))")
        }
        try expectEqual(try await store.user(username: "nobody"), nil, "user(username:) of an unknown name")
        var promoted = Fixtures.gridWorker
        promoted.role = .communityStaff
        promoted.scope = .area(Fixtures.community)
        promoted.unitId = Fixtures.communityUnit
        promoted.disabled = true
        try await store.saveUsers([promoted])
        try expectEqual(try await store.user(username: promoted.username), promoted, "a user saved again")
    }

    // MARK: - Cases

    /// A created case comes back equal through both look-ups, numbered for its China day.
    public func caseRoundTrip() async throws {
        let store = try await makeStore()
        var intake = Fixtures.intake(priority: .urgent)
        intake.description = "  人行道被流动摊贩占用，行人只能走机动车道\n"
        intake.attachments = ["photo-1", "photo-2"]
        try await store.saveFixtureAttachments(["photo-1", "photo-2"])
        intake.reporter = Reporter(name: "市民甲", phone: "13800000000", anonymous: true)
        let created = try await store.createCase(intake, by: Fixtures.gridWorker, idempotencyKey: nil, at: Fixtures.now)
        let c = created.case
        try expect(!created.replayed, "a first submission must not be reported as replayed")
        try expectEqual(c.number, "XS-20261124-000001", "the first case number of 2026-11-24 (China)")
        try expect(
            !c.id.isEmpty && c.id != c.number,
            "the id must be a stable identifier distinct from the number, got \(c.id)")
        try expectEqual(c.trackingCode.count, 8, "tracking code length")
        let expected = intake.makeCase(
            id: c.id, number: c.number, trackingCode: c.trackingCode, areaCode: Fixtures.grid,
            category: CategoryCatalog.bundled["SR03"]!, at: Fixtures.now)
        try expectEqual(c, expected, "the created case")
        try expectEqual(c.description, "人行道被流动摊贩占用，行人只能走机动车道", "the description is trimmed")
        try expectEqual(c.state, .reported, "state of a new case")
        try expectEqual(c.version, 1, "version of a new case")
        try expectEqual(try await store.getCase(id: c.id), c, "getCase(id:)")
        try expectEqual(try await store.getCase(number: c.number), c, "getCase(number:)")
        try expectEqual(try await store.getCase(id: "no-such-case"), nil, "getCase(id:) of an unknown id")
        try expectEqual(
            try await store.getCase(number: "XS-20261124-000999"), nil, "getCase(number:) of an unknown number")

        // Without an area the case belongs to the district.
        let unplaced = try await store.fileCase(Fixtures.intake(areaCode: nil), by: Fixtures.dispatcher)
        try expectEqual(unplaced.areaCode, Fixtures.district, "the area of an intake without one")
        try expectEqual(unplaced.number, "XS-20261124-000002", "the second case number of the day")
        try expectEqual(try await store.getCase(id: unplaced.id), unplaced, "getCase(id:) of the second case")
    }

    /// A refused intake leaves no trace: no case, no counter step.
    public func intakeIsValidatedAndStoresNothingWhenInvalid() async throws {
        let store = try await makeStore()
        try await expectError(.invalid, field: "category", "an unknown category") {
            try await store.fileCase(Fixtures.intake(category: "ZZ99"))
        }
        try await expectError(.invalid, field: "description", "a blank description") {
            try await store.fileCase(Fixtures.intake(description: " \n\t "))
        }
        try await expectError(.invalid, field: "areaCode", "an unknown area") {
            try await store.fileCase(Fixtures.intake(areaCode: "330109001999"))
        }
        var badLat = Fixtures.intake()
        badLat.location.lat = 91
        try await expectError(.invalid, field: "location.lat", "a latitude out of range") {
            try await store.fileCase(badLat)
        }
        try expectEqual(try await allCaseIds(store), [], "cases after refused intakes")
        let first = try await store.fileCase()
        try expectEqual(first.number, "XS-20261124-000001", "refused intakes must not use up numbers")
    }

    /// Numbers are `XS-yyyyMMdd-nnnnnn` with the day in Asia/Shanghai; the counter restarts each China day.
    public func caseNumbersCountPerChinaDay() async throws {
        let store = try await makeStore()
        let filings: [(Date, String)] = [
            (Fixtures.now, "XS-20261124-000001"),
            (Fixtures.now + 60, "XS-20261124-000002"),
            (Self.china(2026, 11, 24, 23, 59, 59), "XS-20261124-000003"),  // 15:59:59 UTC
            (Self.china(2026, 11, 24, 0, 0, 0), "XS-20261124-000004"),  // 2026-11-23 16:00 UTC: still the 24th in China
            (Self.china(2026, 11, 25, 0, 0, 0), "XS-20261125-000001"),  // 2026-11-24 16:00 UTC: the 25th in China
            (Self.china(2026, 11, 25, 7, 59, 59), "XS-20261125-000002"),  // 2026-11-24 23:59:59 UTC
            (Self.china(2026, 11, 25, 8, 0, 0), "XS-20261125-000003"),
            (Self.china(2026, 11, 26, 9, 0, 0), "XS-20261126-000001"),
        ]
        for (index, (at, number)) in filings.enumerated() {
            let c = try await store.fileCase(at: at)
            try expectEqual(c.number, number, "number of filing #\(index + 1) at \(at) (UTC)")
            try expectEqual(try await store.getCase(number: number)?.id, c.id, "getCase(number: \(number))")
        }
    }

    /// Intake writes history row 1: no from-state, to `reported`, action `intake`, the actor.
    public func intakeHistoryRow() async throws {
        let store = try await makeStore()
        var intake = Fixtures.intake()
        intake.attachments = ["photo-1"]
        try await store.saveFixtureAttachments(["photo-1"])
        let c = try await store.fileCase(intake, by: Fixtures.gridWorker)
        try expectEqual(
            try await store.history(caseId: c.id),
            [
                Transition(
                    caseId: c.id, version: 1, fromState: nil, toState: .reported, action: Transition.intakeAction,
                    actor: Fixtures.gridWorker.username, actorRole: .gridWorker, at: Fixtures.now, note: nil,
                    attachments: ["photo-1"], payload: nil)
            ], "the history of a new case")

        let anonymous = try await store.createCase(
            Fixtures.intake(), by: nil, idempotencyKey: nil, at: Fixtures.now + 1
        ).case
        let rows = try await store.history(caseId: anonymous.id)
        try expectEqual(rows.count, 1, "history rows of a public intake")
        try expectEqual(rows.first?.actor, "public", "actor of a public intake")
        try expectEqual(rows.first?.actorRole, nil, "actor role of a public intake")
        try expectEqual(try await store.history(caseId: "no-such-case"), [], "history of an unknown case")
    }

    /// accept → dispatch → sign → arrive → handle → verify → close → rate: each step returns what
    /// is stored, and the history has versions 1…n with an unbroken from/to chain.
    public func fullLifecycleHistory() async throws {
        let store = try await makeStore()
        let filed = try await store.fileCase()
        try await store.saveFixtureAttachments(["before-1", "after-1", "after-2"])
        let steps: [(CaseCommand, User, CaseState, [String])] = [
            (.accept, Fixtures.dispatcher, .accepted, []),
            (.dispatch(unitId: Fixtures.gridTeam), Fixtures.dispatcher, .dispatched, []),
            (.sign, Fixtures.gridWorker, .signed, []),
            (.arrive, Fixtures.gridWorker, .onSite, ["before-1"]),
            (.handle(result: "已劝离摊贩，恢复通行"), Fixtures.gridWorker, .handled, ["after-1", "after-2"]),
            (.verify(pass: true), Fixtures.communityStaff, .verified, []),
            (.close, Fixtures.dispatcher, .closed, []),
            (.rate(satisfaction: 5, via: .callback), Fixtures.dispatcher, .rated, []),
        ]
        var at = Fixtures.now
        for (index, (command, user, state, attachments)) in steps.enumerated() {
            at += 600
            let input = TransitionInput(
                command: command, expectedVersion: index + 1, note: "第\(index + 1)步", attachments: attachments)
            let updated = try await store.applyTransition(caseId: filed.id, input, by: user, at: at)
            try expectEqual(updated.state, state, "state after \(command.action)")
            try expectEqual(updated.version, index + 2, "version after \(command.action)")
            try expectEqual(updated.updatedAt, at, "updatedAt after \(command.action)")
            try expectEqual(try await store.getCase(id: filed.id), updated, "stored case after \(command.action)")
        }
        let final = try await store.getCase(id: filed.id)
        try expectEqual(final?.satisfaction, 5, "satisfaction after rate")
        try expectEqual(final?.ratedVia, .callback, "ratedVia after rate")
        try expectEqual(final?.assignedUnitId, Fixtures.gridTeam, "assigned unit at the end")
        try expectEqual(final?.createdAt, Fixtures.now, "createdAt never moves")
        try expectEqual(final?.number, filed.number, "the number never moves")

        let history = try await store.history(caseId: filed.id)
        try expectEqual(history.count, steps.count + 1, "history length")
        try expectEqual(history.map(\.version), Array(1...(steps.count + 1)), "history versions")
        try expectEqual(history.first?.fromState, nil, "from-state of the intake row")
        for index in 1..<history.count {
            try expectEqual(
                history[index].fromState, history[index - 1].toState,
                "history row \(index + 1) starts where row \(index) ended")
        }
        try expectEqual(history.last?.toState, final?.state, "the last history row ends in the case's state")
        try expectEqual(
            history.map(\.action), [Transition.intakeAction] + steps.map { $0.0.action.rawValue }, "history actions")
        try expectEqual(history.map(\.toState), [.reported] + steps.map { $0.2 }, "history to-states")
        try expectEqual(history.map(\.payload), [nil] + steps.map { Optional($0.0) }, "history payloads")
        try expectEqual(
            history.map(\.actor), [Fixtures.gridWorker.username] + steps.map { $0.1.username }, "history actors")
        try expectEqual(
            history.map(\.actorRole), [Optional(Role.gridWorker)] + steps.map { Optional($0.1.role) },
            "history actor roles")
        try expectEqual(
            history.map(\.at), (0...steps.count).map { Fixtures.now + TimeInterval($0 * 600) }, "history times")
        try expectEqual(history.map(\.note), [nil] + (1...steps.count).map { Optional("第\($0)步") }, "history notes")
        try expectEqual(history.map(\.attachments), [[]] + steps.map { $0.3 }, "history attachments")
        try expect(history.allSatisfy { $0.caseId == filed.id }, "every history row belongs to the case")
    }

    /// A stale version changes nothing: not the version, the state, nor the history.
    public func staleVersionRejected() async throws {
        let store = try await makeStore()
        let filed = try await store.fileCase()
        try await store.act(.accept, on: filed.id, by: Fixtures.dispatcher)
        let before = try await snapshot(store, filed.id)
        try await expectError(.versionConflict, "dispatch with version 1 on a version-2 case") {
            try await store.applyTransition(
                caseId: filed.id, TransitionInput(command: .dispatch(unitId: Fixtures.gridTeam), expectedVersion: 1),
                by: Fixtures.dispatcher, at: Fixtures.now + 60)
        }
        try await expectError(.versionConflict, "a version from the future") {
            try await store.applyTransition(
                caseId: filed.id, TransitionInput(command: .dispatch(unitId: Fixtures.gridTeam), expectedVersion: 3),
                by: Fixtures.dispatcher, at: Fixtures.now + 60)
        }
        // Version before state: `close` is not allowed on an accepted case either, but the version speaks first.
        try await expectError(.versionConflict, "a stale version for an action the state forbids") {
            try await store.applyTransition(
                caseId: filed.id, TransitionInput(command: .close, expectedVersion: 1), by: Fixtures.dispatcher,
                at: Fixtures.now + 60)
        }
        try expectEqual(try await snapshot(store, filed.id), before, "case and history after stale versions")
        try expectEqual(before.case?.version, 2, "version after accept")
        try expectEqual(before.history.count, 2, "history length after accept")
        let dispatched = try await store.applyTransition(
            caseId: filed.id, TransitionInput(command: .dispatch(unitId: Fixtures.gridTeam), expectedVersion: 2),
            by: Fixtures.dispatcher, at: Fixtures.now + 120)
        try expectEqual(dispatched.version, 3, "the current version goes through")
    }

    /// An action the state does not allow changes nothing.
    public func transitionNotAllowedChangesNothing() async throws {
        let store = try await makeStore()
        let filed = try await store.fileCase()
        let before = try await snapshot(store, filed.id)
        try await expectError(.transitionNotAllowed, "sign on a reported case") {
            try await store.act(.sign, on: filed.id, by: Fixtures.gridWorker)
        }
        try await expectError(.transitionNotAllowed, "close on a reported case") {
            try await store.act(.close, on: filed.id, by: Fixtures.dispatcher)
        }
        try await expectError(.transitionNotAllowed, "rate on a reported case") {
            try await store.act(.rate(satisfaction: 4, via: .callback), on: filed.id, by: Fixtures.dispatcher)
        }
        try expectEqual(try await snapshot(store, filed.id), before, "case and history after refused transitions")
        try expectEqual(before.history.count, 1, "history length of a new case")
    }

    /// A case the actor may not see does not exist for him (even when his role or the body would
    /// also be refused: scope comes first).
    public func invisibleCaseIsNotFound() async throws {
        let store = try await makeStore()
        let filed = try await store.fileCase()  // in the first town's grid
        let before = try await snapshot(store, filed.id)
        try await expectError(.notFound, "a grid worker of the other town signing") {
            try await store.act(.sign, on: filed.id, by: Fixtures.otherGridWorker)
        }
        try await expectError(.notFound, "a grid worker of the other town accepting (role would be refused too)") {
            try await store.act(.accept, on: filed.id, by: Fixtures.otherGridWorker)
        }
        try await expectError(.notFound, "the other town's dispatcher rejecting with an empty reason") {
            try await store.act(.reject(reason: ""), on: filed.id, by: Fixtures.otherDispatcher)
        }
        try await expectError(.notFound, "a department handler before the case reaches his unit") {
            try await store.act(.requestVoid(reason: "重复"), on: filed.id, by: Fixtures.handler)
        }
        try await expectError(.notFound, "a disabled dispatcher of the town") {
            try await store.act(.accept, on: filed.id, by: Fixtures.disabled)
        }
        try await expectError(.notFound, "an unknown case id") {
            try await store.applyTransition(
                caseId: "no-such-case", TransitionInput(command: .accept, expectedVersion: 1), by: Fixtures.commander,
                at: Fixtures.now)
        }
        try expectEqual(try await snapshot(store, filed.id), before, "case and history after invisible attempts")
        let visible = try await allCaseIds(store, viewer: Fixtures.otherGridWorker)
        try expectEqual(visible, [], "the other town's grid worker's list")
    }

    /// Scope, role, body, version, state: the first failing check decides the error, and none changes anything.
    public func transitionChecksInOrder() async throws {
        let store = try await makeStore()
        let filed = try await store.fileCase()
        let before = try await snapshot(store, filed.id)
        try await expectError(.forbidden, "a grid worker accepting") {
            try await store.act(.accept, on: filed.id, by: Fixtures.gridWorker)
        }
        try await expectError(.forbidden, "an observer accepting") {
            try await store.act(.accept, on: filed.id, by: Fixtures.observer)
        }
        try await expectError(.forbidden, "an administrator accepting") {
            try await store.act(.accept, on: filed.id, by: Fixtures.admin)
        }
        try await expectError(.forbidden, "role before body: a grid worker rejecting without a reason") {
            try await store.act(.reject(reason: " "), on: filed.id, by: Fixtures.gridWorker)
        }
        try await expectError(.invalid, field: "reason", "a reject without a reason") {
            try await store.act(.reject(reason: " \n"), on: filed.id, by: Fixtures.dispatcher)
        }
        try await expectError(.invalid, field: "reason", "body before version: no reason and a stale version") {
            try await store.applyTransition(
                caseId: filed.id, TransitionInput(command: .reject(reason: ""), expectedVersion: 7),
                by: Fixtures.dispatcher,
                at: Fixtures.now)
        }
        try await expectError(.invalid, field: "satisfaction", "body before state: satisfaction 9 on a reported case") {
            try await store.act(.rate(satisfaction: 9, via: .callback), on: filed.id, by: Fixtures.dispatcher)
        }
        try await expectError(.invalid, field: "unitId", "body before state: dispatch to an unknown unit") {
            try await store.act(.dispatch(unitId: "dept-nope"), on: filed.id, by: Fixtures.dispatcher)
        }
        try await expectError(.invalid, field: "version", "version 0") {
            try await store.applyTransition(
                caseId: filed.id, TransitionInput(command: .accept, expectedVersion: 0), by: Fixtures.dispatcher,
                at: Fixtures.now)
        }
        try await expectError(.versionConflict, "version before state: stale version, close on a reported case") {
            try await store.applyTransition(
                caseId: filed.id, TransitionInput(command: .close, expectedVersion: 2), by: Fixtures.dispatcher,
                at: Fixtures.now)
        }
        try expectEqual(try await snapshot(store, filed.id), before, "case and history after refused transitions")
    }

    // MARK: - Idempotency

    /// The same key and body by the same actor returns the first case, marked replayed; one case exists.
    public func idempotentRetryReplays() async throws {
        let store = try await makeStore()
        let intake = Fixtures.intake()
        let first = try await store.createCase(
            intake, by: Fixtures.gridWorker, idempotencyKey: "retry-1", at: Fixtures.now)
        let second = try await store.createCase(
            intake, by: Fixtures.gridWorker, idempotencyKey: "retry-1", at: Fixtures.now + 30)
        try expect(!first.replayed, "the first submission must not be replayed")
        try expect(second.replayed, "the retry must be marked replayed")
        try expectEqual(second.case, first.case, "the retry's case")
        try expectEqual(try await allCaseIds(store), [first.case.id], "cases after a retry")
        try expectEqual(try await store.history(caseId: first.case.id).count, 1, "history rows after a retry")
        let next = try await store.fileCase(at: Fixtures.now + 60)
        try expectEqual(next.number, "XS-20261124-000002", "a replay must not use up a number")
        // Without a key, the same body makes a second case.
        let unkeyed = try await store.createCase(
            intake, by: Fixtures.gridWorker, idempotencyKey: nil, at: Fixtures.now + 90)
        try expect(!unkeyed.replayed && unkeyed.case.id != first.case.id, "an unkeyed submission is a new case")
    }

    /// The same key with a different body is refused (`invalid`, field `Idempotency-Key`).
    public func idempotencyKeyWithDifferentBodyRefused() async throws {
        let store = try await makeStore()
        let first = try await store.createCase(
            Fixtures.intake(), by: Fixtures.gridWorker, idempotencyKey: "key-1", at: Fixtures.now)
        try await expectError(.invalid, field: "Idempotency-Key", "the same key with another description") {
            try await store.createCase(
                Fixtures.intake(description: "另一件事：路灯不亮"), by: Fixtures.gridWorker, idempotencyKey: "key-1",
                at: Fixtures.now + 30)
        }
        try await expectError(.invalid, field: "Idempotency-Key", "the same key with another category") {
            try await store.createCase(
                Fixtures.intake(category: "SR01"), by: Fixtures.gridWorker, idempotencyKey: "key-1",
                at: Fixtures.now + 30)
        }
        try expectEqual(try await allCaseIds(store), [first.case.id], "cases after a refused reuse of a key")
        let retry = try await store.createCase(
            Fixtures.intake(), by: Fixtures.gridWorker, idempotencyKey: "key-1", at: Fixtures.now + 60)
        try expect(retry.replayed && retry.case.id == first.case.id, "the original body still replays after a refusal")
    }

    /// Keys belong to their actor: another actor's identical submission is another case.
    public func idempotencyKeyBelongsToActor() async throws {
        let store = try await makeStore()
        let intake = Fixtures.intake()
        let mine = try await store.createCase(
            intake, by: Fixtures.gridWorker, idempotencyKey: "shared", at: Fixtures.now)
        let theirs = try await store.createCase(
            intake, by: Fixtures.communityStaff, idempotencyKey: "shared", at: Fixtures.now)
        try expect(!mine.replayed && !theirs.replayed, "neither first submission is a replay")
        try expect(mine.case.id != theirs.case.id, "two actors with the same key make two cases")
        try expectEqual(Set(try await allCaseIds(store)), [mine.case.id, theirs.case.id], "cases of two actors")
        let theirRetry = try await store.createCase(
            intake, by: Fixtures.communityStaff, idempotencyKey: "shared", at: Fixtures.now + 5)
        try expect(theirRetry.replayed && theirRetry.case.id == theirs.case.id, "each actor replays his own case")
    }

    /// Retries racing each other still make exactly one case.
    public func concurrentRetriesMakeOneCase() async throws {
        let store = try await makeStore()
        let intake = Fixtures.intake()
        let results = try await withThrowingTaskGroup(of: CaseCreation.self) { group in
            for _ in 0..<12 {
                group.addTask {
                    try await store.createCase(
                        intake, by: Fixtures.gridWorker, idempotencyKey: "race", at: Fixtures.now)
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        try expectEqual(results.filter { !$0.replayed }.count, 1, "submissions not replayed among 12 racing retries")
        try expectEqual(Set(results.map(\.case.id)).count, 1, "distinct cases returned to 12 racing retries")
        try expectEqual(try await allCaseIds(store).count, 1, "cases after 12 racing retries")
    }

    // MARK: - Listing: visibility

    /// Each role sees its scope: grid, community, town, whole district; a unit-scoped handler sees
    /// what reached his unit; a disabled user sees nothing. Newest first.
    public func listVisibilityByScope() async throws {
        let store = try await makeStore()
        let a = try await store.fileCase(
            Fixtures.intake(areaCode: Fixtures.grid), by: Fixtures.gridWorker, at: Fixtures.now)
        let b = try await store.fileCase(
            Fixtures.intake(areaCode: Fixtures.otherGrid), by: Fixtures.otherGridWorker, at: Fixtures.now + 60)
        let c = try await store.fileCase(
            Fixtures.intake(areaCode: Fixtures.town), by: Fixtures.dispatcher, at: Fixtures.now + 120)
        let d = try await store.fileCase(
            Fixtures.intake(areaCode: Fixtures.otherTown), by: Fixtures.otherDispatcher, at: Fixtures.now + 180)
        let e = try await store.fileCase(
            Fixtures.intake(areaCode: Fixtures.community), by: Fixtures.communityStaff, at: Fixtures.now + 240)
        let expectations: [(User, [Case])] = [
            (Fixtures.gridWorker, [a]),
            (Fixtures.otherGridWorker, [b]),
            (Fixtures.communityStaff, [e, a]),
            (Fixtures.dispatcher, [e, c, a]),
            (Fixtures.secondDispatcher, [e, c, a]),
            (Fixtures.otherDispatcher, [d, b]),
            (Fixtures.commander, [e, d, c, b, a]),
            (Fixtures.admin, [e, d, c, b, a]),
            (Fixtures.observer, [e, d, c, b, a]),
            (Fixtures.handler, []),
            (Fixtures.disabled, []),
        ]
        for (viewer, cases) in expectations {
            try expectEqual(
                try await allCaseIds(store, viewer: viewer), cases.map(\.id), "cases \(viewer.username) sees")
        }
        // The list and single-case visibility agree.
        for (viewer, _) in expectations {
            let listed = Set(try await allCaseIds(store, viewer: viewer))
            for subject in [a, b, c, d, e] {
                try expectEqual(
                    listed.contains(subject.id), Access.canSee(subject, user: viewer),
                    "list and Access.canSee agree for \(viewer.username) on the case in \(subject.areaCode)")
            }
        }
        // Dispatched to the enforcement platform, the town case becomes the handler's.
        try await store.act(.accept, on: c.id, by: Fixtures.dispatcher)
        try await store.act(.dispatch(unitId: Fixtures.enforcementPlatform), on: c.id, by: Fixtures.dispatcher)
        try expectEqual(
            try await allCaseIds(store, viewer: Fixtures.handler), [c.id], "cases the handler sees after dispatch")
    }

    /// A case of the other town with the grid team added as cooperator becomes visible to the grid worker.
    public func listVisibilityThroughCooperation() async throws {
        let store = try await makeStore()
        let own = try await store.fileCase(at: Fixtures.now)
        let elsewhere = try await store.fileCase(
            Fixtures.intake(areaCode: Fixtures.otherGrid), by: Fixtures.otherGridWorker, at: Fixtures.now + 60)
        try expectEqual(
            try await allCaseIds(store, viewer: Fixtures.gridWorker), [own.id], "the grid worker's list before")
        try await store.act(.accept, on: elsewhere.id, by: Fixtures.otherDispatcher)
        try await store.act(.dispatch(unitId: Fixtures.otherGridTeam), on: elsewhere.id, by: Fixtures.otherDispatcher)
        try expectEqual(
            try await allCaseIds(store, viewer: Fixtures.gridWorker), [own.id],
            "the grid worker's list after dispatch elsewhere")
        try await store.act(.addCooperator(unitId: Fixtures.gridTeam), on: elsewhere.id, by: Fixtures.otherDispatcher)
        try expectEqual(
            try await allCaseIds(store, viewer: Fixtures.gridWorker), [elsewhere.id, own.id],
            "the grid worker's list once his team cooperates")
        var byUnit = CaseQuery()
        byUnit.unitId = Fixtures.gridTeam
        try expectEqual(
            try await allCaseIds(store, byUnit, viewer: Fixtures.gridWorker), [elsewhere.id],
            "the grid worker's list filtered by his unit")
        // Visible for transitions too: a stale version is a conflict, not notFound.
        try await expectError(.versionConflict, "a cooperator's stale transition") {
            try await store.applyTransition(
                caseId: elsewhere.id, TransitionInput(command: .arrive, expectedVersion: 1), by: Fixtures.gridWorker,
                at: Fixtures.now)
        }
    }

    /// A unit that was assigned keeps seeing the case after it is dispatched elsewhere.
    public func listVisibilityOfFormerUnit() async throws {
        let store = try await makeStore()
        let elsewhere = try await store.fileCase(
            Fixtures.intake(areaCode: Fixtures.otherGrid), by: Fixtures.otherGridWorker, at: Fixtures.now)
        try await store.act(.accept, on: elsewhere.id, by: Fixtures.otherDispatcher)
        try await store.act(.dispatch(unitId: Fixtures.gridTeam), on: elsewhere.id, by: Fixtures.otherDispatcher)
        try expectEqual(
            try await allCaseIds(store, viewer: Fixtures.gridWorker), [elsewhere.id], "assigned to his team")
        try await store.act(.dispatch(unitId: Fixtures.otherGridTeam), on: elsewhere.id, by: Fixtures.otherDispatcher)
        try expectEqual(
            try await allCaseIds(store, viewer: Fixtures.gridWorker), [elsewhere.id], "formerly assigned to his team")
        try await store.act(.return(reason: "不属于本网格"), on: elsewhere.id, by: Fixtures.otherGridWorker)
        try expectEqual(
            try await allCaseIds(store, viewer: Fixtures.gridWorker), [elsewhere.id], "after the case was returned")
    }

    // MARK: - Listing: filters

    /// state: one or several states.
    public func listFilterState() async throws {
        let (store, s) = try await seedFilterCases()
        try expectEqual(try await ids(store, { $0.states = [.dispatched] }), [s.e, s.a], "state=dispatched")
        try expectEqual(try await ids(store, { $0.states = [.reported] }), [s.d], "state=reported")
        try expectEqual(
            try await ids(store, { $0.states = [.accepted, .rejected] }), [s.c, s.b], "state=accepted,rejected")
        try expectEqual(try await ids(store, { $0.states = [.closed] }), [], "state=closed")
        try expectEqual(try await ids(store, { $0.states = [] }), s.all, "no state filter")
    }

    /// area: the subtree, itself included.
    public func listFilterArea() async throws {
        let (store, s) = try await seedFilterCases()
        try expectEqual(try await ids(store, { $0.areaCode = Fixtures.town }), [s.e, s.c, s.a], "area=town")
        try expectEqual(try await ids(store, { $0.areaCode = Fixtures.community }), [s.c, s.a], "area=community")
        try expectEqual(try await ids(store, { $0.areaCode = Fixtures.grid }), [s.a], "area=grid")
        try expectEqual(try await ids(store, { $0.areaCode = Fixtures.otherTown }), [s.d, s.b], "area=otherTown")
        try expectEqual(try await ids(store, { $0.areaCode = Fixtures.district }), s.all, "area=district")
        try expectEqual(try await ids(store, { $0.areaCode = "330109003" }), [], "area=an empty town")
    }

    /// unit: assigned now, before, or cooperating.
    public func listFilterUnit() async throws {
        let (store, s) = try await seedFilterCases()
        try expectEqual(
            try await ids(store, { $0.unitId = Fixtures.communityUnit }), [s.a], "unit=community (assigned now)")
        try expectEqual(
            try await ids(store, { $0.unitId = Fixtures.gridTeam }), [s.e, s.a],
            "unit=grid team (cooperating, formerly assigned)")
        try expectEqual(
            try await ids(store, { $0.unitId = Fixtures.enforcementPlatform }), [s.e], "unit=enforcement (assigned)")
        try expectEqual(try await ids(store, { $0.unitId = Fixtures.otherGridTeam }), [], "unit=other grid team")
    }

    public func listFilterCategory() async throws {
        let (store, s) = try await seedFilterCases()
        try expectEqual(try await ids(store, { $0.category = "SR03" }), [s.d, s.a], "category=SR03")
        try expectEqual(try await ids(store, { $0.category = "AQ01" }), [s.e], "category=AQ01")
        try expectEqual(try await ids(store, { $0.category = "ZZ99" }), [], "category=ZZ99")
    }

    public func listFilterSource() async throws {
        let (store, s) = try await seedFilterCases()
        try expectEqual(try await ids(store, { $0.source = .hotline12345 }), [s.d, s.a], "source=hotline12345")
        try expectEqual(try await ids(store, { $0.source = .police110 }), [s.e], "source=police110")
        try expectEqual(try await ids(store, { $0.source = .open311 }), [], "source=open311")
    }

    /// Every case keeps its kind; `kind` selects by it, in the list and on the 工作台, and a
    /// change to the case keeps the kind.
    public func listFilterKind() async throws {
        let (store, s) = try await seedFilterCases()
        let category = CategoryCatalog.bundled["SR03"]!
        var other = Fixtures.intake().makeCase(
            id: "kind-other-1", number: "XS-20261124-000900", trackingCode: "KINDKIND", areaCode: Fixtures.grid,
            category: category, at: s.t0 - 3600)
        other.kind = "conformanceTrial"
        try await store.importCases([ImportedCase(case: other, history: [Intake.intakeTransition(for: other, actor: nil)])])
        try expectEqual(try await store.getCase(id: other.id)?.kind, "conformanceTrial", "the kind comes back")
        try expectEqual(try await store.getCase(id: s.a)?.kind, .case, "a filed case is of kind case")
        try expectEqual(try await ids(store, { $0.kind = "conformanceTrial" }), [other.id], "kind=conformanceTrial")
        try expectEqual(try await ids(store, { $0.kind = .case }), s.all, "kind=case")
        try expectEqual(try await ids(store, { $0.kind = "none" }), [], "kind=none")
        try expectEqual(
            try await ids(store, { $0.kind = "conformanceTrial"; $0.category = "SR03" }), [other.id],
            "kind and category together")
        let urgency = try await store.casesByUrgency(
            UrgencyQuery(cases: { var q = CaseQuery(); q.kind = "conformanceTrial"; return q }(), now: s.t0),
            viewer: Fixtures.commander.viewer)
        try expectEqual(urgency.rows.map(\.row.id), [other.id], "the 工作台's rows of kind conformanceTrial")
        try await store.act(.accept, on: s.d, by: Fixtures.otherDispatcher, at: s.t0 + 6 * 3600)
        try expectEqual(try await ids(store, { $0.kind = .case }), s.all, "kind=case after a change")
    }

    /// createdFrom is inclusive, createdTo exclusive: `[from, to)`.
    public func listFilterCreatedRange() async throws {
        let (store, s) = try await seedFilterCases()
        let hour: TimeInterval = 3600
        try expectEqual(
            try await ids(
                store,
                {
                    $0.createdFrom = s.t0 + hour
                    $0.createdTo = s.t0 + 3 * hour
                }), [s.c, s.b], "createdFrom=t0+1h (inclusive) createdTo=t0+3h (exclusive)")
        try expectEqual(try await ids(store, { $0.createdFrom = s.t0 + 3 * hour }), [s.e, s.d], "createdFrom=t0+3h")
        try expectEqual(try await ids(store, { $0.createdFrom = s.t0 + 3 * hour + 1 }), [s.e], "createdFrom=t0+3h+1s")
        try expectEqual(try await ids(store, { $0.createdTo = s.t0 + hour }), [s.a], "createdTo=t0+1h")
        try expectEqual(try await ids(store, { $0.createdTo = s.t0 }), [], "createdTo=t0")
    }

    /// q: a case number finds that case.
    public func listFilterTextByNumber() async throws {
        let (store, s) = try await seedFilterCases()
        for id in s.all {
            let number = try await store.getCase(id: id)!.number
            try expectEqual(try await ids(store, { $0.text = number }), [id], "q=\(number)")
            try expectEqual(try await ids(store, { $0.text = " \(number) " }), [id], "q=\(number) with spaces around")
        }
        try expectEqual(try await ids(store, { $0.text = "XS-20261124-999999" }), [], "q=an unknown number")
    }

    /// q: words must all occur in the description or the address; `%` and `_` are literal.
    public func listFilterTextByWords() async throws {
        let (store, s) = try await seedFilterCases()
        try expectEqual(try await ids(store, { $0.text = "摊贩" }), [s.d, s.a], "q=摊贩")
        try expectEqual(try await ids(store, { $0.text = "摊贩 湘湖路" }), [s.a], "q=摊贩 湘湖路 (description and address)")
        try expectEqual(try await ids(store, { $0.text = "湘湖路100号" }), [s.e, s.a], "q=湘湖路100号 (address)")
        try expectEqual(try await ids(store, { $0.text = "消防通道" }), [s.e], "q=消防通道")
        try expectEqual(try await ids(store, { $0.text = "漏水  发霉" }), [s.b], "q=漏水  发霉 (two spaces)")
        try expectEqual(try await ids(store, { $0.text = "摊贩 漏水" }), [], "q=摊贩 漏水 (no case has both)")
        try expectEqual(try await ids(store, { $0.text = "%" }), [s.c], "q=% is a literal percent sign")
        try expectEqual(try await ids(store, { $0.text = "_" }), [], "q=_ is a literal underscore")
        try expectEqual(try await ids(store, { $0.text = "50%折扣" }), [s.c], "q=50%折扣")
        try expectEqual(try await ids(store, { $0.text = "   " }), s.all, "q of spaces only filters nothing")
    }

    /// reporterPhone: the exact number.
    public func listFilterReporterPhone() async throws {
        let (store, s) = try await seedFilterCases()
        try expectEqual(
            try await ids(store, { $0.reporterPhone = "13800000000" }), [s.d, s.a], "reporterPhone=13800000000")
        try expectEqual(try await ids(store, { $0.reporterPhone = "13900000001" }), [s.b], "reporterPhone=13900000001")
        try expectEqual(
            try await ids(store, { $0.reporterPhone = "1380000" }), [], "reporterPhone is not a prefix search")
    }

    /// Filters combine with each other and with the viewer's visibility.
    public func listFiltersCombineWithVisibility() async throws {
        let (store, s) = try await seedFilterCases()
        try expectEqual(
            try await ids(
                store,
                {
                    $0.category = "SR03"
                    $0.areaCode = Fixtures.town
                }), [s.a], "category=SR03 area=town")
        try expectEqual(
            try await ids(
                store,
                {
                    $0.source = .hotline12345
                    $0.states = [.reported]
                }), [s.d], "source=hotline12345 state=reported")
        try expectEqual(
            try await ids(store, viewer: Fixtures.gridWorker, { _ in }), [s.e, s.a],
            "the grid worker sees his grid's case and the one his team cooperates on")
        try expectEqual(
            try await ids(store, viewer: Fixtures.gridWorker, { $0.category = "AQ01" }), [s.e],
            "grid worker, category=AQ01")
        try expectEqual(
            try await ids(store, viewer: Fixtures.gridWorker, { $0.areaCode = Fixtures.otherTown }), [],
            "grid worker, area=otherTown: filters never widen visibility")
        try expectEqual(
            try await ids(store, viewer: Fixtures.otherDispatcher, { $0.text = "摊贩" }), [s.d], "other dispatcher, q=摊贩")
    }

    // MARK: - Listing: pages

    /// `limit` is respected, cursor pages cover everything exactly once, newest first, and the last
    /// page has no cursor.
    public func listPagination() async throws {
        let store = try await makeStore()
        var created: [String] = []
        for index in 0..<7 {
            let category = index.isMultiple(of: 2) ? "SR03" : "SR01"
            created.append(
                try await store.fileCase(
                    Fixtures.intake(category: category), at: Fixtures.now + TimeInterval(index * 60)
                ).id)
        }
        let newestFirst = Array(created.reversed())

        for limit in 1...8 {
            var query = CaseQuery()
            query.limit = limit
            var seen: [String] = []
            var pages = 0
            while true {
                let page = try await store.listCases(query, viewer: Fixtures.commander.viewer)
                pages += 1
                try expect(page.items.count <= limit, "limit \(limit): a page of \(page.items.count) items")
                seen += page.items.map(\.id)
                guard let cursor = page.nextCursor else { break }
                try expect(!page.items.isEmpty, "limit \(limit): a page with a cursor must not be empty")
                try expect(pages <= 7, "limit \(limit): paging does not end")
                query.cursor = cursor
            }
            try expectEqual(seen, newestFirst, "limit \(limit): all pages together, newest first")
            try expectEqual(pages, max(1, (7 + limit - 1) / limit), "limit \(limit): number of pages")
        }

        var exact = CaseQuery()
        exact.limit = 7
        let whole = try await store.listCases(exact, viewer: Fixtures.commander.viewer)
        try expectEqual(whole.items.map(\.id), newestFirst, "limit 7 over 7 cases")
        try expectEqual(whole.nextCursor, nil, "limit 7 over 7 cases: no next page")
        let defaults = try await store.listCases(CaseQuery(), viewer: Fixtures.commander.viewer)
        try expectEqual(defaults.items.map(\.id), newestFirst, "the default limit (50) over 7 cases")
        try expectEqual(defaults.nextCursor, nil, "the default limit over 7 cases: no next page")

        var filtered = CaseQuery()
        filtered.category = "SR03"
        filtered.limit = 1
        try expectEqual(
            try await allCaseIds(store, filtered),
            newestFirst.enumerated().filter { $0.offset.isMultiple(of: 2) }.map(\.element),
            "pages of one over a category filter")

        var bad = CaseQuery()
        bad.cursor = "not a cursor"
        try await expectError(.invalid, field: "cursor", "a malformed cursor") {
            try await store.listCases(bad, viewer: Fixtures.commander.viewer)
        }
    }

    /// New cases arriving (and old ones changing) between two pages neither shift nor repeat nor
    /// skip anything: the next page continues exactly where the previous one stopped.
    public func listPaginationStableUnderInserts() async throws {
        let store = try await makeStore()
        var old: [String] = []
        for index in 0..<5 {
            old.append(try await store.fileCase(at: Fixtures.now + TimeInterval(index * 60)).id)
        }
        var query = CaseQuery()
        query.limit = 2
        let page1 = try await store.listCases(query, viewer: Fixtures.commander.viewer)
        try expectEqual(page1.items.map(\.id), [old[4], old[3]], "page 1")

        var new: [String] = []
        for index in 0..<3 {
            new.append(try await store.fileCase(at: Fixtures.now + TimeInterval(600 + index * 60)).id)
        }
        try await store.act(.accept, on: old[2], by: Fixtures.dispatcher, at: Fixtures.now + 900)
        query.cursor = try unwrap(page1.nextCursor, "page 1's cursor")
        let page2 = try await store.listCases(query, viewer: Fixtures.commander.viewer)
        try expectEqual(page2.items.map(\.id), [old[2], old[1]], "page 2 after three inserts and an update")

        new.append(try await store.fileCase(at: Fixtures.now + 1200).id)
        query.cursor = try unwrap(page2.nextCursor, "page 2's cursor")
        let page3 = try await store.listCases(query, viewer: Fixtures.commander.viewer)
        try expectEqual(page3.items.map(\.id), [old[0]], "page 3 after another insert")
        try expectEqual(page3.nextCursor, nil, "the last page's cursor")

        var fresh = CaseQuery()
        fresh.limit = 2
        try expectEqual(
            try await store.listCases(fresh, viewer: Fixtures.commander.viewer).items.map(\.id), [new[3], new[2]],
            "a fresh first page shows the new cases")
        try expectEqual(try await allCaseIds(store), new.reversed() + old.reversed(), "everything, newest first")
    }

    // MARK: - Import

    /// Imported cases keep their history as given, and the day counter moves past their numbers.
    public func importKeepsHistoryAndMovesCounter() async throws {
        let store = try await makeStore()
        let category = CategoryCatalog.bundled["SR03"]!
        let at = Fixtures.now - 3600
        let reported = Fixtures.intake().makeCase(
            id: "imported-1", number: "XS-20261124-000041", trackingCode: "ABCDEFGH", areaCode: Fixtures.grid,
            category: category, at: at)
        let intakeRow = Intake.intakeTransition(for: reported, actor: Fixtures.gridWorker)
        let context = TransitionContext(
            unit: { id in Fixtures.units.first { $0.id == id } }, visibleCase: { _ in nil }, category: category)
        let (accepted, acceptRow) = try Lifecycle.apply(
            TransitionInput(command: .accept, expectedVersion: 1, note: "导入"), to: reported, by: Fixtures.dispatcher,
            at: at + 60, context: context)
        try await store.importCases([ImportedCase(case: accepted, history: [intakeRow, acceptRow])])

        try expectEqual(try await store.getCase(id: accepted.id), accepted, "getCase(id:) of an imported case")
        try expectEqual(
            try await store.getCase(number: accepted.number), accepted, "getCase(number:) of an imported case")
        try expectEqual(
            try await store.history(caseId: accepted.id), [intakeRow, acceptRow], "history of an imported case")
        try expectEqual(
            try await allCaseIds(store, viewer: Fixtures.gridWorker), [accepted.id], "an imported case is listed")

        let next = try await store.fileCase(at: Fixtures.now)
        try expectEqual(next.number, "XS-20261124-000042", "the first number after importing 000041")

        let earlier = Fixtures.intake().makeCase(
            id: "imported-2", number: "XS-20261124-000007", trackingCode: "HGFEDCBA", areaCode: Fixtures.grid,
            category: category, at: at)
        try await store.importCases([
            ImportedCase(case: earlier, history: [Intake.intakeTransition(for: earlier, actor: nil)])
        ])
        let after = try await store.fileCase(at: Fixtures.now + 60)
        try expectEqual(after.number, "XS-20261124-000043", "importing a lower number never moves the counter back")
        let dispatched = try await store.act(
            .dispatch(unitId: Fixtures.gridTeam), on: accepted.id, by: Fixtures.dispatcher, at: Fixtures.now + 120)
        try expectEqual(dispatched.version, 3, "an imported case carries on from its version")
        try expectEqual(
            try await store.history(caseId: accepted.id).map(\.version), [1, 2, 3], "history versions after carrying on"
        )
    }
}

// MARK: - Fixtures and helpers

extension StoreConformance {
    /// The ids of the five cases of the filter checks, and when the first came in.
    struct FilterCases {
        /// Grid of the first town, 占道经营 by hotline, dispatched to the grid team, then to the community.
        var a: String
        /// Grid of the other town, 邻里纠纷 through the app, rejected.
        var b: String
        /// Community of the first town, 噪音扰民 on patrol, no phone, accepted.
        var c: String
        /// The other town, 占道经营 by hotline, still reported.
        var d: String
        /// The first town, 消防隐患 from 110, dispatched to the platform with the grid team cooperating.
        var e: String
        var t0: Date

        var all: [String] { [e, d, c, b, a] }
    }

    func seedFilterCases() async throws -> (any CaseStore, FilterCases) {
        let store = try await makeStore()
        let t0 = Fixtures.now
        func intake(
            _ category: String, _ source: SourceChannel, _ area: String, _ description: String, _ address: String,
            _ phone: String?
        ) -> Intake {
            Intake(
                category: category, description: description, source: source,
                location: Location(lat: 30.16, lng: 120.26, address: address),
                reporter: Reporter(name: "市民", phone: phone), areaCode: area)
        }
        let a = try await store.fileCase(
            intake("SR03", .hotline12345, Fixtures.grid, "人行道被流动摊贩占用", "萧山区湘湖路100号", "13800000000"),
            by: Fixtures.gridWorker, at: t0)
        let b = try await store.fileCase(
            intake("JF01", .citizenApp, Fixtures.otherGrid, "楼上漏水导致天花板发霉", "金城路200号", "13900000001"),
            by: Fixtures.otherGridWorker, at: t0 + 3600)
        let c = try await store.fileCase(
            intake("SR04", .gridPatrol, Fixtures.community, "夜间施工噪音扰民，工地挂出50%折扣横幅", "湘湖路300号工地", nil),
            by: Fixtures.communityStaff, at: t0 + 2 * 3600)
        let d = try await store.fileCase(
            intake("SR03", .hotline12345, Fixtures.otherTown, "早市摊贩占道经营", "北干街道市心路8号", "13800000000"),
            by: Fixtures.otherDispatcher, at: t0 + 3 * 3600)
        let e = try await store.fileCase(
            intake("AQ01", .police110, Fixtures.town, "楼道堆放杂物堵塞消防通道", "湘湖路100号3单元", "13700000002"),
            by: Fixtures.dispatcher, at: t0 + 4 * 3600)
        let later = t0 + 5 * 3600
        try await store.act(.accept, on: a.id, by: Fixtures.dispatcher, at: later)
        try await store.act(.dispatch(unitId: Fixtures.gridTeam), on: a.id, by: Fixtures.dispatcher, at: later)
        try await store.act(.dispatch(unitId: Fixtures.communityUnit), on: a.id, by: Fixtures.dispatcher, at: later)
        try await store.act(.reject(reason: "不属于受理范围"), on: b.id, by: Fixtures.otherDispatcher, at: later)
        try await store.act(.accept, on: c.id, by: Fixtures.dispatcher, at: later)
        try await store.act(.accept, on: e.id, by: Fixtures.dispatcher, at: later)
        try await store.act(
            .dispatch(unitId: Fixtures.enforcementPlatform), on: e.id, by: Fixtures.dispatcher, at: later)
        try await store.act(.addCooperator(unitId: Fixtures.gridTeam), on: e.id, by: Fixtures.dispatcher, at: later)
        return (store, FilterCases(a: a.id, b: b.id, c: c.id, d: d.id, e: e.id, t0: t0))
    }

    /// The ids of every case matching `configure`'s query that `viewer` sees, across all pages.
    func ids(
        _ store: any CaseStore, viewer: User = Fixtures.commander, _ configure: (inout CaseQuery) -> Void
    ) async throws -> [String] {
        var query = CaseQuery()
        configure(&query)
        return try await allCaseIds(store, query, viewer: viewer)
    }

    /// Pages through `query` and returns every id, checking that no id repeats.
    func allCaseIds(
        _ store: any CaseStore, _ query: CaseQuery = CaseQuery(), viewer: User = Fixtures.commander
    ) async throws -> [String] {
        var query = query
        if query.limit == CaseQuery().limit { query.limit = CaseQuery.maxLimit }
        var ids: [String] = []
        for _ in 0..<1000 {
            let page = try await store.listCases(query, viewer: viewer.viewer)
            ids += page.items.map(\.id)
            guard let cursor = page.nextCursor else {
                try expectEqual(Set(ids).count, ids.count, "no case is listed twice")
                return ids
            }
            query.cursor = cursor
        }
        throw ConformanceFailure("listing does not end after 1000 pages")
    }

    struct Snapshot: Equatable {
        var `case`: Case?
        var history: [Transition]
    }

    func snapshot(_ store: any CaseStore, _ id: String) async throws -> Snapshot {
        Snapshot(case: try await store.getCase(id: id), history: try await store.history(caseId: id))
    }

    /// An instant given as a wall-clock time in China (UTC+8, no daylight saving).
    static func china(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int, _ second: Int) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0)!
        let utc = calendar.date(
            from: DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second))!
        return utc - 8 * 3600
    }

    func expect(_ condition: Bool, _ message: @autoclosure () -> String, file: String = #fileID, line: Int = #line)
        throws
    {
        if !condition { throw ConformanceFailure(message(), file: file, line: line) }
    }

    func expectEqual<T: Equatable>(
        _ actual: T, _ expected: T, _ what: @autoclosure () -> String, file: String = #fileID, line: Int = #line
    ) throws {
        if actual != expected {
            throw ConformanceFailure(
                "\(what()): expected \(Self.brief(expected)), got \(Self.brief(actual))", file: file, line: line)
        }
    }

    func unwrap<T>(_ value: T?, _ what: String, file: String = #fileID, line: Int = #line) throws -> T {
        guard let value else { throw ConformanceFailure("\(what): expected a value, got nil", file: file, line: line) }
        return value
    }

    /// Runs `body` and checks that it throws a ``DomainError`` with `code` (and `field`, when given).
    @discardableResult
    func expectError<T>(
        _ code: DomainError.Code, field: String? = nil, _ what: String, file: String = #fileID, line: Int = #line,
        _ body: () async throws -> T
    ) async throws -> DomainError {
        let expected = code.rawValue + (field.map { " (field \($0))" } ?? "")
        let value: T
        do {
            value = try await body()
        } catch let error as DomainError {
            guard error.code == code, field == nil || error.field == field else {
                throw ConformanceFailure("\(what): expected \(expected), got \(error)", file: file, line: line)
            }
            return error
        } catch {
            throw ConformanceFailure(
                "\(what): expected \(expected), got \(String(reflecting: error))", file: file, line: line)
        }
        throw ConformanceFailure(
            "\(what): expected \(expected), but it succeeded with \(Self.brief(value))", file: file, line: line)
    }

    /// A value's description, cut short enough to read in a test report.
    static func brief(_ value: Any) -> String {
        let text = String(describing: value)
        return text.count > 800 ? text.prefix(800) + "… (\(text.count) characters)" : text
    }
}
