import Foundation

/// A resident (人) of the unified base: who lives or is registered at a standard address.
/// Gender and birth date are derived from a valid identity number, never typed twice.
public struct Person: Sendable, Equatable, Codable, Identifiable {
    public var id: String
    public var name: String
    /// 18 characters, checksum valid (15-digit numbers are upgraded on import).
    public var idNumber: String
    public var phone: String?
    /// The standard address the person hangs on; nil when the source address matched none.
    public var addressCode: String?
    /// The address as the source wrote it.
    public var addressText: String?
    public var relation: DwellingRelation?
    /// ISO date the source registered the person, when given.
    public var registeredOn: String?
    public var lineage: Lineage

    public init(
        id: String, name: String, idNumber: String, phone: String? = nil, addressCode: String? = nil,
        addressText: String? = nil, relation: DwellingRelation? = nil, registeredOn: String? = nil, lineage: Lineage
    ) {
        self.id = id
        self.name = name
        self.idNumber = idNumber
        self.phone = phone
        self.addressCode = addressCode
        self.addressText = addressText
        self.relation = relation
        self.registeredOn = registeredOn
        self.lineage = lineage
    }

    /// From the identity number's 17th digit: odd male, even female.
    public var gender: Gender? { IdentityNumber.gender(of: idNumber) }
    /// From the identity number's digits 7–14, as `yyyy-MM-dd`.
    public var birthDate: String? { IdentityNumber.birthDate(of: idNumber) }
}

public enum Gender: String, Sendable, Codable {
    case male, female

    public var chineseName: String { self == .male ? "男" : "女" }
}

/// How a person is tied to the dwelling (人房关系).
public enum DwellingRelation: String, Sendable, Codable, CaseIterable {
    /// 户籍: the household registration is here.
    case registered
    /// 常住: lives here without the registration.
    case resident
    /// 租住: rents here.
    case tenant

    public var chineseName: String {
        switch self {
        case .registered: "户籍"
        case .resident: "常住"
        case .tenant: "租住"
        }
    }

    /// Reads either the Chinese name (户籍/常住/租住, also 户籍人口, 租户…) or the raw value.
    public init?(text: String) {
        let t = text.trimmingCharacters(in: .whitespaces)
        if let raw = DwellingRelation(rawValue: t.lowercased()) {
            self = raw
        } else if t.hasPrefix("户籍") {
            self = .registered
        } else if t.hasPrefix("常住") || t == "居住" {
            self = .resident
        } else if t.hasPrefix("租") || t == "流动人口" {
            self = .tenant
        } else {
            return nil
        }
    }
}
