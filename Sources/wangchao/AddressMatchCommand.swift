import ArgumentParser
import Foundation
import WangchaoAddress
import WangchaoCore
import WangchaoStore

/// `wangchao address match --database PATH`: one address per line on standard input, one JSON
/// object per line on standard output, in order (the contract of `address parse`): `text`,
/// `matched`, `reason`, `score`, `best` (the standard address with its score and differences)
/// and `runners_up`. Every line is answered, even when the look-up fails, and the command
/// exits 0; only a missing database is an error.
struct AddressMatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "match",
        abstract: "Match addresses from stdin (one per line) to the store's standard addresses; one JSON object per line.")

    @OptionGroup var store: StoreOptions

    func run() async throws {
        guard FileManager.default.fileExists(atPath: store.path) else {
            throw ValidationError("数据库 \(store.path) 不存在；先用 wangchao demo 或导入生成标准地址")
        }
        let sqlite = try store.openStore()
        if try await sqlite.standardAddressCount() == 0 {
            FileHandle.standardError.write(Data("数据库 \(store.path) 中没有标准地址；每行都将回答未匹配\n".utf8))
        }
        let matcher = try AddressMatcher(homeDistrictCode: try await sqlite.rootArea()?.code)
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var reader = StandardInput.LineChunks()
        var output: [UInt8] = []
        while let lines = reader.next() {
            for line in lines {
                let result = await Self.match(line, matcher: matcher, store: sqlite)
                let json = (try? encoder.encode(result)) ?? Data(#"{"matched":false}"#.utf8)
                output.append(contentsOf: json)
                output.append(0x0A)
            }
            StandardOutput.write(output)
            output.removeAll(keepingCapacity: true)
        }
    }

    /// The match of one line; a failed look-up is answered as unmatched with the error.
    static func match(_ line: String, matcher: AddressMatcher, store: any AddressStore) async -> AddressMatch {
        @Sendable func lookup(_ probes: [StandardAddressProbe], limit: Int) async throws -> [StandardAddress] {
            try await store.standardAddressCandidates(probes, limit: limit)
        }
        do {
            return try await matcher.match(line, lookup: lookup)
        } catch {
            return AddressMatch(text: line, parsed: ParsedAddress(text: line), reason: "查询出错：\(error)")
        }
    }
}
