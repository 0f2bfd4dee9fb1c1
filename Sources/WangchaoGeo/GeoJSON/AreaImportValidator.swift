import WangchaoCore

/// Checks every feature of an import against the geometry rules, the level names, the
/// ``AreaCode`` rules and the hierarchy (the file plus what is already stored), collecting every
/// problem rather than stopping at the first.
struct AreaImportValidator {
    private let existing: [String: Area]

    init(existing: [Area]) {
        self.existing = Dictionary(existing.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The areas in save order, or every problem found.
    func validate(_ features: [RawAreaFeature]) throws(AreaImportError) -> [Area] {
        var problems: [AreaImportProblem] = []
        var firstIndexByCode: [String: Int] = [:]
        var levels: [String: AreaLevel] = existing.mapValues(\.level)
        for (index, feature) in features.enumerated() {
            guard let code = feature.code else { continue }
            if firstIndexByCode[code] != nil {
                problems.append(.init(featureIndex: index, code: code, reason: .duplicateCode))
            } else {
                firstIndexByCode[code] = index
                if let level = feature.level.flatMap(Self.level(named:)) { levels[code] = level }
            }
        }
        let districts = Set(levels.filter { $0.value == .district }.keys)

        var areas: [Area] = []
        for (index, feature) in features.enumerated() {
            var found: [AreaImportProblem.Reason] = []
            let area = check(feature, levels: levels, firstIndexOf: firstIndexByCode, districts: districts, into: &found)
            problems += found.map { AreaImportProblem(featureIndex: index, code: feature.code, reason: $0) }
            if found.isEmpty, let area { areas.append(area) }
        }
        guard problems.isEmpty else {
            throw AreaImportError(problems: problems.sorted { ($0.featureIndex ?? -1) < ($1.featureIndex ?? -1) })
        }
        return Self.saveOrder(areas)
    }

    /// The feature as an area, appending its problems to `problems`.
    private func check(
        _ feature: RawAreaFeature, levels: [String: AreaLevel], firstIndexOf: [String: Int], districts: Set<String>,
        into problems: inout [AreaImportProblem.Reason]
    ) -> Area? {
        guard feature.isFeature else {
            problems.append(.notAFeature)
            return nil
        }
        if feature.code == nil { problems.append(.missingProperty("code")) }
        if feature.name == nil { problems.append(.missingProperty("name")) }
        let level = feature.level.flatMap(Self.level(named:))
        if let name = feature.level, level == nil { problems.append(.unknownLevel(name)) }
        if feature.level == nil { problems.append(.missingProperty("level")) }

        var boundary: Boundary?
        switch feature.geometry {
        case .failure(let failure): problems.append(.unreadableGeometry(failure.detail))
        case .success(let geometry):
            boundary = geometry
            if let geometry { problems += GeometryValidator.problems(in: geometry).map { .invalidGeometry($0) } }
        }

        guard let code = feature.code, let name = feature.name, let level else { return nil }
        if level == .district {
            if feature.parent != nil { problems.append(.parentNotAllowed) }
            if let other = districts.filter({ $0 != code }).min() { problems.append(.secondDistrict(existing: other)) }
        } else if let parent = feature.parent {
            if let parentLevel = levels[parent] {
                if !parentLevel.allowedChildLevels.contains(level) {
                    problems.append(.levelNotAllowedUnder(parent: parent, parentLevel: parentLevel))
                }
            } else if firstIndexOf[parent] != nil {
                problems.append(.parentInvalid(parent))
            } else {
                problems.append(.missingParent(parent))
            }
        } else {
            problems.append(.parentRequired)
        }
        if !AreaCode.isValid(code, level: level, parentCode: level == .district ? nil : feature.parent),
            level == .district || feature.parent != nil
        {
            problems.append(.codeDoesNotFitParent)
        }
        return Area(code: code, name: name, level: level, parentCode: feature.parent, boundary: boundary)
    }

    /// A level by code name (`microGrid`) or Chinese name (`微网格`).
    static func level(named name: String) -> AreaLevel? {
        AreaLevel(rawValue: name) ?? AreaLevel.allCases.first { $0.chineseName == name }
    }

    /// Parents before children: by level, then by code. A parent's level always precedes its
    /// child's (``AreaLevel/allowedChildLevels`` only goes down), so this order is safe to save.
    static func saveOrder(_ areas: [Area]) -> [Area] {
        areas.sorted { ($0.level, $0.code) < ($1.level, $1.code) }
    }
}
