import Foundation
import Testing
import WangchaoCore

@testable import WangchaoServer

@Suite("Web text")
struct WebTextTests {
    /// `machineTime` writes what `ISO8601DateFormatter` in China time writes, without making one per call.
    @Test("machine times equal ISO8601DateFormatter's in China time", arguments: [
        0, 1_764_000_000, 1_764_000_000.999, 1_793_240_950.5, 646_790_400, -86_400 * 365 * 10,
    ] as [TimeInterval])
    func machineTime(_ seconds: TimeInterval) {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = CaseNumber.chinaTimeZone
        let date = Date(timeIntervalSince1970: seconds)
        #expect(WebText.machineTime(date) == formatter.string(from: date))
    }

    @Test("a known instant")
    func knownInstant() {
        #expect(WebText.machineTime(Date(timeIntervalSince1970: 1_764_000_000)) == "2025-11-25T00:00:00+08:00")
    }
}
