import Foundation

/// A department table's declarative mapping (JSON): which columns become which fields of a
/// person, enterprise or facility, which columns make up the address, and which cleaning
/// rules apply. See `Examples/import/*.mapping.json`.
///
/// ```json
/// {"department": "公安局", "table": "常住人口登记表", "target": "person",
///  "columns": {"姓名": "name", "公民身份号码": "idNumber", "联系电话": "phone", "居住类型": "relation"},
///  "address": ["镇街", "住址"], "cleaning": {"dates": true}}
/// ```
public struct ImportMapping: Sendable, Equatable, Codable {
    public var department: String
    public var table: String
    public var target: RegistryTarget
    /// CSV column → field name (see ``RegistryTarget/fields``).
    public var columns: [String: String]
    /// The columns whose texts, joined in this order, are the address matched against the
    /// standard address base; empty: records are not linked.
    public var address: [String]
    /// Written before the address columns (e.g. "萧山区" when the table leaves it out).
    public var addressPrefix: String?
    public var cleaning: CleaningRules

    public init(
        department: String, table: String, target: RegistryTarget, columns: [String: String], address: [String] = [],
        addressPrefix: String? = nil, cleaning: CleaningRules = CleaningRules()
    ) {
        self.department = department
        self.table = table
        self.target = target
        self.columns = columns
        self.address = address
        self.addressPrefix = addressPrefix
        self.cleaning = cleaning
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        department = try c.decode(String.self, forKey: .department)
        table = try c.decode(String.self, forKey: .table)
        target = try c.decode(RegistryTarget.self, forKey: .target)
        columns = try c.decode([String: String].self, forKey: .columns)
        address = try c.decodeIfPresent([String].self, forKey: .address) ?? []
        addressPrefix = try c.decodeIfPresent(String.self, forKey: .addressPrefix)
        cleaning = try c.decodeIfPresent(CleaningRules.self, forKey: .cleaning) ?? CleaningRules()
    }

    /// Reads a mapping file's JSON, saying what is wrong in Chinese.
    public static func decode(_ data: Data) throws(ImportFileError) -> ImportMapping {
        let mapping: ImportMapping
        do {
            mapping = try JSONDecoder().decode(ImportMapping.self, from: data)
        } catch let DecodingError.keyNotFound(key, _) {
            throw ImportFileError("映射文件缺少「\(key.stringValue)」")
        } catch let DecodingError.dataCorrupted(context) where context.codingPath.last?.stringValue == "target" {
            throw ImportFileError("映射文件的 target 须为 person、enterprise 或 facility")
        } catch {
            throw ImportFileError("映射文件不是有效的 JSON 映射：\(error.localizedDescription)")
        }
        try mapping.validate()
        return mapping
    }

    /// The mapping on its own: known fields only, each mapped once, the target's required
    /// fields present, department and table named.
    public func validate() throws(ImportFileError) {
        guard !department.trimmingCharacters(in: .whitespaces).isEmpty else { throw ImportFileError("映射文件须填写 department（来源部门）") }
        guard !table.trimmingCharacters(in: .whitespaces).isEmpty else { throw ImportFileError("映射文件须填写 table（来源表名）") }
        var seen: [String: String] = [:]
        for (column, field) in columns.sorted(by: { $0.key < $1.key }) {
            guard target.fields.contains(field) else {
                throw ImportFileError(
                    "列「\(column)」映射到未知字段「\(field)」（\(target.rawValue) 的字段：\(target.fields.joined(separator: "、"))）")
            }
            if let other = seen[field] { throw ImportFileError("列「\(other)」和「\(column)」都映射到字段「\(field)」") }
            seen[field] = column
        }
        for field in target.requiredFields where seen[field] == nil {
            throw ImportFileError("映射缺少必填字段「\(field)」（\(target.chineseName)）")
        }
    }

    /// The mapping bound to a file's header: each mapped and address column's index.
    /// - Throws: naming the first mapped column the header lacks.
    public func bind(header: [String]) throws(ImportFileError) -> BoundMapping {
        var index: [String: Int] = [:]
        for (i, name) in header.enumerated() where index[name] == nil { index[name] = i }
        var fields: [(field: String, column: String, index: Int)] = []
        for (column, field) in columns.sorted(by: { $0.key < $1.key }) {
            guard let i = index[column] else { throw ImportFileError("表头缺少映射的列「\(column)」") }
            fields.append((field, column, i))
        }
        var addressColumns: [Int] = []
        for column in address {
            guard let i = index[column] else { throw ImportFileError("表头缺少地址列「\(column)」") }
            addressColumns.append(i)
        }
        return BoundMapping(mapping: self, width: header.count, fields: fields, addressColumns: addressColumns)
    }
}

/// The cleaning standard a mapping applies; every rule is on unless turned off.
public struct CleaningRules: Sendable, Equatable, Codable {
    /// Strip spaces (also full-width and non-breaking) at both ends of every cell.
    public var trim = true
    /// Full-width letters and digits to half-width (`１３８` → `138`).
    public var fullWidthToHalfWidth = true
    /// Identity numbers: GB 11643 checksum and birth date; 15 digits upgraded.
    public var idNumber = true
    /// Credit codes: GB 32100 checksum.
    public var creditCode = true
    /// Phones: mobile or landline with area code, normalised.
    public var phone = true
    /// Date fields to ISO `yyyy-MM-dd`.
    public var dates = true

    public init() {}

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        trim = try c.decodeIfPresent(Bool.self, forKey: .trim) ?? true
        fullWidthToHalfWidth = try c.decodeIfPresent(Bool.self, forKey: .fullWidthToHalfWidth) ?? true
        idNumber = try c.decodeIfPresent(Bool.self, forKey: .idNumber) ?? true
        creditCode = try c.decodeIfPresent(Bool.self, forKey: .creditCode) ?? true
        phone = try c.decodeIfPresent(Bool.self, forKey: .phone) ?? true
        dates = try c.decodeIfPresent(Bool.self, forKey: .dates) ?? true
    }
}

/// What a table's rows become.
public enum RegistryTarget: String, Sendable, Codable, CaseIterable {
    case person, enterprise, facility

    public var chineseName: String {
        switch self {
        case .person: "人口"
        case .enterprise: "企业"
        case .facility: "设施"
        }
    }

    /// The fields a column may map to.
    public var fields: [String] {
        switch self {
        case .person: ["name", "idNumber", "phone", "relation", "registeredOn"]
        case .enterprise: ["name", "creditCode", "legalRepresentative", "phone", "industry", "establishedOn"]
        case .facility: ["name", "kind", "sourceCode"]
        }
    }

    /// The fields every row must have.
    public var requiredFields: [String] {
        switch self {
        case .person: ["name", "idNumber"]
        case .enterprise: ["name", "creditCode"]
        case .facility: ["name", "kind"]
        }
    }

    /// The field whose value identifies a record within its source (duplicates share it).
    public var keyField: String? {
        switch self {
        case .person: "idNumber"
        case .enterprise: "creditCode"
        case .facility: "sourceCode"
        }
    }
}
