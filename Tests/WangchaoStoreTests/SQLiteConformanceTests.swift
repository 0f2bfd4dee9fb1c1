import Testing
import WangchaoStore
import WangchaoTesting

/// The backend-neutral store contract, run against SQLite: one test per check.
@Suite("SQLite store conformance")
struct SQLiteConformanceTests {
    @Test(arguments: StoreConformance.allChecks)
    func conformance(_ check: StoreConformance.Check) async throws {
        let keeper = FixtureKeeper()
        try await check.run(StoreConformance { try await keeper.makeStore() })
    }
}

/// Keeps every fixture a check asked for (and so its temporary directory) alive until the test ends.
actor FixtureKeeper {
    private var fixtures: [SQLiteFixture] = []

    func makeStore() async throws -> SQLiteStore {
        let fixture = try await SQLiteFixture()
        fixtures.append(fixture)
        return fixture.store
    }
}
