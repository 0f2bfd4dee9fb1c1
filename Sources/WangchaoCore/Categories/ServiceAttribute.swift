import Foundation

/// An extra question asked when a matter of a category is reported, e.g. which facility is
/// broken. Open311 publishes these as the service definition's `attributes` and validates the
/// `attribute[code]` values of a request against them.
public struct ServiceAttribute: Sendable, Equatable, Codable {
    /// Open311's datatypes.
    public enum DataType: String, Sendable, Codable, CaseIterable {
        case string, number, datetime, text, singlevaluelist, multivaluelist
    }

    /// One choice of a list attribute.
    public struct Choice: Sendable, Equatable, Codable {
        public var key: String
        public var name: String
    }

    public var code: String
    /// The question, in Chinese.
    public var description: String
    public var datatype: DataType
    public var required: Bool
    /// A hint on the expected value (unit, format).
    public var datatypeDescription: String?
    public var order: Int
    /// The choices, for list datatypes.
    public var values: [Choice]

    public static let maxValueLength = 200

    private enum CodingKeys: String, CodingKey {
        case code, description, datatype, required, datatypeDescription, order, values
    }

    /// `values` may be left out for attributes that are not lists.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        code = try container.decode(String.self, forKey: .code)
        description = try container.decode(String.self, forKey: .description)
        datatype = try container.decode(DataType.self, forKey: .datatype)
        required = try container.decode(Bool.self, forKey: .required)
        datatypeDescription = try container.decodeIfPresent(String.self, forKey: .datatypeDescription)
        order = try container.decode(Int.self, forKey: .order)
        values = try container.decodeIfPresent([Choice].self, forKey: .values) ?? []
    }

    /// Checks the submitted values (one, or several for `multivaluelist`) and returns the
    /// answer as a reader-friendly Chinese text; `nil` when nothing was given.
    ///
    /// - Throws: ``DomainError`` `invalid` with field `attribute[code]`.
    public func answer(_ submitted: [String]) throws(DomainError) -> String? {
        let field = "attribute[\(code)]"
        let given = submitted.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        guard !given.isEmpty else {
            if required { throw .invalid(field: field, "\(description)：必填") }
            return nil
        }
        if datatype != .multivaluelist, given.count > 1 { throw .invalid(field: field, "\(description)：只能填一个值") }
        for value in given where value.count > Self.maxValueLength {
            throw .invalid(field: field, "\(description)：不能超过 \(Self.maxValueLength) 字")
        }
        switch datatype {
        case .string, .text:
            return given[0]
        case .number:
            guard Double(given[0])?.isFinite == true else { throw .invalid(field: field, "\(description)：须为数字") }
            return given[0]
        case .datetime:
            guard ISO8601DateFormatter().date(from: given[0]) != nil else {
                throw .invalid(field: field, "\(description)：须为带时区的 ISO 8601 时间")
            }
            return given[0]
        case .singlevaluelist, .multivaluelist:
            var names: [String] = []
            for key in given {
                guard let choice = values.first(where: { $0.key == key }) else {
                    throw .invalid(
                        field: field, "\(description)：\(key) 不是可选值（\(values.map(\.key).joined(separator: ", "))）")
                }
                names.append(choice.name)
            }
            return names.joined(separator: "、")
        }
    }
}

/// The extra questions of each category, shipped as `category-attributes.json` beside the
/// taxonomy (codes that are not categories are refused when it loads).
public struct ServiceAttributeCatalog: Sendable {
    private let byCategory: [String: [ServiceAttribute]]

    public init(_ byCategory: [String: [ServiceAttribute]], categories: CategoryCatalog) throws(DomainError) {
        for (code, attributes) in byCategory {
            guard categories[code] != nil else { throw .invalid(field: code, "附加信息对应的分类 \(code) 不存在") }
            var seen: Set<String> = []
            for attribute in attributes {
                guard seen.insert(attribute.code).inserted else {
                    throw .invalid(field: "\(code).\(attribute.code)", "附加信息代码重复")
                }
                let isList = attribute.datatype == .singlevaluelist || attribute.datatype == .multivaluelist
                guard isList == !attribute.values.isEmpty else {
                    throw .invalid(field: "\(code).\(attribute.code)", "只有列表类型的附加信息才有可选值，且至少一个")
                }
            }
        }
        self.byCategory = byCategory.mapValues { $0.sorted { $0.order < $1.order } }
    }

    /// The attributes of a category, in order; empty when it has none.
    public subscript(category: String) -> [ServiceAttribute] { byCategory[category] ?? [] }

    public static let bundled: ServiceAttributeCatalog = {
        guard let url = Bundle.module.url(forResource: "category-attributes", withExtension: "json"),
            let data = try? Data(contentsOf: url),
            let table = try? JSONDecoder().decode([String: [ServiceAttribute]].self, from: data),
            let catalog = try? ServiceAttributeCatalog(table, categories: .bundled)
        else { fatalError("category-attributes.json is missing or invalid in the WangchaoCore bundle") }
        return catalog
    }()
}
