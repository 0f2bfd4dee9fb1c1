import Foundation
import Testing

/// The store records and answers; it decides no workflow. These checks read the sources of
/// `WangchaoStore` (and of the server, for the decisions the services own) and fail naming the
/// file and the line where a decision crept back in.
@Suite("Layering: no workflow in the store or the server")
struct LayeringTests {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources")

    /// (file, line number, line) of every Swift line in a module, comments left out.
    static func lines(of module: String) throws -> [(file: String, number: Int, text: String)] {
        let root = sources.appendingPathComponent(module)
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { return [] }
        var found: [(String, Int, String)] = []
        for case let url as URL in walker where url.pathExtension == "swift" {
            let text = try String(contentsOf: url, encoding: .utf8)
            for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let code = line.trimmingCharacters(in: .whitespaces)
                if code.hasPrefix("//") { continue }
                found.append((url.lastPathComponent, index + 1, code))
            }
        }
        return found
    }

    /// What only `WangchaoServices` may call: the lifecycle's decisions, routing, the notice
    /// planner, the reinforcement rule, updates from connected systems.
    static let decisions = [
        "Lifecycle.apply(", "Lifecycle.applySystem(", "Lifecycle.fire(", "Lifecycle.applyReporterRating(",
        "RoutingEngine", "UnitResolver", "UnitAssigner", "NoticePlanner.drafts", "ExternalUpdate.apply(",
    ]

    @Test("the store makes no workflow decision", arguments: ["WangchaoStore", "WangchaoServer"])
    func noDecisions(module: String) throws {
        let lines = try Self.lines(of: module)
        #expect(lines.count > 500, "read the sources of \(module)")
        for line in lines {
            for call in Self.decisions where line.text.contains(call) {
                Issue.record("\(module)/\(line.file):\(line.number) calls \(call): \(line.text)")
            }
        }
    }

    @Test("no store function takes a User as its actor or viewer")
    func noUserParameters() throws {
        let pattern = try Regex(#"func [^(]*\(.*\b(by|actor|viewer|to|for)( \w+)?: User\??[,)]"#)
        let lines = try Self.lines(of: "WangchaoStore")
        for line in lines where line.text.contains(pattern) {
            Issue.record("WangchaoStore/\(line.file):\(line.number) takes a User: \(line.text)")
        }
        #expect(!lines.contains { $0.text.contains("import WangchaoServices") }, "the store does not import the services")
    }
}
