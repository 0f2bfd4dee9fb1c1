import Foundation
import Testing
import WangchaoAddress

@Suite struct RobustnessTests {
    @Test(arguments: [
        "", " ", "\u{0}\u{1}\u{7}\t\r", "😀😀🏠 住在 🌊", "\u{FFFD}\u{FEFF}", "1234567890", "-------", "号号号幢单元室",
        "九十九千百十", String(repeating: "鼓楼区", count: 2000), String(repeating: "a", count: 5000),
        String(repeating: "浙江省杭州市萧山区北干街道12号", count: 300),
    ])
    func garbageNeverCrashesAndGivesOneJSONLine(_ text: String) throws {
        let a = try Fixture.parse(text)
        let line = a.jsonLine
        #expect(!line.contains("\n"))
        let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
        #expect(object?["text"] as? String == text)
        #expect(object?["confidence"] is Double)
    }

    @Test func jsonHasTheContractKeysInOrder() throws {
        let line = try Fixture.parse("萧山区北干街道").jsonLine
        let keys = ["text", "province", "city", "district", "town", "village", "road", "number", "building", "unit", "room",
            "district_code", "town_code", "confidence"]
        var last = line.startIndex
        for key in keys {
            let range = try #require(line.range(of: "\"\(key)\":"), "\(key)")
            #expect(range.lowerBound >= last, "\(key) in order")
            last = range.lowerBound
        }
    }

    @Test func controlCharactersAreEscaped() throws {
        let line = try Fixture.parse("a\"b\\c\u{1}").jsonLine
        #expect(line.hasPrefix(#"{"text":"a\"b\\c\u0001""#))
    }
}
