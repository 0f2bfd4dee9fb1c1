import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing
import WangchaoCore
import WangchaoGeo
import WangchaoStore
import WangchaoTesting

/// With a point → area index, an intake without `areaCode` is filed where its point lies.
@Suite struct IntakeLocationTests {
    /// The fixture district with two micro-grids under the first grid, west and east halves of
    /// 120.20–120.30 E × 30.10–30.20 N.
    static func locatedServer() async throws -> ServerFixture {
        var server = try await ServerFixture()
        let west = Area(
            code: Fixtures.grid + "001", name: "西微网格", level: .microGrid, parentCode: Fixtures.grid,
            boundary: Self.rectangle(120.20, 30.10, 120.25, 30.20))
        let east = Area(
            code: Fixtures.grid + "002", name: "东微网格", level: .microGrid, parentCode: Fixtures.grid,
            boundary: Self.rectangle(120.25, 30.10, 120.30, 30.20))
        try await server.store.saveAreas([west, east])
        server.locator = try AreaLocator(areas: try await server.store.areas(level: nil, parentCode: nil))
        return server
    }

    static func rectangle(_ west: Double, _ south: Double, _ east: Double, _ north: Double) -> Boundary {
        .polygon([
            [(west, south), (east, south), (east, north), (west, north), (west, south)].map {
                Boundary.Position(lng: $0.0, lat: $0.1)
            }
        ])
    }

    static func intake(lat: Double, lng: Double, areaCode: String? = nil) -> String {
        IntakeJSON.body { json in
            json["location"] = ["lat": lat, "lng": lng, "address": "湘湖路"]
            json["areaCode"] = areaCode
        }
    }

    @Test("the point decides the micro-grid; a given areaCode wins; outside every micro-grid, the lowest area holding it")
    func located() async throws {
        let server = try await Self.locatedServer()
        try await server.test { client in
            // The intake row notes how the server placed the case; a given area needs no note.
            let cases: [(String, String, String?)] = [
                (Self.intake(lat: 30.15, lng: 120.22), Fixtures.grid + "001", "按坐标定位：位于微网格内"),
                (Self.intake(lat: 30.15, lng: 120.28), Fixtures.grid + "002", "按坐标定位：位于微网格内"),
                (Self.intake(lat: 30.15, lng: 120.25), Fixtures.grid + "001", "按坐标定位：位于微网格边界上（\(Fixtures.grid)001、\(Fixtures.grid)002），按编码最小者归属"),
                (Self.intake(lat: 30.15, lng: 120.22, areaCode: Fixtures.otherGrid), Fixtures.otherGrid, nil),
                (Self.intake(lat: 30.00, lng: 120.17), Fixtures.town, "按坐标定位：不在任何微网格内，归属包含该点的最低一级区域"),
                (Self.intake(lat: 30.30, lng: 120.50), Fixtures.district, "按坐标定位：不在任何微网格内，归属包含该点的最低一级区域"),
                (Self.intake(lat: 31.00, lng: 121.00), Fixtures.district, "按坐标定位：不在本区范围内，交区级调度"),
            ]
            for (body, expected, note) in cases {
                let response = try await client.send(.post, "/api/v1/cases", as: "td", body: body)
                #expect(response.status == .created, "\(response.text)")
                let filed = try response.decode(Case.self)
                #expect(filed.areaCode == expected)
                let recorded = try await server.store.history(caseId: filed.id).first?.note
                #expect(recorded == note, "\(recorded ?? "nil")")
            }
            try expectError(
                try await client.send(.post, "/api/v1/cases", as: "td", body: IntakeJSON.body { $0["placementNote"] = "x" }),
                .badRequest, "invalid", field: "placementNote")
            try expectError(
                try await client.send(.post, "/api/v1/cases", as: "td", body: Self.intake(lat: 91, lng: 120.2)),
                .badRequest, "invalid", field: "location.lat")
        }
    }
}
