/// A range of wall-clock time in Asia/Shanghai, `from` inclusive and `to` exclusive, written
/// `{"from": "22:00", "to": "06:00"}`; a range whose end is before its start runs past midnight.
public struct TimeOfDayRange: Sendable, Equatable, Codable {
    /// Minutes since midnight, 0…1439.
    public var fromMinute: Int
    /// Minutes since midnight, 1…1440 (`24:00`).
    public var toMinute: Int

    public init(fromMinute: Int, toMinute: Int) {
        self.fromMinute = fromMinute
        self.toMinute = toMinute
    }

    /// Whether the minute of the day lies in the range.
    public func contains(minute: Int) -> Bool {
        fromMinute < toMinute ? (minute >= fromMinute && minute < toMinute) : (minute >= fromMinute || minute < toMinute)
    }

    public var text: String { "\(ChinaTime.text(ofMinute: fromMinute))–\(ChinaTime.text(ofMinute: toMinute))" }

    private enum CodingKeys: String, CodingKey { case from, to }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let from = try c.decode(String.self, forKey: .from)
        let to = try c.decode(String.self, forKey: .to)
        guard let start = ChinaTime.minute(of: from), start < 1440 else {
            throw DecodingError.dataCorruptedError(forKey: .from, in: c, debugDescription: "时间须为 HH:mm（00:00–23:59），而不是 \(from)")
        }
        guard let end = ChinaTime.minute(of: to) else {
            throw DecodingError.dataCorruptedError(forKey: .to, in: c, debugDescription: "时间须为 HH:mm（00:00–24:00），而不是 \(to)")
        }
        guard start != end else {
            throw DecodingError.dataCorruptedError(forKey: .to, in: c, debugDescription: "时间段的起止不能相同（\(from)–\(to)）")
        }
        fromMinute = start
        toMinute = end
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(ChinaTime.text(ofMinute: fromMinute), forKey: .from)
        try c.encode(ChinaTime.text(ofMinute: toMinute), forKey: .to)
    }
}
