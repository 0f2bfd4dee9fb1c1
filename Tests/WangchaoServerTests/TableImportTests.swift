import Foundation
import Testing
import WangchaoCore
import WangchaoServer
import WangchaoStore
import WangchaoTesting

/// `wangchao import table` end to end, on the store: exact report figures, lineage, a bad file
/// changing nothing, and a rerun counting duplicates instead of doubling.
@Suite("Table import")
struct TableImportTests {
    static let mapping = ImportMapping(
        department: "公安局", table: "常住人口登记表", target: .person,
        columns: ["姓名": "name", "身份证号": "idNumber", "联系电话": "phone", "居住类型": "relation", "登记日期": "registeredOn"],
        address: ["镇街", "住址"])

    /// Rows 2–9: two rejected (4: checksum, 7: phone), one duplicate (6 repeats row 2), five
    /// imported of which four link to a standard address (5 names a door that does not exist).
    static let csv = """
        姓名,身份证号,联系电话,居住类型,登记日期,镇街,住址
        来建国,11010519491231002X,13812345678,户籍,2020-01-05,城厢街道,金城路123号2幢1单元101室
        徐婷,330109900101123,138 1234 5679,租住,2021/3/5,城厢街道,金城路123号1幢2单元102室
        陈伟,330109199001011234,13812340000,户籍,2020-01-05,城厢街道,金城路123号1幢1单元101室
        王芳,330109197008080043,,常住,,城厢街道,金城路999号
        来建国,11010519491231002X,13812345678,户籍,2020-01-05,城厢街道,金城路123号2幢1单元101室
        周明,330109196303120058,0571-8234,户籍,2019-07-01,城厢街道,金城路123号2幢2单元102室
        "吴晓燕","330109198811110023",,"常住",,"城厢街道","金城路125号"
        孙丽,３３０１０９１９９５０６１５００３１,１３９００００１１１１,户籍,20230501,城厢街道,东山村8号

        """

    func prepared() async throws -> ServerFixture {
        let server = try await ServerFixture()
        try await server.store.saveStandardAddresses(StoreConformance.sampleStandardAddresses())
        return server
    }

    func run(_ store: any CaseStore, _ csv: String = Self.csv, id: String = "R1") async throws -> ImportReport {
        try await TableImporter(store: store).run(
            csv: Data(csv.utf8), mapping: Self.mapping, file: "residents.csv", reportId: id, at: Fixtures.now)
    }

