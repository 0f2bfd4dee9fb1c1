/// One entry of the unified address base ("一张底图"): the standard form of a place where people
/// live or work, with its components, codes, point and micro-grid. Cases, residents, dwellings
/// and enterprises hang on its `code`.
///
/// Components follow the parser's keys (`../shared/data/README.md`): standard names for the
/// administrative levels, road as written, and number/building/unit/room as ASCII digits.
/// A rural address may have no road (`XX村12号`): its place is then the village.
public struct StandardAddress: Sendable, Equatable, Codable, Identifiable {
    /// Stable identifier, e.g. `330109001001001001-000123`.
    public var code: String
    /// The full normalised text, `浙江省杭州市萧山区城厢街道湘湖社区金城路123号5幢2单元301室`.
    public var text: String
    public var province: String
    public var city: String
    public var district: String
    public var town: String
    public var village: String?
    public var road: String?
    public var number: String?
    public var building: String?
    public var unit: String?
    public var room: String?
    /// 6-digit GB/T 2260 code of the district (county-level unit).
    public var districtCode: String
    /// 9-digit code of the town or street.
    public var townCode: String
    public var lat: Double
    public var lng: Double
    /// The micro-grid whose polygon holds the point.
    public var microGridCode: String
    public var kind: StandardAddressKind

    public var id: String { code }

    public init(
        code: String, province: String, city: String, district: String, town: String, village: String?,
        road: String?, number: String?, building: String? = nil, unit: String? = nil, room: String? = nil,
        districtCode: String, townCode: String, lat: Double, lng: Double, microGridCode: String,
        kind: StandardAddressKind, text: String? = nil
    ) {
        self.code = code
        self.province = province
        self.city = city
        self.district = district
        self.town = town
        self.village = village
        self.road = road
        self.number = number
        self.building = building
        self.unit = unit
        self.room = room
        self.districtCode = districtCode
        self.townCode = townCode
        self.lat = lat
        self.lng = lng
        self.microGridCode = microGridCode
        self.kind = kind
        self.text = ""
        self.text = text ?? normalisedText
    }

    /// The components joined in the standard way: levels, village, road, `号`, `幢`, `单元`, `室`.
    public var normalisedText: String {
        var s = province + (city == province ? "" : city) + district + town + (village ?? "") + (road ?? "")
        if let number { s += number + "号" }
        if let building { s += building + "幢" }
        if let unit { s += unit + "单元" }
        if let room { s += room + "室" }
        return s
    }

    /// What the door is on: the road, or for a rural address without one the village.
    public var place: String? { road ?? village }

    /// The key of the door (district, place, number) that matching looks addresses up by.
    public var doorKey: Int64? {
        guard let place, let number else { return nil }
        return StandardAddressKeys.door(districtCode: districtCode, place: place, number: number)
    }
}

/// What is at a standard address.
public enum StandardAddressKind: String, Sendable, Codable, CaseIterable {
    /// A home: a flat (幢/单元/室) or a rural house.
    case dwelling
    /// A shop front, usually on a main road.
    case shop
    case enterprise
    /// A utility or public facility: pumping station, substation, school, clinic.
    case facility
    /// A square, park, market or station.
    case publicPlace

    public var chineseName: String {
        switch self {
        case .dwelling: "住宅"
        case .shop: "商铺"
        case .enterprise: "企业"
        case .facility: "设施"
        case .publicPlace: "公共场所"
        }
    }
}
