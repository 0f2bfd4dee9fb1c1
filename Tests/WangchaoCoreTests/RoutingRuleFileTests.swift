import Foundation
import Testing
import WangchaoCore
import WangchaoTesting

@Suite("Routing rule files: checked, refused with field and line")
struct RoutingRuleFileTests {
    let references = RoutingTestDirectory().references

    /// A valid file; each test breaks one line of it.
    static let valid = """
        {
          "name": "测试",
          "spanningKeywords": ["跨镇街"],
          "rules": [
            {
              "id": "night",
              "conditions": {
                "categories": ["AQ01", "SR03"],
                "sources": ["police110"],
                "areas": ["330109001"],
                "timeOfDay": [{ "from": "22:00", "to": "06:00" }]
              },
              "target": { "tier": "town", "platform": "governance" }
            },
            {
              "id": "market",
              "conditions": { "keywords": ["食物中毒"] },
              "target": { "tier": "district", "unitId": "dept-market" }
            }
          ]
        }
        """

    func refusal(_ replace: String, with replacement: String) -> RoutingRuleFileError? {
        let text = Self.valid.replacingOccurrences(of: replace, with: replacement)
        #expect(text != Self.valid, "the test must change the file")
        do {
            _ = try RoutingRuleFile.parse(Data(text.utf8), references: references)
            return nil
        } catch {
            return error
        }
    }

    @Test("the valid file and the bundled file parse")
    func valid() throws {
        let set = try RoutingRuleFile.parse(Data(Self.valid.utf8), references: references)
        #expect(set.rules.map(\.id) == ["night", "market"])
        #expect(set.rules[0].conditions.timeOfDay == [TimeOfDayRange(fromMinute: 1320, toMinute: 360)])
        #expect(set.rules[0].target == RoutingTarget(tier: .town, platform: .governance))
        #expect(set.spanningKeywords == ["跨镇街"])
        var demo = references
        demo.unit = { id in id.hasPrefix("dept-") ? WangchaoCore.Unit(id: id, name: id, kind: .department, areaCode: Fixtures.district) : nil }
        let bundled = try RoutingRuleFile.parse(RoutingRuleSet.bundledData(), references: demo)
        #expect(bundled.rules.count >= 4)
        #expect(bundled.rules.first?.id == "night-110-urgent-safety")
    }

    @Test("each fault names its field and line", arguments: [
        (#""AQ01", "SR03""#, #""AQ01", "ZZ99""#, "rules[0].conditions.categories[1]", 8),
        (#""tier": "town""#, #""tier": "towm""#, "rules[0].target.tier", 13),
        (#""police110""#, #""police119""#, "rules[0].conditions.sources[0]", 9),
        (#""330109001""#, #""330109999""#, "rules[0].conditions.areas[0]", 10),
        (#""dept-market""#, #""dept-nope""#, "rules[1].target.unitId", 18),
        (#""tier": "district""#, #""tier": "town""#, "rules[1].target.unitId", 18),
        (#""from": "22:00""#, #""from": "25:00""#, "rules[0].conditions.timeOfDay[0].from", 11),
        (#""to": "06:00""#, #""to": "22:00""#, "rules[0].conditions.timeOfDay[0].to", 11),
        (#""id": "market""#, #""id": "night""#, "rules[1].id", 16),
        (#""id": "market""#, #""id": "default""#, "rules[1].id", 16),
        (#""keywords": ["食物中毒"]"#, #""keywords": []"#, "rules[1].conditions.keywords", 17),
        (#""categories""#, #""categorys""#, "rules[0].conditions.categorys", 8),
        (#""target": { "tier": "district", "unitId": "dept-market" }"#, #""target": { "unitId": "dept-market" }"#, "rules[1].target.tier", 18),
        (#""sources": ["police110"],"#, #""sources": ["police110"]"#, "rules[0].conditions", 10),
    ])
    func faults(_ replace: String, _ replacement: String, _ field: String, _ line: Int) throws {
        let error = try #require(refusal(replace, with: replacement))
        #expect(error.field == field, "\(error)")
        #expect(error.line == line, "\(error)")
        #expect(!error.message.isEmpty)
        #expect(error.description.contains("第 \(line) 行"))
    }

    @Test("an empty rule list, and a file that is not JSON, are refused")
    func wholeFile() throws {
        do {
            _ = try RoutingRuleFile.parse(Data(#"{"rules": []}"#.utf8), references: references)
            Issue.record("an empty rule list must be refused")
        } catch {
            #expect(error.field == "rules")
            #expect(error.line == 1)
        }
        do {
            _ = try RoutingRuleFile.parse(Data("{\n  \"rules\": [\n    {\"id\": \"x\",\n".utf8), references: references)
            Issue.record("a truncated file must be refused")
        } catch {
            #expect(error.line == 4)
        }
    }
}
