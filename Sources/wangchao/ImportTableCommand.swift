import ArgumentParser
import Foundation
import WangchaoCore
import WangchaoServer
import WangchaoStore

/// `wangchao import table FILE.csv --mapping MAPPING.json`: a department's table into the
/// registry (people, enterprises or facilities), cleaned, checked and linked to standard
/// addresses, in one transaction, with a quality report printed and stored.
struct ImportTableCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "table",
        abstract: "Import a department's table (CSV, UTF-8) of people, enterprises or facilities through a JSON mapping.",
        discussion: """
            The mapping names the department and table, the target (person, enterprise or facility), which columns \
            become which fields, which columns make the address, and the cleaning rules. Rows that fail a check are \
            rejected with row, column and reason while the rest import; a key already imported from the same table \
            is counted as a duplicate. An unreadable file or a header missing a mapped column changes nothing. \
            See Examples/import/.
            """)

    @OptionGroup var store: StoreOptions
    @Argument(help: ArgumentHelp("The CSV file (UTF-8, with or without BOM; first line is the header).", valueName: "file.csv"))
    var file: String
    @Option(help: ArgumentHelp("The JSON mapping.", valueName: "mapping.json")) var mapping: String

    func run() async throws {
        let mappingData: Data
        let csv: Data
        do {
            mappingData = try Data(contentsOf: URL(fileURLWithPath: mapping))
        } catch {
            throw CommandFailure("无法读取映射文件 \(mapping)：\(error.localizedDescription)")
        }
        do {
            csv = try Data(contentsOf: URL(fileURLWithPath: file))
        } catch {
            throw CommandFailure("无法读取 \(file)：\(error.localizedDescription)")
        }
        let parsedMapping: ImportMapping
        do {
            parsedMapping = try ImportMapping.decode(mappingData)
        } catch {
            throw CommandFailure("\(mapping)：\(error.message)，未导入任何数据")
        }
        let sqlite = try store.openStore()
        let start = ContinuousClock.now
        let name = URL(fileURLWithPath: file).lastPathComponent
        let reportId = "IMP-" + UUID().uuidString.prefix(8).lowercased()
        let report: ImportReport
        do {
            report = try await CommandAudit.run("import table \(file)") {
                try await TableImporter(store: sqlite).run(
                    csv: csv, mapping: parsedMapping, file: name, reportId: reportId, at: Date()
                ) { done, total in
                    let line = "[import] 地址匹配 \(done)/\(total)（\(done * 100 / max(total, 1))%）\n"
                    FileHandle.standardError.write(Data(line.utf8))
                }
            }
        } catch let error as ImportFileError {
            throw CommandFailure("\(file)：\(error.message)，未导入任何数据")
        }
        let seconds = (ContinuousClock.now - start).seconds
        for line in report.lines() { Console.line(line) }
        Console.line(
            "  用时 \(String(format: "%.2f", seconds)) 秒（\(Int(Double(report.rowsRead) / max(seconds, 0.001))) 行/秒），报告已存入 \(store.path)")
    }
}
