import Foundation

/// The human-readable case number, `XS-20261124-000123`: the day in China (Asia/Shanghai) and a
/// counter that starts again each day.
public enum CaseNumber {
    public static let prefix = "XS"

    /// China Standard Time; no daylight saving, so a fixed offset is exact.
    public static let chinaTimeZone = TimeZone(identifier: "Asia/Shanghai") ?? TimeZone(secondsFromGMT: 8 * 3600)!

    /// The `yyyyMMdd` day in China of `date`.
    public static func day(of date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = chinaTimeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d%02d%02d", parts.year!, parts.month!, parts.day!)
    }

    /// The number for the `sequence`-th case of `day`.
    public static func format(day: String, sequence: Int) -> String {
        "\(prefix)-\(day)-\(String(format: "%06d", sequence))"
    }

    /// Whether `text` has the shape of a case number.
    public static func looksLikeNumber(_ text: String) -> Bool {
        let parts = text.split(separator: "-")
        return parts.count == 3 && parts[0] == prefix && parts[1].count == 8 && parts[2].count >= 6
            && parts[1].allSatisfy(\.isNumber) && parts[2].allSatisfy(\.isNumber)
    }
}

/// The secret a reporter uses to follow a case: eight characters from an alphabet without look-alikes.
public enum TrackingCode {
    static let alphabet = Array("ABCDEFGHJKMNPQRSTUVWXYZ23456789")

    public static func generate<G: RandomNumberGenerator>(using generator: inout G) -> String {
        String((0..<8).map { _ in alphabet.randomElement(using: &generator)! })
    }

    /// Compares a presented code with the case's in time independent of where they differ,
    /// so response times do not leak a code character by character. Case-insensitive, since
    /// people read codes aloud and type them on phones.
    public static func matches(_ presented: String, _ actual: String) -> Bool {
        ConstantTime.equal(presented.uppercased(), actual)
    }
}
