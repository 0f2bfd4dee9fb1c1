import Foundation
import WangchaoCore

/// Hands out case numbers in creation order, the counter starting again each China day.
struct CaseNumbering: Sendable {
    private var dayNumber: Int?
    private var day = ""
    private var sequence = 0

    /// The number of the next case, created at `date` (no earlier than the previous one's).
    mutating func next(at date: Date) -> String {
        let number = CaseSchedule.dayNumber(of: date)
        if number != dayNumber {
            dayNumber = number
            day = CaseNumber.day(of: date)
            sequence = 0
        }
        sequence += 1
        return CaseNumber.format(day: day, sequence: sequence)
    }
}

/// UUID-shaped identifiers (version 4 layout) drawn from the seeded generator, so ids are as
/// reproducible as everything else.
enum DemoIdentifier {
    static func uuid(using rng: inout SeededGenerator) -> String {
        let high = (rng.next() & ~0xf000) | 0x4000  // version 4
        let low = (rng.next() & ~(0xc << 60)) | (0x8 << 60)  // RFC 4122 variant
        let hex = hex(high, 16) + hex(low, 16)
        let parts = [hex.prefix(8), hex.dropFirst(8).prefix(4), hex.dropFirst(12).prefix(4), hex.dropFirst(16).prefix(4), hex.dropFirst(20)]
        return parts.joined(separator: "-")
    }

    private static func hex(_ value: UInt64, _ digits: Int) -> String {
        let text = String(value, radix: 16)
        return String(repeating: "0", count: digits - text.count) + text
    }
}
