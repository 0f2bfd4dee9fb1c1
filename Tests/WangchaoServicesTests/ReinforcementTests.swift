import Foundation
import Testing
import WangchaoCore
import WangchaoServices
import WangchaoStore
import WangchaoTesting

/// Reinforcement (15 分钟增援) finds units by kind and area, so units imported with ids that
/// follow no convention are reached: the neighbouring grid's team first, else the town's
/// governance platform, never a unit already on the case.
@Suite("Reinforcement reaches imported units")
struct ReinforcementTests {
    static let neighbour = "330109001001002"

    /// An emergency case (AQ01) in `grid`, accepted and dispatched to `team`; its arrival
    /// timers are fired 16 minutes after the dispatch. Returns the units it was reinforced by.
    func reinforcements(
        in store: SQLiteStore, grid: String, team: String, worker: User, dispatcher: User
    ) async throws -> [String] {
        let t0 = Fixtures.now
        let filed = try await store.fileCase(Fixtures.intake(category: "AQ01", areaCode: grid), by: worker, at: t0)
        try await store.act(.accept, on: filed.id, by: dispatcher, at: t0 + 60)
        try await store.act(.dispatch(unitId: team), on: filed.id, by: dispatcher, at: t0 + 120)
        let fired = try await TimerService(store: store, settings: .standard).fireDue(at: t0 + 120 + 16 * 60, limit: 100)
        #expect(fired.contains { $0.caseId == filed.id && $0.step == .reinforce })
        return try await store.history(caseId: filed.id).compactMap { row -> String? in
            if case .reinforce(let unitId)? = row.payload { return unitId }
            return nil
        }
    }

    @Test("the neighbouring grid's team, whatever its id")
    func neighbouringTeam() async throws {
        let fixture = try await SQLiteFixture()
        try await fixture.store.saveAreas([Area(code: Self.neighbour, name: "湘湖社区第二网格", level: .grid, parentCode: Fixtures.community)])
        try await fixture.store.saveUnits([
            .init(id: "imported-7f3a", name: "湘湖社区第二网格工作组", kind: .gridTeam, areaCode: Self.neighbour),
            .init(id: "zz-gov", name: "城厢街道综治中心", kind: .platform, areaCode: Fixtures.town, platform: .governance),
        ])
        let units = try await reinforcements(
            in: fixture.store, grid: Fixtures.grid, team: Fixtures.gridTeam, worker: Fixtures.gridWorker,
            dispatcher: Fixtures.dispatcher)
        #expect(units == ["imported-7f3a"])
    }

    @Test("the town's governance platform when no neighbouring grid has a team; never a unit on the case")
    func governancePlatform() async throws {
        let fixture = try await SQLiteFixture()
        try await fixture.store.saveUnits([
            .init(id: "bg-market", name: "北干街道市场监管平台", kind: .platform, areaCode: Fixtures.otherTown, platform: .market),
            .init(id: "bg-zongzhi", name: "北干街道综治工作平台", kind: .platform, areaCode: Fixtures.otherTown, platform: .governance),
        ])
        let units = try await reinforcements(
            in: fixture.store, grid: Fixtures.otherGrid, team: Fixtures.otherGridTeam, worker: Fixtures.otherGridWorker,
            dispatcher: Fixtures.otherDispatcher)
        #expect(units == ["bg-zongzhi"])

        // Dispatched to the platform itself: nobody else is there to send.
        let alone = try await reinforcements(
            in: fixture.store, grid: Fixtures.otherGrid, team: "bg-zongzhi", worker: Fixtures.otherGridWorker,
            dispatcher: Fixtures.otherDispatcher)
        #expect(alone.isEmpty)
    }
}
