/// An enterprise or shop (企) of the unified base, identified by its unified social credit code.
public struct Enterprise: Sendable, Equatable, Codable, Identifiable {
    public var id: String
    public var name: String
    /// 18 characters, GB 32100-2015 checksum valid.
    public var creditCode: String
    public var legalRepresentative: String?
    public var phone: String?
    public var industry: String?
    public var addressCode: String?
    public var addressText: String?
    /// ISO date of establishment, when given.
    public var establishedOn: String?
    public var lineage: Lineage

    public init(
        id: String, name: String, creditCode: String, legalRepresentative: String? = nil, phone: String? = nil,
        industry: String? = nil, addressCode: String? = nil, addressText: String? = nil, establishedOn: String? = nil,
        lineage: Lineage
    ) {
        self.id = id
        self.name = name
        self.creditCode = creditCode
        self.legalRepresentative = legalRepresentative
        self.phone = phone
        self.industry = industry
        self.addressCode = addressCode
        self.addressText = addressText
        self.establishedOn = establishedOn
        self.lineage = lineage
    }
}
