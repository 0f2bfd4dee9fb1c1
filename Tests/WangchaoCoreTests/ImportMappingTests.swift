import Foundation
import Testing
import WangchaoCore

@Suite("CSV tables and import mappings")
struct ImportMappingTests {
    func table(_ text: String) throws -> CSVTable { try CSVTable.parse(Data(text.utf8)) }

    @Test("quotes, doubled quotes, embedded commas and line breaks, CRLF, blank lines")
    func csvEdgeCases() throws {
        let parsed = try table("a,b,c\r\n1,\"x, y\",\"say \"\"hi\"\"\"\r\n\r\n2,\"two\nlines\",\n3,,\"\"")
        #expect(parsed.header == ["a", "b", "c"])
        #expect(parsed.rows == [["1", "x, y", "say \"hi\""], ["2", "two\nlines", ""], ["3", "", ""]])
    }

    @Test("a UTF-8 byte-order mark is dropped; no trailing newline is fine")
    func bom() throws {
        let parsed = try CSVTable.parse(Data([0xEF, 0xBB, 0xBF] + Array("姓名,电话\n张三,138".utf8)))
        #expect(parsed.header == ["姓名", "电话"])
        #expect(parsed.rows == [["张三", "138"]])
    }

    @Test("GBK, UTF-16, an open quote and an empty file are refused with a message")
    func refused() {
        // 姓名 in GBK: D0 D5 C3 FB
        #expect(throws: ImportFileError.self) { try CSVTable.parse(Data([0xD0, 0xD5, 0xC3, 0xFB, 0x0A])) }
        do {
            _ = try CSVTable.parse(Data([0xD0, 0xD5, 0xC3, 0xFB, 0x0A]))
        } catch {
            #expect(error.message.contains("GBK"))
        }
        #expect(throws: ImportFileError.self) { try CSVTable.parse(Data([0xFF, 0xFE, 0x41, 0x00])) }
        #expect(throws: ImportFileError("第 2 条记录的引号没有闭合")) { try self.table("a,b\n1,\"open") }
        #expect(throws: ImportFileError("文件为空：没有表头")) { try self.table("") }
    }

    static let residents = ImportMapping(
        department: "公安局", table: "常住人口登记表", target: .person,
        columns: ["姓名": "name", "身份证号": "idNumber", "联系电话": "phone", "居住类型": "relation", "登记日期": "registeredOn"],
        address: ["镇街", "住址"])

    @Test("a mapping names the column that is wrong")
    func mappingErrors() throws {
        var unknown = Self.residents
        unknown.columns["备注"] = "remark"
        #expect(throws: ImportFileError("列「备注」映射到未知字段「remark」（person 的字段：name、idNumber、phone、relation、registeredOn）")) {
            try unknown.validate()
        }
        var missing = Self.residents
        missing.columns["身份证号"] = nil
        #expect(throws: ImportFileError("映射缺少必填字段「idNumber」（人口）")) { try missing.validate() }
        var twice = Self.residents
        twice.columns["手机"] = "phone"
        #expect(throws: ImportFileError("列「手机」和「联系电话」都映射到字段「phone」")) { try twice.validate() }
        #expect(throws: ImportFileError("表头缺少映射的列「身份证号」")) {
            try Self.residents.bind(header: ["姓名", "联系电话", "居住类型", "登记日期", "镇街", "住址"])
        }
        #expect(throws: ImportFileError("表头缺少地址列「住址」")) {
            try Self.residents.bind(header: ["姓名", "身份证号", "联系电话", "居住类型", "登记日期", "镇街"])
        }
        #expect(throws: ImportFileError("映射文件缺少「target」")) {
            try ImportMapping.decode(Data(#"{"department":"公安局","table":"t","columns":{}}"#.utf8))
        }
        #expect(throws: ImportFileError("映射文件的 target 须为 person、enterprise 或 facility")) {
            try ImportMapping.decode(Data(#"{"department":"公安局","table":"t","target":"house","columns":{}}"#.utf8))
        }
    }

    @Test("a row is cleaned field by field, or rejected naming its column")
    func cleaning() throws {
        let header = ["姓名", "身份证号", "联系电话", "居住类型", "登记日期", "镇街", "住址"]
        let bound = try Self.residents.bind(header: header)
        let row = try bound.clean([" 来建国 ", "330109900101123", "138-1234-5678", "租住", "2020/3/5", "城厢街道", "金城路１２３号"]).get()
        #expect(row.fields == [
            "name": "来建国", "idNumber": "330109199001011239", "phone": "13812345678", "relation": "tenant",
            "registeredOn": "2020-03-05",
        ])
        #expect(row.addressText == "城厢街道金城路123号")
        #expect(row.fixes == ["去除首尾空白", "15位身份证升级", "电话格式规范", "日期转为ISO格式", "全角转半角"])
        #expect(row.key(for: .person) == "330109199001011239")

        func cause(_ cells: [String]) -> ImportRejection.Cause? {
            if case .failure(let cause) = bound.clean(cells) { return cause }
            return nil
        }
        #expect(
            cause(["徐婷", "330109199001011234", "", "", "", "", ""])
                == .init(column: "身份证号", field: "idNumber", reason: "校验位错误（应为9）"))
        #expect(cause(["", "330109199001011239", "", "", "", "", ""]) == .init(column: "姓名", field: "name", reason: "必填字段为空"))
        #expect(
            cause(["徐婷", "330109199001011239", "", "借住", "", "", ""])
                == .init(column: "居住类型", field: "relation", reason: "居住关系须为户籍、常住或租住"))
        #expect(cause(["徐婷", "330109199001011239"]) == .init(column: "", field: "", reason: "列数为 2，表头为 7 列"))
        var lenient = Self.residents
        lenient.cleaning.idNumber = false
        #expect(try lenient.bind(header: header).clean(["徐婷", "330109199001011234", "", "", "", "", ""]).get().fields["idNumber"]
            == "330109199001011234", "the check can be turned off")
    }
}
