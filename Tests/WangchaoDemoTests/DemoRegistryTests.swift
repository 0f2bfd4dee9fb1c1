import Testing
import WangchaoCore
@testable import WangchaoDemo

@Suite("demo registry (people, enterprises, facilities)")
struct DemoRegistryTests {
    static let addresses = StandardAddressTests.generate(10_000)

    static func records(seed: UInt64 = DemoOptions.defaultSeed) -> RegistryRecords {
        var generator = DemoRegistryGenerator(seed: seed)
        var all = RegistryRecords()
        for start in stride(from: 0, to: addresses.count, by: 2_500) {
            let batch = generator.records(for: Array(addresses[start..<min(start + 2_500, addresses.count)]))
            all.people += batch.people
            all.enterprises += batch.enterprises
            all.facilities += batch.facilities
        }
        return all
    }

    static let sample = records()

    @Test("about one resident per dwelling, one enterprise per enterprise or shop, facilities at facilities")
    func counts() {
        let kinds = Dictionary(grouping: Self.addresses, by: \.kind).mapValues(\.count)
        let dwellings = Double(kinds[.dwelling] ?? 0)
        #expect(Double(Self.sample.people.count) > 0.9 * dwellings && Double(Self.sample.people.count) < 1.4 * dwellings)
        #expect(Self.sample.enterprises.count == (kinds[.enterprise] ?? 0) + (kinds[.shop] ?? 0))
        #expect(Self.sample.facilities.count >= (kinds[.facility] ?? 0) + (kinds[.publicPlace] ?? 0))
        let byCode = Dictionary(uniqueKeysWithValues: Self.addresses.map { ($0.code, $0) })
        #expect(Self.sample.people.allSatisfy { byCode[$0.addressCode ?? ""]?.kind == .dwelling })
    }

    @Test("identity numbers and credit codes pass their checksums; phones their format; ids unique")
    func validCodes() throws {
        for person in Self.sample.people {
            #expect(try IdentityNumber.check(person.idNumber).get().number == person.idNumber)
            #expect(try PhoneNumber.normalise(person.phone ?? "").get() == person.phone)
            #expect(person.idNumber.hasPrefix("330109"))
            #expect(person.lineage.department == "公安局")
        }
        for enterprise in Self.sample.enterprises {
            #expect(CreditCode.isValid(enterprise.creditCode), "\(enterprise.creditCode)")
            #expect(try PhoneNumber.normalise(enterprise.phone ?? "").get() == enterprise.phone)
            #expect(enterprise.lineage.table == "企业登记信息表")
        }
        #expect(Set(Self.sample.people.map(\.idNumber)).count == Self.sample.people.count, "no two share a number")
        #expect(Set(Self.sample.facilities.map(\.id)).count == Self.sample.facilities.count)
    }

    @Test("the same seed gives the same records")
    func deterministic() {
        #expect(Self.records() == Self.sample)
        #expect(Self.records(seed: 7).people.map(\.idNumber) != Self.sample.people.map(\.idNumber))
    }
}
