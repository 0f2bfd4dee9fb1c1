import Foundation
import Testing
import WangchaoAddress

/// Accuracy against labelled rows: a 400-row sample of ../shared/data/addresses-dev.jsonl ships
/// with the tests; the whole file is scored too when the checkout sits beside ../shared.
/// The floors are below what the parser reaches (99 %+ on every component) so that they catch
/// regressions, not noise.
@Suite struct AccuracyTests {
    struct Score {
        var rows = 0
        var right = [Int](repeating: 0, count: 10)
        var allTen = 0

        func share(_ i: Int) -> Double { Double(right[i]) / Double(max(rows, 1)) }
        var allTenShare: Double { Double(allTen) / Double(max(rows, 1)) }
    }

    static func score(_ data: Data) throws -> Score {
        let parser = try Fixture.parser()
        var score = Score()
        for line in data.split(separator: 0x0A) where !line.isEmpty {
            let object = try #require(try JSONSerialization.jsonObject(with: line) as? [String: Any])
            let text = try #require(object["text"] as? String)
            let got = parser.parse(text).components
            score.rows += 1
            var all = true
            for (i, name) in ParsedAddress.componentNames.enumerated() {
                if got[i] == object[name] as? String { score.right[i] += 1 } else { all = false }
            }
            if all { score.allTen += 1 }
        }
        return score
    }

    static func check(_ score: Score) {
        #expect(score.rows > 0)
        #expect(score.share(2) >= 0.99, "district")
        #expect(score.share(3) >= 0.97, "town")
        for i in [0, 1, 4, 5, 6, 7, 8, 9] {
            #expect(score.share(i) >= 0.97, "\(ParsedAddress.componentNames[i])")
        }
        #expect(score.allTenShare >= 0.95, "all ten")
    }

    @Test func sampleShippedWithTheTests() throws {
        let url = try #require(Bundle.module.url(forResource: "addresses-sample", withExtension: "jsonl"))
        let score = try Self.score(try Data(contentsOf: url))
        #expect(score.rows == 400)
        Self.check(score)
    }

    @Test func wholeDevFileWhenPresent() throws {
        let here = URL(fileURLWithPath: #filePath)
        let file = here.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("shared/data/addresses-dev.jsonl")
        guard let data = try? Data(contentsOf: file) else { return }
        let score = try Self.score(data)
        #expect(score.rows == 2000)
        Self.check(score)
    }
}
