/// A thing (物) in the public space: fire hydrant, camera, manhole cover… at a standard address.
public struct Facility: Sendable, Equatable, Codable, Identifiable {
    public var id: String
    public var name: String
    /// What it is, as the source names it (消防栓, 监控, 井盖).
    public var kind: String
    /// The source's own code for it, if any (the key a rerun is recognised by).
    public var sourceCode: String?
    public var addressCode: String?
    public var addressText: String?
    public var lineage: Lineage

    public init(
        id: String, name: String, kind: String, sourceCode: String? = nil, addressCode: String? = nil,
        addressText: String? = nil, lineage: Lineage
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.sourceCode = sourceCode
        self.addressCode = addressCode
        self.addressText = addressText
        self.lineage = lineage
    }
}

/// What one import or demo batch writes: people, enterprises and facilities.
public struct RegistryRecords: Sendable, Equatable {
    public var people: [Person]
    public var enterprises: [Enterprise]
    public var facilities: [Facility]

    public init(people: [Person] = [], enterprises: [Enterprise] = [], facilities: [Facility] = []) {
        self.people = people
        self.enterprises = enterprises
        self.facilities = facilities
    }

    public var count: Int { people.count + enterprises.count + facilities.count }
}

/// Everyone and everything stored at one standard address.
public struct RegistryAtAddress: Sendable, Equatable {
    public var people: [Person]
    public var enterprises: [Enterprise]
    public var facilities: [Facility]

    public init(people: [Person], enterprises: [Enterprise], facilities: [Facility]) {
        self.people = people
        self.enterprises = enterprises
        self.facilities = facilities
    }
}
