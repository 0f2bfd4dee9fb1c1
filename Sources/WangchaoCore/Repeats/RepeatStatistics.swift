/// Repeat reports counted for one area subtree and month: the seeds' repeat-call rate
/// (110 重复报警率, 11.15 % → 10.10 %) per area.
public struct RepeatCount: Sendable, Equatable, Codable {
    public var areaCode: String
    public var areaName: String
    /// Cases created in the month in the subtree.
    public var cases: Int
    /// Of these, flagged at intake as likely repeats.
    public var likelyRepeats: Int
    /// Of these, merged into another case: confirmed repeats.
    public var merged: Int
    /// Of these, likely or confirmed repeats (each case once).
    public var repeats: Int
    /// `repeats / cases`, to four decimals; `nil` without cases.
    public var rate: Double?

    public init(areaCode: String, areaName: String, cases: Int = 0, likelyRepeats: Int = 0, merged: Int = 0, repeats: Int = 0) {
        self.areaCode = areaCode
        self.areaName = areaName
        self.cases = cases
        self.likelyRepeats = likelyRepeats
        self.merged = merged
        self.repeats = repeats
        rate = Self.rate(repeats, of: cases)
    }

    /// Adds one case.
    public mutating func count(likelyRepeat: Bool, merged isMerged: Bool) {
        cases += 1
        if likelyRepeat { likelyRepeats += 1 }
        if isMerged { merged += 1 }
        if likelyRepeat || isMerged { repeats += 1 }
        rate = Self.rate(repeats, of: cases)
    }

    static func rate(_ part: Int, of whole: Int) -> Double? {
        whole == 0 ? nil : (Double(part) / Double(whole) * 10_000).rounded() / 10_000
    }
}

/// The answer of `repeatStatistics`: the area's total and one row per child area (ordered by
/// code). Cases filed on the area itself, not in a child, count in the total only.
public struct RepeatStatistics: Sendable, Equatable, Codable {
    public var month: ReportMonth
    public var total: RepeatCount
    public var children: [RepeatCount]

    public init(month: ReportMonth, total: RepeatCount, children: [RepeatCount]) {
        self.month = month
        self.total = total
        self.children = children
    }
}
