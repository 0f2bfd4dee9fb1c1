import ArgumentParser
import Foundation
import WangchaoCore
import WangchaoGeo
import WangchaoStore

/// `wangchao import …`: bring reference data in from files.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Import reference data from files.", subcommands: [ImportAreasCommand.self, ImportTableCommand.self])
}

/// `wangchao import areas FILE.geojson`: validate every feature, then save them all in one
/// transaction, or nothing.
struct ImportAreasCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "areas",
        abstract: "Import areas from a GeoJSON FeatureCollection (properties code, name, level, parent).",
        discussion: "Every feature is checked first (geometry, level, code against parent); any problem refuses the whole file.")

    @OptionGroup var store: StoreOptions
    @Argument(help: ArgumentHelp("The GeoJSON file.", valueName: "file.geojson")) var file: String

    func run() async throws {
        Console.line("读取 \(file) …")
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: file))
        } catch {
            throw CommandFailure("无法读取 \(file)：\(error.localizedDescription)")
        }
        let sqlite = try store.openStore()
        let existing = try await sqlite.areas(level: nil, parentCode: nil)
        Console.line("校验要素（数据库中已有 \(existing.count) 个区域）…")
        let areas: [Area]
        do {
            areas = try AreaGeoJSON.decode(data, existing: existing)
        } catch {
            throw CommandFailure(error.description)
        }
        Console.line("校验通过：\(areas.count) 个区域；写入 \(store.path) …")
        try await CommandAudit.run("import areas \(file)") { try await sqlite.saveAreas(areas) }
        let replaced = Set(existing.map(\.code)).intersection(areas.map(\.code)).count
        Console.line("已导入 \(areas.count) 个区域（新增 \(areas.count - replaced)，更新 \(replaced)）：\(AreaSummary.byLevel(areas))")
    }
}

/// "区 1、镇街 22、…": counts per level, for progress and summaries.
enum AreaSummary {
    static func byLevel(_ areas: [Area]) -> String {
        let counts = Dictionary(grouping: areas, by: \.level).mapValues(\.count)
        return AreaLevel.allCases.compactMap { level in counts[level].map { "\(level.chineseName) \($0)" } }
            .joined(separator: "、")
    }
}
