/// Free text → standard address components and codes.
///
/// Order of work: find every administrative name in the text and pick the best consistent chain
/// (`AdminMatcher`); if no county could be read, try one wrong character in a county name, and
/// after the county one wrong character in a town name (`TypoMatcher`); read a village of the
/// county right after the last place name (`VillageMatcher`); read road and numbers from what
/// follows (`DetailParser`). Upper levels are always filled from the deepest unit found.
public struct AddressParser: Sendable {
    public let gazetteer: Gazetteer

    public init(gazetteer: Gazetteer) { self.gazetteer = gazetteer }

    /// A parser over the gazetteer shipped with the package.
    public init() throws { self.gazetteer = try Gazetteer.bundled() }

    public func parse(_ text: String) -> ParsedAddress {
        var result = ParsedAddress(text: text)
        let s = TextNormalizer.normalize(text)
        guard !s.isEmpty else { return result }
        let matcher = AdminMatcher(gazetteer: gazetteer)
        let typos = TypoMatcher(gazetteer: gazetteer)
        var mentions = matcher.mentions(in: s)
        var chain = matcher.bestChain(mentions)

        // One wrong character in the county: when no county could be read or inferred, or when a
        // town alone leaves several counties open (铜鼓镇 is in more than one county of 重庆).
        if needsCounty(chain) || ambiguousTownWithoutCounty(chain) {
            var extra: Mention?
            if let upper = chain.mentions.last(where: { gazetteer.level($0.unit) < .county }) {
                extra = typos.county(under: upper.unit, in: s, at: skipSpaces(s, upper.end))
            } else {
                extra = typos.county(in: s)
            }
            if let extra {
                mentions = matcher.mentions(in: s, seeds: [extra])
                chain = matcher.bestChain(mentions)
            }
        }

        var path = chain.mentions
        // A town written without its suffix but with a misspelt 街 (宁围竭道): take the 道 along.
        if let last = path.last, last.kind == .short, gazetteer.level(last.unit) == .town, last.end + 1 < s.count,
            s[last.end + 1] == 0x9053, TextNormalizer.isHan(s[last.end]),
            gazetteer.units[Int(last.unit)].name.hasSuffix("街道")
        {
            path[path.count - 1].end += 2
            path[path.count - 1].corrected = true
        }
        var deepest: Int32 = path.last?.unit ?? -1
        var village: VillageMatch?

        // The parent under which towns and villages are looked for: the county, or a prefecture
        // whose towns have no county (东莞市).
        func villageScope(_ unit: Int32) -> Int32 {
            guard unit >= 0 else { return -1 }
            let level = gazetteer.level(unit)
            if level == .town { return gazetteer.parent(unit) }
            if level == .county { return unit }
            if level == .prefecture && gazetteer.children[Int(unit)].first.map({ gazetteer.level($0) == .town }) == true {
                return unit
            }
            return -1
        }

        // A town read from its short form may really be the start of a village's name (新街村),
        // checked under the county read before it too: 萧山区临江村 is a village of 萧山区, not the
        // 临江街道 that went to 钱塘区. Then the town is dropped and the village read below.
        if let last = path.last, path.count >= 2, gazetteer.level(last.unit) == .town, last.kind != .full {
            let county = path[path.count - 2].unit
            if villageScope(county) == county,
                let v = VillageMatcher.match(gazetteer.villages(under: county), in: s, at: last.start, town: -1, allowTypo: false),
                v.end > last.end
            {
                path.removeLast()
                deepest = county
            }
        }

        var anchor = skipSpaces(s, path.last?.end ?? 0)
        let scopeUnit = villageScope(deepest)
        if village == nil && scopeUnit >= 0 {
            let scope = gazetteer.villages(under: scopeUnit)
            let town = gazetteer.level(deepest) == .town ? deepest : -1
            village = VillageMatcher.match(scope, in: s, at: anchor, town: town, allowTypo: false)
            if village == nil && town < 0, let t = typos.town(under: scopeUnit, in: s, at: anchor) {
                path.append(t)
                deepest = t.unit
                anchor = skipSpaces(s, t.end)
            }
            if village == nil {
                let town = gazetteer.level(deepest) == .town ? deepest : -1
                village = VillageMatcher.match(
                    scope, in: s, at: anchor, town: town, allowTypo: true, gazetteer: gazetteer)
            }
        }

        fill(&result, path: path, deepest: deepest, village: village, chain: chain)

        let tailStart = village.map { $0.end } ?? (path.last?.end ?? 0)
        let detail = DetailParser.parse(s, from: tailStart, hasPlaceBefore: true)
        result.road = detail.road
        result.number = detail.number
        result.building = detail.building
        result.unit = detail.unit
        result.room = detail.room
        result.confidence = confidence(result, path: path, village: village)
        return result
    }

