import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing
import WangchaoCore
import WangchaoStore
import WangchaoTesting

/// An intake with an address and no point is placed through the standard address base;
/// anything short of a certain match is flagged for the dispatcher.
@Suite struct AddressPlacementAPITests {
    static func body(address: String) -> String {
        IntakeJSON.body { json in
            json["location"] = ["address": address]
            json["areaCode"] = nil
        }
    }

    @Test("a certain match gives the standard address's point; the intake row says so")
    func certain() async throws {
        let server = try await ServerFixture()
        let sample = StoreConformance.sampleStandardAddresses()
        try await server.store.saveStandardAddresses(sample)
        try await server.test { client in
            let response = try await client.send(.post, "/api/v1/cases", as: "td", body: Self.body(address: "萧山城厢金城路123号二幢一单元102室"))
            #expect(response.status == .created, "\(response.text)")
            let filed = try response.decode(Case.self)
            #expect(filed.location.lat == sample[1].lat && filed.location.lng == sample[1].lng)
            #expect(filed.location.address == "萧山城厢金城路123号二幢一单元102室", "the address as given is kept")
            let check = try #require(filed.addressCheck)
            #expect(check.status == .matched)
            #expect(check.standardCode == sample[1].code)
            let note = try await server.store.history(caseId: filed.id).first?.note ?? ""
            #expect(note.hasPrefix("按地址匹配定位：\(sample[1].text)"), "\(note)")
        }
    }

    @Test("no match: placed at the district provisionally and flagged; a point given skips matching")
    func uncertain() async throws {
        let server = try await ServerFixture()
        try await server.store.saveStandardAddresses(StoreConformance.sampleStandardAddresses())
        try await server.test { client in
            let response = try await client.send(.post, "/api/v1/cases", as: "td", body: Self.body(address: "萧山区城厢街道金城路999号"))
            #expect(response.status == .created, "\(response.text)")
            let filed = try response.decode(Case.self)
            let check = try #require(filed.addressCheck)
            #expect(check.status == .uncertain)
            #expect(check.standardCode == nil)
            #expect(check.reason == "标准地址库中没有“金城路999号”")
            #expect(filed.areaCode == Fixtures.district || filed.areaCode == Fixtures.town, "a provisional area, not a guessed grid")
            let note = try await server.store.history(caseId: filed.id).first?.note ?? ""
            #expect(note.contains("请调度员核实位置"), "\(note)")

            let withPoint = try await client.send(.post, "/api/v1/cases", as: "td", body: IntakeJSON.body())
            #expect(try withPoint.decode(Case.self).addressCheck == nil)
            try expectError(
                try await client.send(.post, "/api/v1/cases", as: "td", body: IntakeJSON.body { $0["addressCheck"] = ["status": "matched"] }),
                .badRequest, "invalid", field: "addressCheck")
        }
    }
}
