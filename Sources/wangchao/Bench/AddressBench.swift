import ArgumentParser
import Foundation
import WangchaoAddress

/// `wangchao bench address --file F.jsonl`: accuracy per component and for all ten together
/// against a labelled file (format of `../shared/data/README.md`), addresses per second on one
/// thread, gazetteer load time and peak memory.
struct AddressBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "address", abstract: "Score the address parser on a labelled JSONL file and time it.")

    @Option(help: "Labelled addresses, one JSON object per line.") var file: String
    @Option(help: "Parse the file this many times for the throughput figure.") var rounds = 5
    @Option(help: "Print up to this many wrongly parsed rows.") var errors = 0

    func run() throws {
        let loadStart = ContinuousClock.now
        let parser = try AddressParser()
        let loadTime = ContinuousClock.now - loadStart
        let rows = try LabelledAddress.read(file)
        guard !rows.isEmpty else { throw ValidationError("\(file) 中没有可读的行") }

        var right = [Int](repeating: 0, count: 10)
        var allRight = 0
        var printed = 0
        for row in rows {
            let parsed = parser.parse(row.text)
            let got = parsed.components
            var all = true
            var wrong: [String] = []
            for i in 0..<10 {
                if got[i] == row.expected[i] { right[i] += 1 } else {
                    all = false
                    wrong.append("\(ParsedAddress.componentNames[i])=\(got[i] ?? "nil")≠\(row.expected[i] ?? "nil")")
                }
            }
            if all { allRight += 1 } else if printed < errors {
                printed += 1
                print("✗ \(row.text)  \(wrong.joined(separator: " "))")
            }
        }
        let start = ContinuousClock.now
        var sink = 0
        for _ in 0..<max(1, rounds) {
            for row in rows { sink &+= parser.parse(row.text).components.count }
        }
        let seconds = (ContinuousClock.now - start).seconds
        let parsed = Double(rows.count * max(1, rounds))

        print("文件 \(file)：\(rows.count) 行")
        for i in 0..<10 {
            print(String(format: "  %-9@ %6.2f %%", ParsedAddress.componentNames[i], 100 * Double(right[i]) / Double(rows.count)))
        }
        print(String(format: "  all ten   %6.2f %%", 100 * Double(allRight) / Double(rows.count)))
        print(String(format: "吞吐：%.0f 条/秒（单线程，%d 轮，不含加载）", parsed / seconds, max(1, rounds)))
        print(String(format: "地名库加载：%.0f ms", loadTime.seconds * 1000))
        print("峰值内存（VmHWM）：\(PeakMemory.read() ?? "未知")")
        if sink == 0 { print("") }
    }
}

/// One row of the labelled format: the text and the ten expected components.
struct LabelledAddress {
    var text: String
    var expected: [String?]

    static func read(_ path: String) throws -> [LabelledAddress] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        var rows: [LabelledAddress] = []
        for line in data.split(separator: 0x0A) where !line.isEmpty {
            guard let object = try JSONSerialization.jsonObject(with: line) as? [String: Any],
                let text = object["text"] as? String
            else { continue }
            rows.append(LabelledAddress(text: text, expected: ParsedAddress.componentNames.map { object[$0] as? String }))
        }
        return rows
    }
}

/// The process's peak resident memory, from Linux's /proc/self/status.
enum PeakMemory {
    static func read() -> String? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        return status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") }.map {
            $0.dropFirst(6).trimmingCharacters(in: .whitespaces)
        }
    }
}
