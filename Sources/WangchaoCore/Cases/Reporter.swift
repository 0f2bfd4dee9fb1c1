/// Who reported a matter. Personal data: shown only to those who may see the case, never on
/// public tracking pages.
public struct Reporter: Sendable, Equatable, Codable {
    public var name: String?
    public var phone: String?
    /// 居民身份证号, when the matter needs it (labour disputes, enterprise requests …).
    public var idNumber: String?
    /// The reporter asked not to be named to the handlers.
    public var anonymous: Bool

    public init(name: String? = nil, phone: String? = nil, idNumber: String? = nil, anonymous: Bool = false) {
        self.name = name
        self.phone = phone
        self.idNumber = idNumber
        self.anonymous = anonymous
    }

    private enum CodingKeys: String, CodingKey { case name, phone, idNumber, anonymous }

    /// `anonymous` may be left out: it defaults to false.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decodeIfPresent(String.self, forKey: .name)
        phone = try container.decodeIfPresent(String.self, forKey: .phone)
        idNumber = try container.decodeIfPresent(String.self, forKey: .idNumber)
        anonymous = try container.decodeIfPresent(Bool.self, forKey: .anonymous) ?? false
    }
}