    private func needsCounty(_ chain: AdminMatcher.Chain) -> Bool {
        guard let last = chain.mentions.last else { return true }
        switch gazetteer.level(last.unit) {
        case .province: return true
        case .prefecture: return gazetteer.children[Int(last.unit)].contains { gazetteer.level($0) == .county }
        default: return false
        }
    }

    private func ambiguousTownWithoutCounty(_ chain: AdminMatcher.Chain) -> Bool {
        guard chain.ends.count > 1, let last = chain.mentions.last, gazetteer.level(last.unit) == .town else { return false }
        return !chain.mentions.contains { gazetteer.level($0.unit) == .county }
    }

    private func skipSpaces(_ s: [UInt32], _ i: Int) -> Int {
        var j = i
        while j < s.count && s[j] == TextNormalizer.space { j += 1 }
        return j
    }

    private func fill(
        _ r: inout ParsedAddress, path: [Mention], deepest: Int32, village: VillageMatch?, chain: AdminMatcher.Chain
    ) {
        guard deepest >= 0 else { return }
        let province = gazetteer.ancestor(of: deepest, at: .province)
        let city = gazetteer.ancestor(of: deepest, at: .prefecture)
        let county = gazetteer.ancestor(of: deepest, at: .county)
        let town = gazetteer.ancestor(of: deepest, at: .town)
        let read = Set(path.map { gazetteer.level($0.unit) })
        if province >= 0 {
            r.province = gazetteer.units[Int(province)].name
            if !read.contains(.province) { r.inferred.append("province") }
        }
        if city >= 0 {
            r.city = gazetteer.units[Int(city)].name
            if !read.contains(.prefecture) { r.inferred.append("city") }
        } else if province >= 0, ["110000", "120000", "310000", "500000"].contains(gazetteer.units[Int(province)].code) {
            r.city = r.province  // 北京/天津/上海/重庆: the city is the municipality itself
        }
        if county >= 0 {
            r.district = gazetteer.units[Int(county)].name
            r.districtCode = gazetteer.units[Int(county)].code
            if !read.contains(.county) { r.inferred.append("district") }
        }
        if town >= 0 {
            r.town = gazetteer.units[Int(town)].name
            r.townCode = gazetteer.units[Int(town)].code
            let unit = gazetteer.units[Int(town)]
            if unit.formerParent >= 0, path.contains(where: { $0.unit == unit.formerParent }) {
                let former = gazetteer.units[Int(unit.formerParent)].name
                r.notes.append("\(unit.name)原属\(former)，今属\(r.district ?? "")")
            }
        }
        if let village {
            r.village = village.name.string
            if town < 0 {
                r.townCode = gazetteer.units[Int(village.town)].code
                if !village.otherTowns.isEmpty {
                    r.notes.append("\(r.village ?? "")在本区县不止一个乡镇有同名村社")
                }
            }
            if village.corrected { r.corrected.append("village") }
        }
        for m in path where m.corrected {
            switch gazetteer.level(m.unit) {
            case .county: r.corrected.append("district")
            case .town: r.corrected.append("town")
            default: break
            }
        }
        for m in path where m.kind == .former {
            r.notes.append("\(gazetteer.units[Int(m.unit)].name)旧称")
        }
        if chain.ends.count > 1, let last = path.last, chain.ends.contains(last.unit) {
            r.ambiguous = true
            r.candidates = chain.ends.prefix(8).map(fullName)
        }
    }

    /// 福建省福州市鼓楼区: the unit's name after those of its ancestors.
    func fullName(_ unit: Int32) -> String {
        var parts: [String] = []
        var u = unit
        while u >= 0 {
            parts.append(gazetteer.units[Int(u)].name)
            u = gazetteer.units[Int(u)].parent
        }
        return parts.reversed().joined()
    }

    private func confidence(_ r: ParsedAddress, path: [Mention], village: VillageMatch?) -> Double {
        guard r.province != nil else { return r.road == nil ? 0 : 0.1 }
        var c = 1.0
        c -= 0.03 * Double(r.inferred.count)
        c -= 0.15 * Double(r.corrected.count)
        c -= 0.02 * Double(path.filter { $0.kind != .full }.count)
        if r.ambiguous { c -= 0.3 }
        if r.district == nil && r.districtCode == nil && r.city != nil && r.town == nil { c -= 0.1 }
        return max(0.05, min(1, c))
    }
}
