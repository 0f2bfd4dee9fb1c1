import Foundation
import Testing
import WangchaoCore
import WangchaoTesting

@Suite struct IntakeValidationTests {
    struct Bad: CustomTestStringConvertible, Sendable {
        let field: String
        let intake: Intake
        var testDescription: String { field }
    }

    static let bad: [Bad] = {
        func with(_ change: (inout Intake) -> Void) -> Intake {
            var intake = Fixtures.intake()
            change(&intake)
            return intake
        }
        return [
            Bad(field: "category", intake: with { $0.category = "" }),
            Bad(field: "category", intake: with { $0.category = "ZZ99" }),
            Bad(field: "description", intake: with { $0.description = " \n " }),
            Bad(field: "description", intake: with { $0.description = String(repeating: "字", count: 2001) }),
            Bad(field: "location.lat", intake: with { $0.location.lat = 91 }),
            Bad(field: "location.lng", intake: with { $0.location.lng = -181 }),
            Bad(field: "location.address", intake: with { $0.location.address = String(repeating: "路", count: 201) }),
            Bad(field: "reporter.name", intake: with { $0.reporter = Reporter(name: String(repeating: "名", count: 51)) }),
            Bad(field: "reporter.phone", intake: with { $0.reporter = Reporter(phone: "13x00000000") }),
            Bad(field: "attachments", intake: with { $0.attachments = Array(repeating: "a", count: 21) }),
            Bad(field: "attachments[1]", intake: with { $0.attachments = ["a", ""] }),
            Bad(field: "areaCode", intake: with { $0.areaCode = "33A" }),
        ]
    }()

    @Test(arguments: bad)
    func refused(_ bad: Bad) {
        do {
            try bad.intake.validate(categories: .bundled)
            Issue.record("accepted an intake with a bad \(bad.field)")
        } catch {
            #expect(error.code == .invalid)
            #expect(error.field == bad.field)
        }
    }

    @Test func goodIntakeBecomesAReportedCaseWithAnAcceptClock() throws {
        let intake = Fixtures.intake(priority: .urgent)
        try intake.validate(categories: .bundled)
        let category = CategoryCatalog.bundled[intake.category]!
        let made = intake.makeCase(
            id: "c", number: "XS-20261124-000001", trackingCode: "ABCDEFGH", areaCode: Fixtures.grid,
            category: category, at: Fixtures.now)
        #expect(made.state == .reported && made.version == 1 && made.tier == category.tier)
        #expect(made.deadlines.map(\.kind) == [.accept])
    }

    @Test func caseNumbersUseTheChinaDay() {
        // 2026-11-24 17:30 UTC is already 25 November in China.
        #expect(CaseNumber.day(of: Fixtures.now + 15.5 * 3600) == "20261125")
        #expect(CaseNumber.format(day: "20261124", sequence: 123) == "XS-20261124-000123")
        #expect(CaseNumber.looksLikeNumber("XS-20261124-000123"))
        #expect(!CaseNumber.looksLikeNumber("XS-2026112-000123"))
    }

    @Test func taxonomyCoversTheSeedsMatters() {
        let names = Set(CategoryCatalog.bundled.categories.map(\.name))
        for required in ["消防隐患", "邻里纠纷", "物业纠纷", "劳资纠纷", "婚姻家庭纠纷", "市容环境", "违章搭建", "占道经营", "噪音扰民",
            "安全生产隐患", "食品安全", "预付卡/职业闭店消费纠纷", "交通安全", "工程车", "电信诈骗", "公共设施损坏", "企业诉求", "求助咨询"]
        {
            #expect(names.contains(required), "missing \(required)")
        }
    }
}
