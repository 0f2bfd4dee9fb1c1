import Foundation
import WangchaoCore

/// Free text → the standard address it means, with a score and the runners-up.
///
/// The text is parsed (``AddressParser``), the parse gives index probes (a door is its
/// district, road or village, and number: ``StandardAddressKeys``), the caller fetches the
/// candidates those probes find (``CaseStore/standardAddressCandidates(_:limit:)``; never a
/// scan), and each candidate is scored component by component. Pure: the look-up is passed in.
///
/// ```swift
/// let matcher = try AddressMatcher()
/// let result = try await matcher.match("城厢湘湖社区金城路123号5幢") { probes in
///     try await store.standardAddressCandidates(probes, limit: AddressMatcher.candidatesPerProbe)
/// }
/// ```
public struct AddressMatcher: Sendable {
    public let parser: AddressParser
    /// The least score of a match; below it the best candidate is only a suggestion.
    public static let threshold = 0.7
    /// How many addresses one probe may bring back; a door with more (a large estate) is
    /// narrowed by building, unit and room first.
    public static let candidatesPerProbe = 64
    /// How many runners-up are reported after the best.
    public static let runnersUp = 4

    /// The district a text naming none is looked up in: the store's own (its root area), since
    /// people write "湘湖社区人民路123号" to the district that serves them.
    public let homeDistrictCode: String?

    public init(parser: AddressParser, homeDistrictCode: String? = nil) {
        self.parser = parser
        self.homeDistrictCode = homeDistrictCode
    }

    /// A matcher over the gazetteer shipped with the package.
    public init(homeDistrictCode: String? = nil) throws {
        parser = try AddressParser()
        self.homeDistrictCode = homeDistrictCode
    }

    /// Parses `text`, asks `lookup` for the candidates of its probes (at most `limit` per
    /// probe) and ranks them.
    ///
    /// Two rounds, so that the common case reads a handful of rows: first the whole text and the
    /// door narrowed by the details given (``firstProbes(for:)``, ``firstRoundLimit`` each); only
    /// when that gives no match, every address of the door (``candidatesPerProbe``).
    public func match(
        _ text: String, lookup: (_ probes: [StandardAddressProbe], _ limit: Int) async throws -> [StandardAddress]
    ) async rethrows -> AddressMatch {
        let parsed = Self.separatingVillage(parser.parse(text))
        let digest = StandardAddressProbe.textDigest(StandardAddressKeys.textDigest(parsed.text))
        if let reason = unmatchable(parsed) {
            // Still look the text up whole: a standard text copied verbatim needs no parse.
            let exact = try await lookup([digest], Self.firstRoundLimit)
            if exact.isEmpty { return AddressMatch(text: text, parsed: parsed, reason: reason) }
            return rank(parsed, candidates: exact)
        }
        let first = try await lookup(firstProbes(for: parsed), Self.firstRoundLimit)
        let ranked = rank(parsed, candidates: first)
        if ranked.matched { return ranked }
        var all = first
        var seen = Set(first.map(\.code))
        for address in try await lookup(doorProbes(for: parsed), Self.candidatesPerProbe) where seen.insert(address.code).inserted {
            all.append(address)
        }
        return rank(parsed, candidates: all)
    }

    /// Rows per probe in the first round: the match and a few runners-up.
    public static let firstRoundLimit = 8

    /// A community the parser could not read (one wrong character it could not settle, or no
    /// place named before it) ends up at the head of the road: 大湖社区人民路 is 大湖社区 + 人民路.
    /// A village prefix needs three characters (东山村), so 新村北路 stays a road.
    static func separatingVillage(_ parsed: ParsedAddress) -> ParsedAddress {
        guard let road = parsed.road else { return parsed }
        var p = parsed
        for (marker, shortest) in [("社区", 4), ("村", 3)] {
            guard let r = road.range(of: marker, options: .backwards) else { continue }
            let head = road[..<r.upperBound], rest = road[r.upperBound...]
            guard head.count >= shortest, rest.count >= 2 else { continue }
            if p.village == nil { p.village = String(head) }
            p.road = String(rest)
            break
        }
        return p
    }

