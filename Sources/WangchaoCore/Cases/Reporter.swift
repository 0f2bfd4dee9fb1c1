/// Who reported a matter. Personal data: shown only to those who may see the case, never on
/// public tracking pages.
public struct Reporter: Sendable, Equatable, Codable {
    public var name: String?
    public var phone: String?
    /// The reporter asked not to be named to the handlers.
    public var anonymous: Bool

    public init(name: String? = nil, phone: String? = nil, anonymous: Bool = false) {
        self.name = name
        self.phone = phone
        self.anonymous = anonymous
    }
}
