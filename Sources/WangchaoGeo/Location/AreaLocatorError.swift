/// Why an ``AreaLocator`` cannot be built from a list of areas.
public struct AreaLocatorError: Error, Sendable, Equatable, CustomStringConvertible {
    private enum Kind: Sendable, Equatable {
        case noDistrict
        case severalRoots([String])
        case duplicateCode(String)
        case missingParent(code: String, parent: String)
        case cycle(String)
    }

    private let kind: Kind

    public static let noDistrict = AreaLocatorError(kind: .noDistrict)
    public static func severalRoots(_ codes: [String]) -> AreaLocatorError { .init(kind: .severalRoots(codes)) }
    public static func duplicateCode(_ code: String) -> AreaLocatorError { .init(kind: .duplicateCode(code)) }
    public static func missingParent(code: String, parent: String) -> AreaLocatorError {
        .init(kind: .missingParent(code: code, parent: parent))
    }

    public static func cycle(_ code: String) -> AreaLocatorError { .init(kind: .cycle(code)) }

    public var description: String {
        switch kind {
        case .noDistrict: "没有区级区域（无上级的区域）"
        case .severalRoots(let codes): "有多个无上级的区域：\(codes.joined(separator: "、"))"
        case .duplicateCode(let code): "区域编码重复：\(code)"
        case .missingParent(let code, let parent): "区域 \(code) 的上级 \(parent) 不存在"
        case .cycle(let code): "区域 \(code) 的上级链形成环，到不了区级"
        }
    }
}
