import ArgumentParser
import Foundation
import WangchaoCore
import WangchaoGeo
import WangchaoStore

/// `wangchao export …`: write reference data out as files.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Export reference data to files.", subcommands: [ExportAreasCommand.self])
}

/// `wangchao export areas [--to FILE]`: every area as one GeoJSON FeatureCollection, parents first.
struct ExportAreasCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "areas", abstract: "Export every area as a GeoJSON FeatureCollection (stdout unless --to).")

    @OptionGroup var store: StoreOptions
    @Option(help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file.geojson"))
    var to: String?

    func run() async throws {
        let areas = try await store.openStore().areas(level: nil, parentCode: nil)
        let data = try AreaGeoJSON.encode(areas)
        let summary = "已导出 \(areas.count) 个区域（\(AreaSummary.byLevel(areas))），\(data.count) 字节"
        if let to {
            Console.line("导出 \(areas.count) 个区域到 \(to) …")
            try data.write(to: URL(fileURLWithPath: to), options: .atomic)
            Console.line(summary)
        } else {
            // The GeoJSON owns standard output; the summary goes to standard error.
            FileHandle.standardOutput.write(data)
            FileHandle.standardOutput.write(Data("\n".utf8))
            FileHandle.standardError.write(Data((summary + "\n").utf8))
        }
    }
}
