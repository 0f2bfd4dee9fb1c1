import Foundation

/// A mapping bound to one file's header: cleans and checks one row at a time.
public struct BoundMapping: Sendable {
    public let mapping: ImportMapping
    /// The header's column count: a row with another count is rejected.
    let width: Int
    let fields: [(field: String, column: String, index: Int)]
    let addressColumns: [Int]

    /// How a value was fixed, as the report names it.
    public enum Fix: String, Sendable, CaseIterable {
        case trimmed = "去除首尾空白"
        case halfWidth = "全角转半角"
        case upgradedIdNumber = "15位身份证升级"
        case upperCased = "校验码转大写"
        case phoneFormatted = "电话格式规范"
        case dateToISO = "日期转为ISO格式"
    }

    /// A row that passed: its fields (absent when the cell was empty), the address text, and
    /// the fixes made on the way.
    public struct CleanRow: Sendable, Equatable {
        public var fields: [String: String]
        public var addressText: String?
        public var fixes: Set<String>

        /// The value identifying the record within its source.
        public func key(for target: RegistryTarget) -> String? {
            if let field = target.keyField, let value = fields[field] { return value }
            // A facility without its own code is known by name and address.
            return target == .facility ? "\(fields["name"] ?? "")|\(addressText ?? "")" : nil
        }
    }

    /// Cleans `cells` (one data row) or names the first column that fails and why.
    public func clean(_ cells: [String]) -> Result<CleanRow, ImportRejection.Cause> {
        guard cells.count == width else {
            return .failure(.init(column: "", field: "", reason: "列数为 \(cells.count)，表头为 \(width) 列"))
        }
        let rules = mapping.cleaning
        var fixes: Set<String> = []
        func cleaned(_ raw: String) -> String {
            var value = raw
            if rules.fullWidthToHalfWidth {
                let half = TextCleaning.halfWidth(value)
                if half != value { fixes.insert(Fix.halfWidth.rawValue) }
                value = half
            }
            if rules.trim {
                let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
                if trimmed != value { fixes.insert(Fix.trimmed.rawValue) }
                value = trimmed
            }
            return value
        }
        var out: [String: String] = [:]
        for (field, column, index) in fields {
            let value = cleaned(cells[index])
            if value.isEmpty {
                if mapping.target.requiredFields.contains(field) {
                    return .failure(.init(column: column, field: field, reason: "必填字段为空"))
                }
                continue
            }
            switch check(field: field, value: value, rules: rules) {
            case .success(let (checked, fix)):
                if let fix { fixes.insert(fix.rawValue) }
                out[field] = checked
            case .failure(let failure):
                return .failure(.init(column: column, field: field, reason: failure.reason))
            }
        }
        var address: String? = nil
        if !addressColumns.isEmpty {
            let parts = addressColumns.map { cleaned(cells[$0]) }.filter { !$0.isEmpty }
            if !parts.isEmpty { address = (mapping.addressPrefix ?? "") + parts.joined() }
        }
        return .success(CleanRow(fields: out, addressText: address, fixes: fixes))
    }

    /// One field's check by its kind; the value returned is what is stored.
    func check(field: String, value: String, rules: CleaningRules) -> Result<(String, Fix?), RegistryCheckFailure> {
        switch field {
        case "idNumber" where rules.idNumber:
            return IdentityNumber.check(value).map { checked -> (String, Fix?) in
                if checked.upgradedFrom15 { return (checked.number, .upgradedIdNumber) }
                return (checked.number, checked.number != value ? .upperCased : nil)
            }
        case "creditCode" where rules.creditCode:
            return CreditCode.check(value).map { code -> (String, Fix?) in (code, code != value ? .upperCased : nil) }
        case "phone" where rules.phone:
            return PhoneNumber.normalise(value).map { phone -> (String, Fix?) in
                (phone, phone != value ? .phoneFormatted : nil)
            }
        case "registeredOn" where rules.dates, "establishedOn" where rules.dates:
            return RegistryDate.normalise(value).map { date -> (String, Fix?) in (date, date != value ? .dateToISO : nil) }
        case "relation":
            guard let relation = DwellingRelation(text: value) else {
                return .failure(.init("居住关系须为户籍、常住或租住"))
            }
            return .success((relation.rawValue, nil))
        default:
            return .success((value, nil))
        }
    }
}
