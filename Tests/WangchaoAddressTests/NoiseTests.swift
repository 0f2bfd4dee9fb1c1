import Testing
import WangchaoAddress

/// One case per kind of noise of the labelled data (see ../shared/data/README.md).
@Suite struct NoiseTests {
    @Test func completeAddressReadsEveryLevel() throws {
        let a = try Fixture.parse("浙江省杭州市萧山区北干街道兴议村12号3幢2单元301室")
        #expect(a.province == "浙江省")
        #expect(a.city == "杭州市")
        #expect(a.district == "萧山区")
        #expect(a.town == "北干街道")
        #expect(a.village == "兴议村")
        #expect(a.number == "12")
        #expect(a.building == "3")
        #expect(a.unit == "2")
        #expect(a.room == "301")
        #expect(a.districtCode == "330109")
        #expect(a.townCode?.hasPrefix("330109") == true)
        #expect(a.inferred.isEmpty)
    }

    @Test func omittedUpperLevelsAreInferredAndSaidSo() throws {
        let a = try Fixture.parse("萧山区宁围街道江寺路24号")
        #expect(a.province == "浙江省")
        #expect(a.city == "杭州市")
        #expect(a.district == "萧山区")
        #expect(a.town == "宁围街道")
        #expect(a.road == "江寺路")
        #expect(a.number == "24")
        #expect(a.inferred == ["province", "city"])
    }

    @Test func townAloneGivesEveryLevelAbove() throws {
        let a = try Fixture.parse("瓜沥镇建设一路922号")
        #expect(a.district == "萧山区")
        #expect(a.city == "杭州市")
        #expect(a.town == "瓜沥镇")
        #expect(a.road == "建设一路")
        #expect(a.inferred == ["province", "city", "district"])
    }

    @Test func shortForms() throws {
        let a = try Fixture.parse("浙江杭州萧山瓜沥镇建设一路922号24座2单元1201房")
        #expect(a.province == "浙江省")
        #expect(a.city == "杭州市")
        #expect(a.district == "萧山区")
        #expect(a.building == "24")
        #expect(a.room == "1201")
    }

    @Test func fullWidthDigits() throws {
        let a = try Fixture.parse("山西省临汾市尧都区魏村镇吴家庄村２８５号")
        #expect(a.number == "285")
        #expect(a.village == "吴家庄村")
    }

    @Test func chineseNumerals() throws {
        let a = try Fixture.parse("曲靖市沾益区龙华街道东湖路九十二号二十幢五单元三〇一室")
        #expect(a.road == "东湖路")
        #expect(a.number == "92")
        #expect(a.building == "20")
        #expect(a.unit == "5")
        #expect(a.room == "301")
    }

    @Test func dashForm() throws {
        let a = try Fixture.parse("浙江省杭州市萧山区 银河路335号、29-4-2802")
        #expect(a.number == "335")
        #expect(a.building == "29")
        #expect(a.unit == "4")
        #expect(a.room == "2802")
    }

    @Test func missingHao() throws {
        let a = try Fixture.parse("广东广州增城仙村镇东风南路900,36号楼2单元305室")
        #expect(a.district == "增城区")
        #expect(a.road == "东风南路")
        #expect(a.number == "900")
        #expect(a.building == "36")
    }

    @Test func chatterAroundTheAddress() throws {
        let a = try Fixture.parse("我家住在杭州市萧山区靖江街道工人路253号40栋1201室旁边")
        #expect(a.district == "萧山区")
        #expect(a.town == "靖江街道")
        #expect(a.road == "工人路")
        #expect(a.room == "1201")
        let b = try Fixture.parse("杭州萧山盈丰街道（靠近路口）")
        #expect(b.town == "盈丰街道")
        #expect(b.road == nil)
    }

    @Test func separators() throws {
        let a = try Fixture.parse("浙江省，杭州市、萧山区　进化镇  体育路  28号21栋，702室")
        #expect(a.town == "进化镇")
        #expect(a.road == "体育路")
        #expect(a.number == "28")
        #expect(a.building == "21")
        #expect(a.room == "702")
    }

    @Test func droppedTownSuffix() throws {
        let a = try Fixture.parse("杭州萧山戴村沈村60#楼5单元1503")
        #expect(a.town == "戴村镇")
        #expect(a.village == "沈村")
        #expect(a.building == "60")
        let b = try Fixture.parse("黑龙江省伊春市金林区金山屯永安南路36号")
        #expect(b.town == "金山屯镇")
        #expect(b.road == "永安南路")
    }

    @Test func villageWithoutItsTownStillGivesTheTownCode() throws {
        let a = try Fixture.parse("浙江省杭州市萧山区山末址村60号楼404室")
        #expect(a.town == nil)
        #expect(a.village == "山末址村")
        #expect(a.townCode?.hasPrefix("330109") == true)
    }

    @Test func directlyAdministeredLevels() throws {
        let dongguan = try Fixture.parse("广东省东莞市樟木头镇上海路833号")
        #expect(dongguan.city == "东莞市")
        #expect(dongguan.district == nil)
        #expect(dongguan.town == "樟木头镇")
        let hainan = try Fixture.parse("海南定安定城镇天山大道300号")
        #expect(hainan.province == "海南省")
        #expect(hainan.city == nil)
        #expect(hainan.district == "定安县")
        let beijing = try Fixture.parse("北京东城东华门街道")
        #expect(beijing.city == "北京市")
        #expect(beijing.district == "东城区")
    }
}