    /// Why a parse cannot name a door, or nil when it can.
    func unmatchable(_ p: ParsedAddress) -> String? {
        if p.text.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) { return "地址为空" }
        if p.districtCode == nil && homeDistrictCode == nil { return "未能识别出区县（也未能由镇街、村社推断）" }
        if p.road == nil && p.village == nil { return "缺少道路或村社名，无法定位门牌" }
        if p.number == nil { return "缺少门牌号，无法定位到标准地址" }
        return nil
    }

    /// The doors a parse names: its district (or the home district) with each of its places
    /// (road, then village) and its number.
    func doorKeys(for p: ParsedAddress) -> [Int64] {
        guard let district = p.districtCode ?? homeDistrictCode, let number = p.number else { return [] }
        var places: [String] = []
        for place in [p.road, p.village].compactMap({ $0 }) where !places.contains(place) { places.append(place) }
        return places.map { StandardAddressKeys.door(districtCode: district, place: $0, number: number) }
    }

    /// First round: the whole text, then per door the address narrowed by every detail given
    /// and by the building alone.
    public func firstProbes(for p: ParsedAddress) -> [StandardAddressProbe] {
        var probes: [StandardAddressProbe] = [.textDigest(StandardAddressKeys.textDigest(p.text))]
        for key in doorKeys(for: p) {
            if p.building != nil || p.unit != nil || p.room != nil {
                probes.append(.door(key: key, building: p.building, unit: p.unit, room: p.room))
            }
            if p.building != nil && (p.unit != nil || p.room != nil) {
                probes.append(.door(key: key, building: p.building, unit: nil, room: nil))
            }
        }
        return probes
    }

    /// Second round: every address of each door.
    public func doorProbes(for p: ParsedAddress) -> [StandardAddressProbe] {
        doorKeys(for: p).map { .door(key: $0, building: nil, unit: nil, room: nil) }
    }

    /// Scores every candidate against the parse; the best, if good enough and without a
    /// conflicting number, building, unit or room, is the match.
    public func rank(_ parsed: ParsedAddress, candidates: [StandardAddress]) -> AddressMatch {
        guard !candidates.isEmpty else {
            let door = (parsed.road ?? parsed.village ?? "") + (parsed.number.map { $0 + "号" } ?? "")
            return AddressMatch(text: parsed.text, parsed: parsed, reason: "标准地址库中没有“\(door)”")
        }
        let scored = candidates.map { score(parsed, $0) }.sorted {
            $0.score != $1.score ? $0.score > $1.score : $0.address.code < $1.address.code
        }
        let best = scored[0]
        var result = AddressMatch(text: parsed.text, parsed: parsed, reason: nil)
        result.best = best
        result.runnersUp = Array(scored.dropFirst().prefix(Self.runnersUp))
        if !best.conflicts.isEmpty {
            result.reason = "门牌相符但\(best.conflicts.joined(separator: "、"))不符"
        } else if best.score < Self.threshold {
            result.reason = "最接近的标准地址相似度仅 \(ScoredStandardAddress.rounded(best.score))"
        } else {
            result.matched = true
        }
        return result
    }

    /// Component weights: the door (road, number) counts most, the levels above less, since
    /// people leave them out.
    private static let weights: [(component: Component, weight: Double)] = [
        (.district, 2), (.town, 2), (.village, 1.5), (.road, 3), (.number, 3), (.building, 2), (.unit, 1.5), (.room, 1.5),
    ]

    enum Component: String {
        case district, town, village, road, number, building, unit, room

        var chineseName: String {
            switch self {
            case .district: "区县"
            case .town: "镇街"
            case .village: "村社"
            case .road: "道路"
            case .number: "门牌号"
            case .building: "幢"
            case .unit: "单元"
            case .room: "室"
            }
        }

        /// Levels people omit as a matter of course; a missing one costs little.
        var isAdministrative: Bool { self == .district || self == .town || self == .village }
        /// Names, which may be misspelt or shortened; numbers either agree or conflict.
        var isName: Bool { isAdministrative || self == .road }
    }

    /// 0…1: the weighted agreement of the components. Equal: 1; left out of the query: 0.9 for
    /// an administrative level, 0.6 for a detail the standard address has (the query is less
    /// precise); given but absent from the standard address: 0.3; a name one character off or
    /// abbreviated: 0.6; different: 0 (and for a number, building, unit or room, a conflict).
    func score(_ q: ParsedAddress, _ c: StandardAddress) -> ScoredStandardAddress {
        var total = 0.0
        var got = 0.0
        var differences: [String] = []
        var conflicts: [String] = []
        for (component, weight) in Self.weights {
            let (mine, theirs) = values(component, q, c)
            let s: Double
            switch (mine, theirs) {
            case (nil, nil): s = 1
            case (nil, _?):
                s = component.isAdministrative ? 0.9 : 0.6
                if !component.isAdministrative { differences.append("未写\(component.chineseName)") }
            case (_?, nil):
                s = 0.3
                differences.append("标准地址无\(component.chineseName)")
            case let (a?, b?) where a == b: s = 1
            case let (a?, b?):
                if component.isName && Self.isNear(a, b) {
                    s = 0.6
                    differences.append("\(component.chineseName)“\(a)”近似“\(b)”")
                } else {
                    s = 0
                    differences.append("\(component.chineseName)“\(a)”≠“\(b)”")
                    if !component.isName { conflicts.append(component.chineseName) }
                }
            }
            total += weight
            got += weight * s
        }
        return ScoredStandardAddress(address: c, score: got / total, differences: differences, conflicts: conflicts)
    }

    private func values(_ component: Component, _ q: ParsedAddress, _ c: StandardAddress) -> (String?, String?) {
        switch component {
        case .district: return (q.districtCode, c.districtCode)
        // A town inferred from a village alone may be a namesake's: only a town read counts in full.
        case .town: return (q.town == nil ? nil : q.townCode, c.townCode)
        case .village: return (q.village, c.village)
        case .road: return (q.road, c.road)
        case .number: return (q.number, c.number)
        case .building: return (q.building, c.building)
        case .unit: return (q.unit, c.unit)
        case .room: return (q.room, c.room)
        }
    }

    /// One character replaced, or one name the start of the other (湘湖 / 湘湖社区).
    static func isNear(_ a: String, _ b: String) -> Bool {
        let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
        if x.count == y.count { return zip(x, y).filter { $0 != $1 }.count == 1 }
        let (short, long) = x.count < y.count ? (x, y) : (y, x)
        return short.count >= 2 && Array(long.prefix(short.count)) == short
    }
}

