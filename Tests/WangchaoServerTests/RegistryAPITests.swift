import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing
import WangchaoCore
import WangchaoServer
import WangchaoStore
import WangchaoTesting

/// The holographic view: `GET /api/v1/addresses/{code}`, `/people/{id}`, `/enterprises/{id}`.
@Suite("Holographic view API")
struct RegistryAPITests {
    static let microGrid = Area(code: Fixtures.grid + "001", name: "湘湖社区第一网格第一微网格", level: .microGrid, parentCode: Fixtures.grid)

    /// The sample standard addresses, their micro-grid, the sample registry moved onto the
    /// first address (2幢1单元101室), and three cases: one placed at the address by intake but
    /// with its point far away, one a metre from it, one 550 m away.
    struct Place {
        let address: StandardAddress
        let records: RegistryRecords
        let placed: Case
        let near: Case
    }

    static func prepare(_ server: ServerFixture) async throws -> Place {
        let address = StoreConformance.sampleStandardAddresses()[0]
        try await server.store.saveStandardAddresses(StoreConformance.sampleStandardAddresses())
        try await server.store.saveAreas([microGrid])
        var records = StoreConformance.sampleRegistry()
        for i in records.people.indices where records.people[i].addressCode == "A-1" { records.people[i].addressCode = address.code }
        records.enterprises[0].addressCode = address.code
        records.facilities[0].addressCode = address.code
        _ = try await server.store.saveRegistryRecords(records, report: nil)
        var placedIntake = Fixtures.intake(description: "楼道堆放杂物，影响消防通道")
        placedIntake.location = Location(lat: 30.17, lng: 120.26, address: "金城路123号2幢")
        placedIntake.addressCheck = AddressCheck(
            status: .matched, standardCode: address.code, standardText: address.text, score: 0.95, reason: nil)
        let placed = try await server.store.fileCase(placedIntake, at: Fixtures.now)
        let near = try await server.store.fileCase(Fixtures.intake(description: "路灯不亮已经三天了"), at: Fixtures.now + 60)
        var farIntake = Fixtures.intake(description: "井盖松动，车辆经过声音很大")
        farIntake.location = Location(lat: 30.165, lng: 120.26, address: "湘湖路")
        _ = try await server.store.fileCase(farIntake, at: Fixtures.now + 120)
        return Place(address: address, records: records, placed: placed, near: near)
    }

