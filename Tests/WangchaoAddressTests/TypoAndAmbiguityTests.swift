import Testing
import WangchaoAddress

@Suite struct TypoTests {
    @Test func wrongCharacterInDistrictWithoutUpperLevels() throws {
        let a = try Fixture.parse("肖山区东风巷39号六栋")
        #expect(a.district == "萧山区")
        #expect(a.city == "杭州市")
        #expect(a.road == "东风巷")
        #expect(a.building == "6")
        #expect(a.corrected.contains("district"))
    }

    @Test func wrongCharacterInDistrictUnderItsCity() throws {
        let a = try Fixture.parse("福建省三明市尤西县银杏西路８４９，３２#楼５０３")
        #expect(a.district == "尤溪县")
        #expect(a.number == "849")
        #expect(a.building == "32")
        #expect(a.room == "503")
    }

    @Test func wrongCharacterInTown() throws {
        let a = try Fixture.parse("河北省廊坊市霸州市楠孟镇幸福东大道808号")
        #expect(a.town == "南孟镇")
        #expect(a.road == "幸福东大道")
        #expect(a.corrected == ["town"])
    }

    @Test func wrongCharacterInVillage() throws {
        let a = try Fixture.parse("萧山区城厢街道仙佳里社区117号")
        #expect(a.village == "仙家里社区")
        #expect(a.number == "117")
        #expect(a.corrected == ["village"])
    }

    @Test func misspeltCountyDecidesBetweenTownsOfTheSameName() throws {
        // 铜鼓镇 exists in more than one county of 重庆; the misspelt 酉秧 names the right one.
        let a = try Fixture.parse("重庆市酉秧土家族苗族自治县铜鼓镇官塘村50幢6单元1105房")
        #expect(a.district == "酉阳土家族苗族自治县")
        #expect(a.village == "官塘村")
    }

    @Test func sameSoundingCandidatesAreSplitByShape() throws {
        // 新谊村 and 信谊村 both sound like 欣谊村; only 新 shares a component (斤) with 欣.
        let a = try Fixture.parse("浙江省杭州市萧山区欣谊村49#1单元1101室")
        #expect(a.village == "新谊村")
    }

    @Test func aDifferentSuffixIsNotATypo() throws {
        // 新田村 is a village, not a misspelt 新田镇.
        let a = try Fixture.parse("曲靖市宣威市来宾街道新田村59幢五单元")
        #expect(a.town == "来宾街道")
        #expect(a.village == "新田村")
        #expect(a.corrected.isEmpty)
    }
}

@Suite struct AmbiguityTests {
    @Test func guLouQuAloneIsAmbiguous() throws {
        let a = try Fixture.parse("鼓楼区中山路5号")
        #expect(a.ambiguous)
        #expect(a.candidates.count >= 4)
        #expect(a.candidates.contains("福建省福州市鼓楼区"))
        #expect(a.candidates.contains("江苏省南京市鼓楼区"))
        #expect(a.district == "鼓楼区")
        #expect(a.confidence < 0.8)
    }

    @Test func upperLevelResolvesTheAmbiguity() throws {
        let a = try Fixture.parse("南京市鼓楼区中山路5号")
        #expect(!a.ambiguous)
        #expect(a.province == "江苏省")
        #expect(a.districtCode == "320106")
    }

    @Test func xinHuaJieDaoPrefersZhejiangElseSaysSo() throws {
        let a = try Fixture.parse("新华街道")
        #expect(a.ambiguous)
        #expect(a.candidates.count > 5)
        #expect(a.town == "新华街道")
    }

    @Test func lowerLevelResolvesTheDistrict() throws {
        // 江北区 is in 重庆 and in 宁波; only 宁波's has a 洪塘街道.
        let a = try Fixture.parse("江北区洪塘街道云水湾社区８９号")
        #expect(!a.ambiguous)
        #expect(a.city == "宁波市")
        #expect(a.village == "云水湾社区")
    }

    @Test func formerDistrictOfTheQiantangStreetsIsNoted() throws {
        let a = try Fixture.parse("萧山区义蓬街道")
        #expect(a.district == "钱塘区")
        #expect(a.districtCode == "330114")
        #expect(a.town == "义蓬街道")
        #expect(a.notes.contains { $0.contains("萧山区") && $0.contains("钱塘区") })
        // …while a village of 萧山区 called 临江村 stays in 萧山区.
        let b = try Fixture.parse("浙江省萧山区临江村61号")
        #expect(b.district == "萧山区")
    }

    @Test func formerNamesPointToTodaysUnit() throws {
        let a = try Fixture.parse("湖北省襄樊市樊城区")
        #expect(a.city == "襄阳市")
        #expect(a.district == "樊城区")
    }
}
