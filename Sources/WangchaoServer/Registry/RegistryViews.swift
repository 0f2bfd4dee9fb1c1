import Foundation
import WangchaoCore

/// A resident as the API shows it: identity number and phone masked (``RegistryMasking``);
/// gender and birth year derived from the number, the full birth date withheld with it.
struct PersonView: Encodable {
    let id: String
    let name: String
    let idNumber: String
    let phone: String?
    let gender: String?
    let birthYear: Int?
    let relation: String?
    let relationName: String?
    let addressCode: String?
    let addressText: String?
    let registeredOn: String?
    let lineage: Lineage

    init(_ p: Person) {
        id = p.id
        name = p.name
        idNumber = RegistryMasking.identityNumber(p.idNumber)
        phone = p.phone.map(RegistryMasking.phone)
        gender = p.gender?.rawValue
        birthYear = p.birthDate.flatMap { Int($0.prefix(4)) }
        relation = p.relation?.rawValue
        relationName = p.relation?.chineseName
        addressCode = p.addressCode
        addressText = p.addressText
        registeredOn = p.registeredOn
        lineage = p.lineage
    }
}

/// An enterprise as the API shows it: the credit code is public by law; the phone is masked.
struct EnterpriseView: Encodable {
    let id: String
    let name: String
    let creditCode: String
    let legalRepresentative: String?
    let phone: String?
    let industry: String?
    let addressCode: String?
    let addressText: String?
    let establishedOn: String?
    let lineage: Lineage

    init(_ e: Enterprise) {
        id = e.id
        name = e.name
        creditCode = e.creditCode
        legalRepresentative = e.legalRepresentative
        phone = e.phone.map(RegistryMasking.phone)
        industry = e.industry
        addressCode = e.addressCode
        addressText = e.addressText
        establishedOn = e.establishedOn
        lineage = e.lineage
    }
}

/// A case at or near a place: enough to see what is going on there and open it.
struct NearbyCaseView: Encodable {
    let id: String
    let number: String
    let state: CaseState
    let light: Light
    let category: String
    let createdAt: Date
    /// Placed at this standard address by intake's address match.
    let atAddress: Bool
    /// From the address's point, rounded to the metre.
    let distanceMetres: Int

    init(_ c: Case, address: StandardAddress, lights: CaseView.Lights) {
        id = c.id
        number = c.number
        state = c.state
        light = Light.of(c, at: lights.now, calendar: lights.calendar)
        category = c.category
        createdAt = c.createdAt
        atAddress = c.addressCheck?.standardCode == address.code
        distanceMetres = Int(
            GreatCircle.distance(lat1: address.lat, lng1: address.lng, lat2: c.location.lat, lng2: c.location.lng).rounded())
    }
}

/// One level of the area chain above a standard address.
struct AreaLink: Encodable {
    let code: String
    let name: String
    let level: AreaLevel
}

/// The holographic view of a place (全息档案): the standard address, its area chain, and
/// everyone and everything at it, with the cases at or near it.
struct AddressProfileView: Encodable {
    let address: StandardAddress
    /// From the micro-grid up to the district.
    let areaChain: [AreaLink]
    let people: [PersonView]
    let enterprises: [EnterpriseView]
    let facilities: [Facility]
    let cases: [NearbyCaseView]
}

/// A person or enterprise with its standard address (nil when the source matched none) and
/// the cases at that address.
struct RegistryRecordView<Record: Encodable>: Encodable {
    let record: Record
    let address: StandardAddress?
    let cases: [NearbyCaseView]

    private enum CodingKeys: String, CodingKey { case record, address, cases }

    /// `address` is always present, `null` when the record is not linked.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(record, forKey: .record)
        try container.encode(address, forKey: .address)
        try container.encode(cases, forKey: .cases)
    }
}
