import Foundation

/// The category taxonomy, shipped as `categories.json` in this module's resources.
public struct CategoryCatalog: Sendable {
    public let categories: [Category]
    private let byCode: [String: Category]

    /// Builds a catalog, refusing duplicate codes.
    public init(_ categories: [Category]) throws(DomainError) {
        var byCode: [String: Category] = [:]
        for category in categories {
            guard byCode.updateValue(category, forKey: category.code) == nil else {
                throw .invalid(field: "code", "分类代码 \(category.code) 重复")
            }
        }
        self.categories = categories
        self.byCode = byCode
    }

    /// Decodes a catalog from the JSON of `categories.json`.
    public init(json: Data) throws {
        try self.init(JSONDecoder().decode([Category].self, from: json))
    }

    /// The taxonomy shipped with Wangchao.
    public static let bundled: CategoryCatalog = {
        guard let url = Bundle.module.url(forResource: "categories", withExtension: "json"),
            let data = try? Data(contentsOf: url),
            let catalog = try? CategoryCatalog(json: data)
        else { fatalError("categories.json is missing or invalid in the WangchaoCore bundle") }
        return catalog
    }()

    public subscript(code: String) -> Category? { byCode[code] }
}
