import Foundation
import Testing
import WangchaoCore
import WangchaoServices
import WangchaoTesting

@testable import WangchaoServer

/// `CaseView`, the API's shape of a case: written field by field, every field of ``Case`` once,
/// deadlines with their lights, and still decodable as a ``Case``.
@Suite("Case view")
struct CaseViewTests {
    static let viewOnly: Set<String> = ["light", "history", "allowedActions", "hiddenRepeatCandidates"]

    @Test("the view names every stored field of Case, and nothing else besides its own four")
    func keysFollowCase() {
        let fields = Mirror(reflecting: Fixtures.intake().makeCase(
            id: "v", number: "XS-20261124-000001", trackingCode: "ABCDEFGH", areaCode: Fixtures.grid,
            category: CategoryCatalog.bundled["SR03"]!, at: Fixtures.now)).children.compactMap(\.label)
        let keys = CaseView.CodingKeys.allCases.map(\.rawValue)
        #expect(Set(keys).subtracting(Self.viewOnly) == Set(fields), "a field added to Case must be shown (or left out on purpose)")
        #expect(keys.count == Set(keys).count, "each key once")
    }

    @Test("encoded: each deadline with its light, assignee and routing null until dispatch, decodes as the masked case")
    func encoding() throws {
        let subject = Fixtures.intake().makeCase(
            id: "v", number: "XS-20261124-000001", trackingCode: "ABCDEFGH", areaCode: Fixtures.grid,
            category: CategoryCatalog.bundled["SR03"]!, at: Fixtures.now)
        try #require(!subject.deadlines.isEmpty)
        let view = CaseView(
            subject, allowedActions: [.accept], lights: .init(now: Fixtures.now, calendar: SLASettings.bundled.calendar))
        let data = try APIJSON.makeEncoder().encode(view)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let deadlines = try #require(object["deadlines"] as? [[String: Any]])
        #expect(deadlines.count == subject.deadlines.count)
        #expect(deadlines.allSatisfy { $0["light"] as? String == "green" && $0["dueAt"] is String })
        #expect(object["assignee"] is NSNull && object["routing"] is NSNull)
        #expect(object["light"] as? String == "green" && object["allowedActions"] as? [String] == ["accept"])
        #expect(object["history"] == nil, "no history unless given")
        #expect(object["kind"] as? String == "case")
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        var masked = subject
        masked.reporter = masked.reporter.masked
        #expect(try decoder.decode(Case.self, from: data) == masked)
    }
}
