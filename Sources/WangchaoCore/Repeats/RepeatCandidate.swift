import Foundation

/// An earlier case a new report probably repeats, with why.
public struct RepeatCandidate: Sendable, Equatable, Codable {
    public var caseId: String
    public var number: String
    /// The candidate's state when the check ran (the API shows the current one).
    public var state: CaseState
    public var reasons: [RepeatReason]
    public var createdAt: Date
    /// The candidate's area, so that answers can tell who may see it without reading the case.
    public var areaCode: String?

    public init(
        caseId: String, number: String, state: CaseState, reasons: [RepeatReason], createdAt: Date, areaCode: String? = nil
    ) {
        self.caseId = caseId
        self.number = number
        self.state = state
        self.reasons = reasons
        self.createdAt = createdAt
        self.areaCode = areaCode
    }

    /// The distance when the candidate is of the same category nearby.
    public var distanceMetres: Double? {
        for reason in reasons { if case .nearby(let metres) = reason { return metres } }
        return nil
    }
}

/// Why a case is a repeat candidate. In JSON: `{"kind":"nearby","distanceMetres":42.5}`,
/// `{"kind":"sameAddress"}`, `{"kind":"sameCaller"}`.
public enum RepeatReason: Sendable, Equatable, Codable {
    /// Same category, within the policy's radius and window; the great-circle distance (0.1 m).
    case nearby(distanceMetres: Double)
    /// The same address text (normalised, see ``RepeatKeys/address(_:)``) within the address window.
    case sameAddress
    /// The same phone number (digits) within the caller window.
    case sameCaller

    public var kind: String {
        switch self {
        case .nearby: "nearby"
        case .sameAddress: "sameAddress"
        case .sameCaller: "sameCaller"
        }
    }

    private enum CodingKeys: String, CodingKey { case kind, distanceMetres }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        switch try c.decode(String.self, forKey: .kind) {
        case "nearby": self = .nearby(distanceMetres: try c.decode(Double.self, forKey: .distanceMetres))
        case "sameAddress": self = .sameAddress
        case "sameCaller": self = .sameCaller
        case let other:
            throw DecodingError.dataCorruptedError(forKey: .kind, in: c, debugDescription: "unknown repeat reason \(other)")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(kind, forKey: .kind)
        if case .nearby(let metres) = self { try c.encode(metres, forKey: .distanceMetres) }
    }
}
