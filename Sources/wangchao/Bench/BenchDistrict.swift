import Foundation
import WangchaoCore
import WangchaoServer
import WangchaoServices
import WangchaoStore

/// The smallest district the benchmark needs: one street, community and grid, a dispatcher and a
/// grid worker.
enum BenchDistrict {
    static let grid = "330109001001001"
    static let gridTeam = "grid-330109001001001"
    static let dispatcher = "bench.dispatcher"
    static let gridWorker = "bench.grid"

    /// Loads the district and opens a bearer session for each user, returning username → token;
    /// minted straight in the store so the measurement is not about password hashing.
    @discardableResult
    static func load(into store: any CaseStore) async throws -> [String: String] {
        try await store.saveAreas([
            Area(code: "330109", name: "萧山区", level: .district, parentCode: nil),
            Area(code: "330109001", name: "城厢街道", level: .town, parentCode: "330109"),
            Area(code: "330109001001", name: "湘湖社区", level: .community, parentCode: "330109001"),
            Area(code: grid, name: "湘湖社区第一网格", level: .grid, parentCode: "330109001001"),
        ])
        try await store.saveUnits([WangchaoCore.Unit(id: gridTeam, name: "湘湖社区第一网格", kind: .gridTeam, areaCode: grid)])
        try await store.saveUsers([
            User(username: dispatcher, displayName: "基准调度员", role: .townDispatcher, scope: .area("330109001")),
            User(username: gridWorker, displayName: "基准网格员", role: .gridWorker, scope: .area(grid), unitId: gridTeam),
        ])
        var tokens: [String: String] = [:]
        let now = Date()
        for username in [dispatcher, gridWorker] {
            let token = SessionToken.generate()
            try await store.createSession(
                Session(
                    tokenHash: SessionToken.hash(token), username: username, kind: .bearer, createdAt: now,
                    expiresAt: now + 24 * 3600))
            tokens[username] = token
        }
        return tokens
    }
}