/// A candidate with its score and how it differs from the query.
public struct ScoredStandardAddress: Sendable, Encodable {
    public var address: StandardAddress
    /// 0…1, 1 for a query that agrees on every component.
    public var score: Double
    /// What the query and the address disagree on, for the reader.
    public var differences: [String]
    /// Details (number, building, unit, room) that contradict the query: then it is not a match.
    public var conflicts: [String]

    private enum CodingKeys: String, CodingKey { case score, differences }

    public func encode(to encoder: any Encoder) throws {
        try address.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(Self.rounded(score), forKey: .score)
        try container.encode(differences, forKey: .differences)
    }

    static func rounded(_ score: Double) -> Double { (score * 1000).rounded() / 1000 }
}

/// What ``AddressMatcher/match(_:lookup:)`` made of a text.
public struct AddressMatch: Sendable, Encodable {
    public var text: String
    /// The parse the probes came from.
    public var parsed: ParsedAddress
    /// True when `best` is the standard address the text means.
    public var matched = false
    /// Why there is no match (nil when matched).
    public var reason: String?
    public var best: ScoredStandardAddress?
    public var runnersUp: [ScoredStandardAddress] = []

    public init(text: String, parsed: ParsedAddress, reason: String?) {
        self.text = text
        self.parsed = parsed
        self.reason = reason
    }

    private enum CodingKeys: String, CodingKey { case text, matched, reason, score, best, runnersUp }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(text, forKey: .text)
        try container.encode(matched, forKey: .matched)
        try container.encode(reason, forKey: .reason)
        try container.encode(best.map { ScoredStandardAddress.rounded($0.score) }, forKey: .score)
        try container.encode(best, forKey: .best)
        try container.encode(runnersUp, forKey: .runnersUp)
    }
}