    @Test("an address: the standard address, its area chain, people (masked), enterprises, facilities, cases at or near it")
    func addressView() async throws {
        let server = try await ServerFixture()
        let place = try await Self.prepare(server)
        try await server.test { client in
            let response = try await client.send(.get, "/api/v1/addresses/\(place.address.code)", as: "gw")
            #expect(response.status == .ok, "\(response.text)")
            let object = try response.object()
            #expect((object["address"] as? [String: Any])?["text"] as? String == place.address.text)
            let chain = try #require(object["areaChain"] as? [[String: Any]])
            #expect(
                chain.compactMap { $0["code"] as? String }
                    == [Self.microGrid.code, Fixtures.grid, Fixtures.community, Fixtures.town, Fixtures.district])
            #expect(chain.last?["level"] as? String == "district")
            let people = try #require(object["people"] as? [[String: Any]])
            let expected = place.records.people.filter { $0.addressCode == place.address.code }.sorted { $0.id < $1.id }
            #expect(people.compactMap { $0["name"] as? String } == expected.map(\.name))
            let lai = try #require(people.first { $0["name"] as? String == "来建国" })
            #expect(lai["idNumber"] as? String == "110105********002X")
            #expect(lai["phone"] as? String == "138****0002")
            #expect(lai["gender"] as? String == "female")
            #expect(lai["birthYear"] as? Int == 1949)
            #expect(lai["relationName"] as? String == "户籍")
            #expect((lai["lineage"] as? [String: Any])?["department"] as? String == "公安局")
            #expect(!response.text.contains("11010519491231002X"), "no identity number in full")
            #expect(!response.text.contains("13800000002"), "no phone in full")
            let enterprise = try #require((object["enterprises"] as? [[String: Any]])?.first)
            #expect(enterprise["creditCode"] as? String == "91350100M000100Y43")
            #expect(enterprise["phone"] as? String == "0571-****5678")
            #expect((object["facilities"] as? [[String: Any]])?.first?["kind"] as? String == "消防栓")
            let cases = try #require(object["cases"] as? [[String: Any]])
            #expect(cases.compactMap { $0["id"] as? String } == [place.near.id, place.placed.id], "newest first; the far one left out")
            #expect(cases.compactMap { $0["number"] as? String } == [place.near.number, place.placed.number])
            #expect(cases.compactMap { $0["atAddress"] as? Bool } == [false, true])
            #expect(cases.first?["state"] as? String == place.near.state.rawValue)
            #expect(cases.first?["light"] as? String != nil)
            #expect((cases.first?["distanceMetres"] as? Int ?? 99) <= 2)
        }
    }

    @Test("outside the viewer's area the place does not exist; whole-district roles see it")
    func access() async throws {
        let server = try await ServerFixture()
        let place = try await Self.prepare(server)
        let person = place.records.people[0].id
        let unlinked = try #require(place.records.people.first { $0.addressCode == nil }).id
        let enterprise = place.records.enterprises[0].id
        try await server.test { client in
            for user in ["gw", "cs", "td", "dc", "admin", "ob"] {
                #expect(try await client.send(.get, "/api/v1/addresses/\(place.address.code)", as: user).status == .ok, "\(user)")
                #expect(try await client.send(.get, "/api/v1/people/\(person)", as: user).status == .ok, "\(user)")
                #expect(try await client.send(.get, "/api/v1/enterprises/\(enterprise)", as: user).status == .ok, "\(user)")
            }
            for user in ["gw2", "td3", "dh"] {
                #expect(try await client.send(.get, "/api/v1/addresses/\(place.address.code)", as: user).status == .notFound, "\(user)")
                #expect(try await client.send(.get, "/api/v1/people/\(person)", as: user).status == .notFound, "\(user)")
                #expect(try await client.send(.get, "/api/v1/enterprises/\(enterprise)", as: user).status == .notFound, "\(user)")
            }
            #expect(try await client.send(.get, "/api/v1/addresses/\(place.address.code)", as: nil).status == .unauthorized)
            #expect(try await client.send(.get, "/api/v1/addresses/no-such-code", as: "dc").status == .notFound)
            #expect(try await client.send(.get, "/api/v1/people/P-none", as: "dc").status == .notFound)
            // A record that matched no standard address: the whole district's roles only.
            #expect(try await client.send(.get, "/api/v1/people/\(unlinked)", as: "td").status == .notFound)
            let view = try await client.send(.get, "/api/v1/people/\(unlinked)", as: "dc").object()
            #expect(view["address"] is NSNull)
            #expect((view["record"] as? [String: Any])?["name"] as? String == "王芳")
            // The match route is still its own.
            #expect(try await client.send(.get, "/api/v1/addresses/match?q=金城路125号", as: "gw").status == .ok)
        }
    }

    @Test("a person's and an enterprise's record: masked, with the address and its cases")
    func records() async throws {
        let server = try await ServerFixture()
        let place = try await Self.prepare(server)
        try await server.test { client in
            let person = try await client.send(.get, "/api/v1/people/\(place.records.people[1].id)", as: "cs").object()
            let record = try #require(person["record"] as? [String: Any])
            #expect(record["idNumber"] as? String == "330109********1239")
            #expect(record["gender"] as? String == "male")
            #expect((person["address"] as? [String: Any])?["code"] as? String == place.address.code)
            #expect((person["cases"] as? [[String: Any]])?.count == 2)
            let enterprise = try await client.send(.get, "/api/v1/enterprises/\(place.records.enterprises[0].id)", as: "td").object()
            #expect((enterprise["record"] as? [String: Any])?["legalRepresentative"] as? String == "朱国平")
            #expect((enterprise["record"] as? [String: Any])?["phone"] as? String == "0571-****5678")
        }
    }
}
