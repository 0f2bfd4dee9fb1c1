import Foundation

/// How an intake that came with an address and no point was placed through the standard
/// address base, so a dispatcher sees at once whether the place is certain or must be checked.
public struct AddressCheck: Sendable, Equatable, Codable {
    public enum Status: String, Sendable, Codable {
        /// Matched one standard address with a high score: its point and micro-grid were used.
        case matched
        /// A best candidate exists but below the certainty threshold, or the text matched
        /// nothing: the place is provisional and the dispatcher must confirm it.
        case uncertain
    }

    public var status: Status
    /// The standard address used (or the best candidate), when there is one.
    public var standardCode: String?
    public var standardText: String?
    /// The matcher's score, 0–1.
    public var score: Double
    /// Why it is uncertain, in Chinese.
    public var reason: String?

    public init(status: Status, standardCode: String?, standardText: String?, score: Double, reason: String?) {
        self.status = status
        self.standardCode = standardCode
        self.standardText = standardText
        self.score = score
        self.reason = reason
    }

    /// Below this score a match is not trusted to place a case by itself.
    public static let certainScore = 0.85

    /// The line written on the intake's history row.
    public var note: String {
        switch status {
        case .matched:
            return "按地址匹配定位：\(standardText ?? "")（\(standardCode ?? "")，匹配度 \(String(format: "%.2f", score))）"
        case .uncertain:
            let candidate = standardText.map { "，暂按最接近的「\($0)」定位" } ?? "，暂按所属区域定位"
            return "地址匹配不确定（\(reason ?? "无可靠匹配")）\(candidate)，请调度员核实位置"
        }
    }
}
