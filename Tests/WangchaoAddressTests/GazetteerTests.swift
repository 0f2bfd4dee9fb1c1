import Testing
@testable import WangchaoAddress

@Suite struct GazetteerTests {
    @Test func loadsEveryLevel() throws {
        let g = try Gazetteer.bundled()
        #expect(g.unitCount > 41_000)
        #expect(g.unit(code: "330000")?.name == "浙江省")
        #expect(g.unit(code: "330109")?.name == "萧山区")
        #expect(g.unit(code: "330109")?.level == .county)
        #expect(g.unit(code: "330114004")?.name == "义蓬街道")
    }

    @Test func codesAgreeWithNames() throws {
        let g = try Gazetteer.bundled()
        let parser = AddressParser(gazetteer: g)
        for text in ["浙江省杭州市萧山区北干街道", "四川省雅安市汉源县坭美彝族乡", "河南省周口市西华县大王庄镇", "广东省中山市沙溪镇"] {
            let a = parser.parse(text)
            if let code = a.districtCode {
                #expect(g.unit(code: code)?.name == a.district, "\(text)")
            }
            let town = try #require(a.townCode, "\(text)")
            #expect(g.unit(code: town)?.name == a.town, "\(text)")
            // A town's code starts with its county's (or prefecture's) code.
            if let district = a.districtCode { #expect(town.hasPrefix(district)) }
        }
    }

    @Test func everyCountyIsFoundByItsOwnFullName() throws {
        let g = try Gazetteer.bundled()
        let parser = AddressParser(gazetteer: g)
        var wrong: [String] = []
        for (i, unit) in g.units.enumerated() where unit.level == .county {
            let a = parser.parse(parser.fullName(Int32(i)))
            if a.districtCode != unit.code { wrong.append(unit.name) }
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(10))")
    }

    @Test func villagesAreLoadedPerCounty() throws {
        let g = try Gazetteer.bundled()
        guard let xiaoshan = g.codeIndex[330109] else {
            Issue.record("萧山区 missing")
            return
        }
        #expect(g.villages(under: xiaoshan).count > 400)
    }
}
