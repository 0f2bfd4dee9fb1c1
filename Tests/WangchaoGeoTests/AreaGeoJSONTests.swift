import Foundation
import Testing
import WangchaoCore
import WangchaoGeo
import WangchaoStore
import WangchaoTesting

/// GeoJSON import and export: a lossless round trip, and every kind of bad input refused with
/// the feature and the reason, nothing stored.
@Suite struct AreaGeoJSONTests {
    @Test func theDemoDistrictRoundTrips() throws {
        let areas = GeoFixtures.demo
        let data = try AreaGeoJSON.encode(areas)
        let back = try AreaGeoJSON.decode(data)
        #expect(back.count == areas.count)
        #expect(Dictionary(uniqueKeysWithValues: back.map { ($0.code, $0) }) == Dictionary(uniqueKeysWithValues: areas.map { ($0.code, $0) }))
        #expect(try AreaGeoJSON.encode(back) == data, "export is stable")
        // Parents come before their children.
        var seen: Set<String> = []
        for area in back {
            if let parent = area.parentCode { #expect(seen.contains(parent)) }
            seen.insert(area.code)
        }
    }

    @Test func importedAreasRoundTripThroughTheStore() async throws {
        let fixture = try await SQLiteFixture()
        let data = try Self.collection(Self.validFeatures())
        let existing = try await fixture.store.areas(level: nil, parentCode: nil)
        let imported = try AreaGeoJSON.decode(data, existing: existing)
        try await fixture.store.saveAreas(imported)
        let stored = try await fixture.store.areas(level: nil, parentCode: nil)
        for area in imported { #expect(stored.contains(area)) }
        let exported = try AreaGeoJSON.decode(try AreaGeoJSON.encode(stored))
        #expect(Set(exported.map(\.code)) == Set(stored.map(\.code)))
        #expect(exported.first { $0.code == "330109001001001001" } == imported.first { $0.code == "330109001001001001" })
    }

    @Test func codesWrittenAsNumbersAndChineseLevelNamesAreAccepted() async throws {
        var features = Self.validFeatures()
        features[0]["properties"] = ["code": 330_109_001_001_001_001 as Int64, "name": "甲", "level": "微网格", "parent": "330109001001001"]
        let areas = try AreaGeoJSON.decode(try Self.collection(features), existing: Fixtures.areas)
        #expect(areas.first { $0.code == "330109001001001001" }?.level == .microGrid)
    }

    /// Each case breaks feature #1 (code 330109001001001002) in one way.
    enum Breakage: String, CaseIterable, Sendable {
        case unclosedRing, tooFewPositions, selfIntersection, touchingItself, notANumber, latitudeOutOfRange
        case unknownLevel, codeNotUnderParent, missingParent, levelNotAllowed, missingName, unreadableGeometry
        case duplicateCode, secondDistrict
    }

    @Test(arguments: Breakage.allCases)
    func invalidFeaturesAreRefusedByIndexCodeAndReasonAndNothingIsSaved(_ breakage: Breakage) async throws {
        let fixture = try await SQLiteFixture()
        let before = try await fixture.store.areas(level: nil, parentCode: nil)
        var features = Self.validFeatures()
        var properties = features[1]["properties"] as? [String: Any] ?? [:]
        var coordinates: [Any] = [[[120.21, 30.01], [120.22, 30.01], [120.22, 30.02], [120.21, 30.02], [120.21, 30.01]]]
        let code = breakage == .duplicateCode ? "330109001001001001" : "330109001001001002"
        switch breakage {
        case .unclosedRing: coordinates = [[[120.21, 30.01], [120.22, 30.01], [120.22, 30.02], [120.21, 30.02]]]
        case .tooFewPositions: coordinates = [[[120.21, 30.01], [120.22, 30.01], [120.21, 30.01]]]
        case .selfIntersection: coordinates = [[[120.21, 30.01], [120.22, 30.02], [120.22, 30.01], [120.21, 30.02], [120.21, 30.01]]]
        case .touchingItself:
            coordinates = [[[120.21, 30.01], [120.23, 30.01], [120.22, 30.02], [120.23, 30.03], [120.21, 30.03], [120.22, 30.02], [120.21, 30.01]]]
        case .notANumber: coordinates = [[[120.21, 30.01], [120.22, "NaN"], [120.22, 30.02], [120.21, 30.01]]]
        case .latitudeOutOfRange: coordinates = [[[120.21, 30.01], [120.22, 95.0], [120.22, 30.02], [120.21, 30.01]]]
        case .unknownLevel: properties["level"] = "village"
        case .codeNotUnderParent: properties["code"] = "330109002001001002"
        case .missingParent: properties["parent"] = "330109001009009"
        case .levelNotAllowed: properties["parent"] = Fixtures.community
        case .missingName: properties["name"] = ""
        case .unreadableGeometry: features[1]["geometry"] = ["type": "Point", "coordinates": [120.2, 30.0]]
        case .duplicateCode: properties["code"] = code
        case .secondDistrict: properties = ["code": "330110", "name": "另一个区", "level": "district"]
        }
        features[1]["properties"] = properties
        if features[1]["geometry"] == nil || breakage != .unreadableGeometry {
            features[1]["geometry"] = ["type": "Polygon", "coordinates": coordinates]
        }
        let data = try Self.collection(features)

        let error = try await #require(throws: AreaImportError.self) {
            let areas = try AreaGeoJSON.decode(data, existing: before)
            try await fixture.store.saveAreas(areas)
        }
        let problem = try #require(error.problems.first)
        #expect(error.problems.allSatisfy { $0.featureIndex == 1 }, "\(error)")
        #expect(problem.code == (properties["code"] as? String), "\(error)")
        #expect(Self.matches(problem.reason, breakage), "\(breakage): \(error)")
        #expect(error.description.contains("要素 #1"))
        #expect(try await fixture.store.areas(level: nil, parentCode: nil) == before, "nothing saved")
    }

    @Test func filesThatAreNotFeatureCollectionsAreRefused() {
        for text in ["not json", #"{"type": "Feature"}"#, #"{"type": "GeometryCollection", "features": []}"#] {
            #expect(throws: AreaImportError.self) { try AreaGeoJSON.decode(Data(text.utf8)) }
        }
    }

    static func matches(_ reason: AreaImportProblem.Reason, _ breakage: Breakage) -> Bool {
        switch (breakage, reason) {
        case (.unclosedRing, .invalidGeometry(let p)): p.kind == .unclosedRing
        case (.tooFewPositions, .invalidGeometry(let p)): p.kind == .tooFewPositions(3)
        case (.selfIntersection, .invalidGeometry(let p)): p.kind == .selfIntersection(edge: 0, otherEdge: 2)
        case (.touchingItself, .invalidGeometry(let p)):
            if case .selfIntersection = p.kind { true } else { false }
        case (.notANumber, .invalidGeometry(let p)): p.kind == .invalidCoordinate(position: 1)
        case (.latitudeOutOfRange, .invalidGeometry(let p)): p.kind == .invalidCoordinate(position: 1)
        case (.unknownLevel, .unknownLevel("village")): true
        case (.codeNotUnderParent, .codeDoesNotFitParent): true
        case (.missingParent, .missingParent("330109001009009")): true
        case (.levelNotAllowed, .levelNotAllowedUnder(Fixtures.community, .community)): true
        case (.missingName, .missingProperty("name")): true
        case (.unreadableGeometry, .unreadableGeometry): true
        case (.duplicateCode, .duplicateCode): true
        case (.secondDistrict, .secondDistrict(existing: Fixtures.district)): true
        default: false
        }
    }

    /// Two micro-grids under the fixture grid (城厢街道 › 湘湖社区 › 第一网格).
    static func validFeatures() -> [[String: Any]] {
        [("330109001001001001", 120.20), ("330109001001001002", 120.21)].map { code, lng in
            [
                "type": "Feature",
                "properties": ["code": code, "name": "微网格\(code.suffix(3))", "level": "microGrid", "parent": Fixtures.grid],
                "geometry": [
                    "type": "Polygon",
                    "coordinates": [[[lng, 30.01], [lng + 0.01, 30.01], [lng + 0.01, 30.02], [lng, 30.02], [lng, 30.01]]],
                ],
            ]
        }
    }

    static func collection(_ features: [[String: Any]]) throws -> Data {
        try JSONSerialization.data(withJSONObject: ["type": "FeatureCollection", "features": features])
    }
}