    @Test("the report counts rows read, linked, fixed (how), rejected (row, field, reason) and duplicates exactly")
    func report() async throws {
        let server = try await prepared()
        let report = try await run(server.store)
        #expect(report.rowsRead == 8)
        #expect(report.imported == 5)
        #expect(report.linked == 4)
        #expect(report.duplicatesInFile == 1)
        #expect(report.duplicatesStored == 0)
        #expect(report.fixedRows == 2)
        #expect(report.fixes == [
            ImportFixCount(how: "日期转为ISO格式", rows: 2), ImportFixCount(how: "15位身份证升级", rows: 1),
            ImportFixCount(how: "全角转半角", rows: 1), ImportFixCount(how: "电话格式规范", rows: 1),
        ])
        #expect(report.rejected == [
            ImportRejection(row: 4, column: "身份证号", field: "idNumber", reason: "校验位错误（应为9）"),
            ImportRejection(row: 7, column: "联系电话", field: "phone", reason: "固定电话应为区号加7–8位号码"),
        ])
        #expect(try await server.store.importReports(limit: 5) == [report], "the report is stored as printed")

        let sample = StoreConformance.sampleStandardAddresses()
        let atFlat = try await server.store.registry(atAddress: sample[0].code, limit: 10)  // 2幢1单元101室
        #expect(atFlat.people.map(\.name) == ["来建国"])
        let xu = try #require(try await server.store.registry(atAddress: sample[7].code, limit: 10).people.first)  // 1幢2单元102室
        #expect(xu.idNumber == "330109199001011239", "upgraded from 15 digits")
        #expect(xu.phone == "13812345679")
        #expect(xu.relation == .tenant)
        #expect(xu.registeredOn == "2021-03-05")
        #expect(xu.lineage == Lineage(department: "公安局", table: "常住人口登记表", row: 3))
        #expect(xu.addressText == "城厢街道金城路123号1幢2单元102室")
        let sun = try #require(try await server.store.registry(atAddress: sample[9].code, limit: 10).people.first)
        #expect(sun.idNumber == "330109199506150031" && sun.phone == "13900001111", "full-width cleaned")
        let unlinkedId = Lineage.recordId(prefix: "P", department: "公安局", table: "常住人口登记表", key: "330109197008080043")
        let wang = try #require(try await server.store.person(id: unlinkedId))
        #expect(wang.addressCode == nil && wang.addressText == "城厢街道金城路999号", "kept, not linked")
        #expect(report.lines().contains("  拒绝：第 4 行 列「身份证号」（idNumber）：校验位错误（应为9）"))
    }

    @Test("a rerun of the same file imports nothing and counts every row as a duplicate")
    func rerun() async throws {
        let server = try await prepared()
        _ = try await run(server.store)
        let again = try await run(server.store, id: "R2")
        #expect(again.imported == 0)
        #expect(again.duplicatesStored == 5)
        #expect(again.duplicatesInFile == 1)
        #expect(again.duplicates == 6)
        #expect(again.rejected.count == 2)
        let sample = StoreConformance.sampleStandardAddresses()
        #expect(try await server.store.registry(atAddress: sample[0].code, limit: 10).people.count == 1, "not doubled")
        #expect(try await server.store.importReports(limit: 5).map(\.id) == ["R2", "R1"])
    }

    @Test("a file whose header lacks a mapped column, or that is not UTF-8, changes nothing")
    func badFiles() async throws {
        let server = try await prepared()
        let noIdColumn = Self.csv.replacingOccurrences(of: "姓名,身份证号,", with: "姓名,证件号,")
        await #expect(throws: ImportFileError("表头缺少映射的列「身份证号」")) { try await self.run(server.store, noIdColumn) }
        let gbk = Data([0xD0, 0xD5, 0xC3, 0xFB, 0x2C, 0x0A])
        await #expect(throws: ImportFileError.self) {
            try await TableImporter(store: server.store).run(
                csv: gbk, mapping: Self.mapping, file: "gbk.csv", reportId: "R3", at: Fixtures.now)
        }
        #expect(try await server.store.importReports(limit: 5).isEmpty)
        let sample = StoreConformance.sampleStandardAddresses()
        #expect(try await server.store.registry(atAddress: sample[0].code, limit: 10).people.isEmpty)
    }

    @Test("enterprises: credit codes checked and upper-cased, linked by address")
    func enterprises() async throws {
        let server = try await prepared()
        let mapping = ImportMapping(
            department: "市场监管局", table: "企业登记信息表", target: .enterprise,
            columns: ["企业名称": "name", "统一社会信用代码": "creditCode", "法定代表人": "legalRepresentative", "成立日期": "establishedOn"],
            address: ["经营地址"], addressPrefix: "萧山区")
        let csv = """
            企业名称,统一社会信用代码,法定代表人,成立日期,经营地址
            萧山湘湖餐饮有限公司,91350100m000100y43,朱国平,2018年6月1日,城厢街道金城路125号
            萧山恒达贸易有限公司,91350100M000100Y44,钱江,2019-01-01,城厢街道金城路125号
            """
        let report = try await TableImporter(store: server.store).run(
            csv: Data(csv.utf8), mapping: mapping, file: "enterprises.csv", reportId: "E1", at: Fixtures.now)
        #expect(report.imported == 1 && report.linked == 1)
        #expect(report.rejected == [ImportRejection(row: 3, column: "统一社会信用代码", field: "creditCode", reason: "校验位错误（应为3）")])
        #expect(report.fixes == [ImportFixCount(how: "日期转为ISO格式", rows: 1), ImportFixCount(how: "校验码转大写", rows: 1)])
        let shop = StoreConformance.sampleStandardAddresses()[8]
        let stored = try #require(try await server.store.registry(atAddress: shop.code, limit: 10).enterprises.first)
        #expect(stored.creditCode == "91350100M000100Y43")
        #expect(stored.establishedOn == "2018-06-01")
        #expect(stored.addressText == "萧山区城厢街道金城路125号")
    }
}
