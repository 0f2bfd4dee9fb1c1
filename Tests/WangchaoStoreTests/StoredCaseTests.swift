import Foundation
import Testing
import WangchaoCore
import WangchaoStore
import WangchaoTesting

/// The stored body of a case is a record of its own (``StoredCase``): format 2 writes every key
/// with `format`; format 1 bodies (before the record had a version, some without the fields
/// added later) still read; a newer format is refused, not half read.
@Suite("Stored case records")
struct StoredCaseTests {
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .millisecondsSince1970
        encoder.outputFormatting = .sortedKeys
        return encoder
    }

    static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .millisecondsSince1970
        return decoder
    }

    /// A case with most fields set, made the way cases are: a repeat report, accepted,
    /// dispatched (routing, assignee), an extension asked for and a supervision open.
    static func richCase() async throws -> Case {
        let fixture = try await SQLiteFixture()
        _ = try await fixture.store.fileCase(at: Fixtures.now)
        let repeated = try await fixture.store.fileCase(at: Fixtures.now + 60)
        try await fixture.store.act(.accept, on: repeated.id, by: Fixtures.dispatcher, at: Fixtures.now + 120)
        try await fixture.store.act(.dispatch(unitId: Fixtures.gridTeam), on: repeated.id, by: Fixtures.dispatcher, at: Fixtures.now + 180)
        try await fixture.store.act(
            .requestExtension(minutes: 60, reason: "等配件"), on: repeated.id, by: Fixtures.gridWorker, at: Fixtures.now + 240)
        let c = try await fixture.store.act(
            .supervise(instruction: "今日办结"), on: repeated.id, by: Fixtures.commander, at: Fixtures.now + 300)
        #expect(c.likelyRepeat && !c.repeatCandidates.isEmpty && c.routing != nil && !c.pendingRequests.isEmpty)
        return c
    }

    @Test("format 2: every key of the record, format included; the case comes back equal")
    func roundTrip() async throws {
        let c = try await Self.richCase()
        let data = try Self.encoder().encode(StoredCase(c))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["format"] as? Int == StoredCase.currentFormat)
        let optional: Set<String> = ["mergedIntoCaseId", "satisfaction", "ratedVia", "addressCheck"]
        let written = Set(object.keys)
        let all = Set(["format", "id", "number", "kind", "trackingCode", "source", "category", "description", "location",
            "reporter", "attachments", "priority", "state", "areaCode", "tier", "assignedUnitId", "cooperatingUnitIds",
            "formerUnitIds", "deadlines", "pendingRequests", "openSupervisions", "mergedIntoCaseId", "reworkCount",
            "satisfaction", "ratedVia", "version", "createdAt", "updatedAt", "assignee", "routing", "repeatCandidates",
            "likelyRepeat", "addressCheck"])
        #expect(written == all.subtracting(optional), "absent only: the unset optional fields")
        #expect(try Self.decoder().decode(StoredCase.self, from: data).value == c)
    }

    @Test("format 1: a body without format, routing, repeat fields, address check or kind reads with their defaults")
    func formatOne() async throws {
        var c = try await Self.richCase()
        c.routing = nil
        c.repeatCandidates = []
        c.likelyRepeat = false
        c.addressCheck = nil
        var object = try #require(
            try JSONSerialization.jsonObject(with: Self.encoder().encode(StoredCase(c))) as? [String: Any])
        for key in ["format", "routing", "repeatCandidates", "likelyRepeat", "addressCheck", "kind"] {
            object.removeValue(forKey: key)
        }
        let decoded = try Self.decoder().decode(StoredCase.self, from: JSONSerialization.data(withJSONObject: object))
        #expect(decoded.value == c)
        #expect(decoded.value.kind == .case)
    }

    @Test("a newer format, or a body missing a field every format has, is refused")
    func refusals() async throws {
        let c = try await Self.richCase()
        var object = try #require(
            try JSONSerialization.jsonObject(with: Self.encoder().encode(StoredCase(c))) as? [String: Any])
        object["format"] = StoredCase.currentFormat + 1
        #expect(throws: DecodingError.self) {
            try Self.decoder().decode(StoredCase.self, from: JSONSerialization.data(withJSONObject: object))
        }
        object["format"] = StoredCase.currentFormat
        object.removeValue(forKey: "state")
        #expect(throws: DecodingError.self) {
            try Self.decoder().decode(StoredCase.self, from: JSONSerialization.data(withJSONObject: object))
        }
    }
}
