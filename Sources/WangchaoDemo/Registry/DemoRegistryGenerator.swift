import WangchaoCore

/// The demo district's registry (人企物): residents for dwellings (about 1.1 per dwelling:
/// none, one, two or three), one enterprise per enterprise or shop address, and a few
/// facilities at facility and public-place addresses, each with valid checksummed codes and
/// lineage from the department that would keep it. The same seed and batches give the same
/// records.
///
/// ```swift
/// var registry = DemoRegistryGenerator(seed: seed)
/// let records = registry.records(for: addressBatch)
/// ```
public struct DemoRegistryGenerator: Sendable {
    private var rng: SeededGenerator
    private var personRow = 1
    private var enterpriseRow = 1
    private var facilityRow = 1
    /// The next sequence number (digits 15–17) per birth date, so that no two demo residents
    /// share an identity number.
    private var nextSequence: [Int: Int] = [:]

    public static let policeDepartment = "公安局"
    public static let residentTable = "常住人口登记表"
    public static let marketDepartment = "市场监管局"
    public static let enterpriseTable = "企业登记信息表"
    public static let facilityDepartment = "城管局"
    public static let facilityTable = "市政设施台账"

    static let industries = ["餐饮业", "零售业", "批发业", "纺织业", "汽车零部件制造", "建筑装饰", "物流运输", "信息技术服务", "美容美发", "五金制造"]
    static let tradeNames = [
        "湘湖", "城厢", "金城", "恒达", "永盛", "鸿运", "新华", "宏图", "祥和", "万安", "瑞丰", "钱江", "越王", "兴隆", "顺发",
        "明珠", "天成", "利民", "安泰", "博远",
    ]
    static let suffixes: [String: String] = [
        "餐饮业": "餐饮管理有限公司", "零售业": "商贸有限公司", "批发业": "贸易有限公司", "纺织业": "纺织有限公司",
        "汽车零部件制造": "汽车配件有限公司", "建筑装饰": "装饰工程有限公司", "物流运输": "物流有限公司",
        "信息技术服务": "网络科技有限公司", "美容美发": "美容美发店", "五金制造": "五金制品有限公司",
    ]
    static let facilityKinds = ["消防栓", "监控", "井盖", "路灯", "垃圾分类亭"]

    public init(seed: UInt64) {
        rng = SeededGenerator(seed: seed, stream: "registry")
    }

    /// The records living or working at `addresses`.
    public mutating func records(for addresses: [StandardAddress]) -> RegistryRecords {
        var records = RegistryRecords()
        for address in addresses {
            switch address.kind {
            case .dwelling:
                let residents = rng.index(weights: [0.2, 0.5, 0.2, 0.1])
                for _ in 0..<residents { records.people.append(person(at: address)) }
            case .enterprise, .shop:
                records.enterprises.append(enterprise(at: address))
            case .facility, .publicPlace:
                for _ in 0..<rng.int(in: 1...3) { records.facilities.append(facility(at: address)) }
            }
        }
        return records
    }

    private mutating func person(at address: StandardAddress) -> Person {
        let year = rng.int(in: 1940...2018), month = rng.int(in: 1...12), day = rng.int(in: 1...28)
        let date = year * 10_000 + month * 100 + day
        let sequence = nextSequence[date] ?? rng.int(in: 0...899)
        nextSequence[date] = (sequence + 1) % 1_000
        let seventeen = address.districtCode + String(date) + String(sequence + 1_000).dropFirst()
        let idNumber = seventeen + String(IdentityNumber.checkCharacter(for: seventeen)!)
        let relation: DwellingRelation = [.registered, .resident, .tenant][rng.index(weights: [0.6, 0.15, 0.25])]
        defer { personRow += 1 }
        return Person(
            id: Lineage.recordId(prefix: "P", department: Self.policeDepartment, table: Self.residentTable, key: idNumber),
            name: ChineseNames.random(using: &rng), idNumber: idNumber, phone: mobile(), addressCode: address.code,
            addressText: address.text, relation: relation,
            registeredOn: CalendarDate.iso(year: rng.int(in: max(year, 1990)...2025), month: rng.int(in: 1...12), day: rng.int(in: 1...28)),
            lineage: Lineage(department: Self.policeDepartment, table: Self.residentTable, row: personRow + 1))
    }

    private mutating func enterprise(at address: StandardAddress) -> Enterprise {
        let alphabet = CreditCode.alphabet
        var organisation = ""
        for _ in 0..<8 { organisation.append(rng.chance(0.8) ? Character(String(rng.int(below: 10))) : rng.pick(alphabet)) }
        organisation.append(rng.pick(alphabet))
        let seventeen = "91" + address.districtCode + organisation
        let creditCode = seventeen + String(CreditCode.checkCharacter(for: seventeen)!)
        let industry = address.kind == .shop ? rng.pick(["餐饮业", "零售业", "美容美发"]) : rng.pick(Self.industries)
        let suffix = Self.suffixes[industry] ?? "有限公司"
        let name = (suffix.hasSuffix("店") ? "" : "杭州萧山") + rng.pick(Self.tradeNames) + suffix
        defer { enterpriseRow += 1 }
        return Enterprise(
            id: Lineage.recordId(prefix: "E", department: Self.marketDepartment, table: Self.enterpriseTable, key: creditCode),
            name: name, creditCode: creditCode, legalRepresentative: ChineseNames.random(using: &rng),
            phone: rng.chance(0.5) ? "0571-8" + digits(7) : mobile(), industry: industry, addressCode: address.code,
            addressText: address.text,
            establishedOn: CalendarDate.iso(year: rng.int(in: 1995...2025), month: rng.int(in: 1...12), day: rng.int(in: 1...28)),
            lineage: Lineage(department: Self.marketDepartment, table: Self.enterpriseTable, row: enterpriseRow + 1))
    }

    private mutating func facility(at address: StandardAddress) -> Facility {
        let kind = rng.pick(Self.facilityKinds)
        let code = "SS-\(address.districtCode)-\(facilityRow)"
        defer { facilityRow += 1 }
        return Facility(
            id: Lineage.recordId(prefix: "F", department: Self.facilityDepartment, table: Self.facilityTable, key: code),
            name: "\(address.place ?? address.town)\(address.number.map { $0 + "号" } ?? "")\(kind)", kind: kind,
            sourceCode: code, addressCode: address.code, addressText: address.text,
            lineage: Lineage(department: Self.facilityDepartment, table: Self.facilityTable, row: facilityRow + 1))
    }

    private mutating func mobile() -> String {
        "1" + rng.pick(["3", "5", "7", "8", "9"]) + digits(9)
    }

    private mutating func digits(_ count: Int) -> String {
        var s = ""
        for _ in 0..<count { s.append(Character(String(rng.int(below: 10)))) }
        return s
    }
}
