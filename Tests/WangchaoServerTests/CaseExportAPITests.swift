import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing
import WangchaoCore
import WangchaoStore
import WangchaoTesting

@testable import WangchaoServer

/// `GET /api/v1/exports/cases.csv`: what the caller may see, any list filter, streamed, BOM.
@Suite struct CaseExportAPITests {
    /// Splits RFC 4180 text into rows of fields.
    static func parse(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var characters = Array(text)[...]
        while let c = characters.popFirst() {
            if quoted {
                if c == "\"" {
                    if characters.first == "\"" { field.append("\""); characters.removeFirst() } else { quoted = false }
                } else {
                    field.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                row.append(field)
                field = ""
            } else if c == "\r\n" || c == "\n" {
                row.append(field)
                rows.append(row)
                row = []
                field = ""
            } else {
                field.append(c)
            }
        }
        return rows
    }

    @Test("the export streams every visible case over several pages, with a BOM, a header and safe cells")
    func export() async throws {
        let server = try await ServerFixture()
        var intake = Fixtures.intake(description: "=HYPERLINK(\"http://x\"),\n第二行")
        let tricky = try await server.store.fileCase(intake)
        intake.description = "人行道被占用"
        for _ in 0..<204 { _ = try await server.store.fileCase(intake) }
        _ = try await server.store.fileCase(Fixtures.intake(category: "SR04", description: "夜间施工噪音"))
        try await server.test { client in
            let response = try await client.send(.get, "/api/v1/exports/cases.csv", as: "td")
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(Array(response.body.readableBytesView.prefix(3)) == [0xEF, 0xBB, 0xBF], "UTF-8 BOM")
            let rows = Self.parse(String(decoding: response.body.readableBytesView.dropFirst(3), as: UTF8.self))
            #expect(rows.first == CaseExportRoutes.header)
            #expect(rows.count == 1 + 206, "header and every case, across pages")
            #expect(Set(rows.dropFirst().map(\.count)) == [CaseExportRoutes.header.count])
            let row = try #require(rows.first { $0.first == tricky.number })
            #expect(row[11] == "'=HYPERLINK(\"http://x\"),\n第二行", "formula neutralised, quotes and line break kept")
            #expect(row[9] == "2026-11-24 10:00:00", "time in China")
            #expect(row[1] == "已上报")

            let filtered = try await client.send(.get, "/api/v1/exports/cases.csv?category=SR04", as: "td")
            #expect(Self.parse(filtered.text).count == 2)
            let otherTown = try await client.send(.get, "/api/v1/exports/cases.csv", as: "td3")
            #expect(Self.parse(otherTown.text).count == 1, "another town's dispatcher sees only the header")
            try expectError(
                try await client.send(.get, "/api/v1/exports/cases.csv?state=nope", as: "td"), .badRequest, "invalid",
                field: "state")
        }
        let audit = try await server.store.auditEntries(after: nil, limit: 50)
        #expect(audit.contains { $0.action.hasPrefix("GET /api/v1/exports/cases.csv") && $0.actor == "td" }, "the export is audited")
    }

    @Test("cells: plain text untouched, separators quoted, formulas prefixed")
    func cells() {
        #expect(CSVRow.cell("消防通道") == "消防通道")
        #expect(CSVRow.cell("a,b") == "\"a,b\"")
        #expect(CSVRow.cell("说\"好\"") == "\"说\"\"好\"\"\"")
        #expect(CSVRow.cell("+86 138") == "'+86 138")
        #expect(CSVRow.cell("@sum") == "'@sum")
        #expect(CSVRow.line(["1", "2"]) == "1,2\r\n")
    }
}
