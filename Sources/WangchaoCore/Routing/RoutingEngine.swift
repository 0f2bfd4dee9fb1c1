import Foundation

/// Decides where an accepted case goes (一个口子分流): the first rule of the set that matches,
/// else the default policy — the category's lowest tier (小事不出网格), a major category at least
/// the town (大事不出镇街), a matter spanning towns the district — then the unit for that tier
/// (``UnitResolver``) and the person in it (``UnitAssigner``). Pure: lookups go through the
/// ``RoutingDirectory``.
public struct RoutingEngine: Sendable {
    public let ruleSet: RoutingRuleSet

    public init(ruleSet: RoutingRuleSet) {
        self.ruleSet = ruleSet
    }

    public func decide(
        for subject: Case, category: Category, at now: Date, directory: some RoutingDirectory
    ) async throws -> RoutingDecision {
        let time = ChinaTime(now)
        let chain = try await directory.chain(from: subject.areaCode)
        var ruleId = RoutingDecision.defaultRuleId
        var matched: [MatchedCondition] = []
        var target: RoutingTarget?
        for rule in ruleSet.rules {
            if let conditions = Self.match(rule.conditions, subject, time: time) {
                ruleId = rule.id
                matched = conditions
                target = rule.target
                break
            }
        }
        let tier: Tier
        if let target {
            tier = target.tier
        } else {
            (tier, matched) = defaultTier(for: subject, category: category, chain: chain)
        }
        let platform = target?.platform ?? category.platform
        var unit: Unit?
        var finalTier = tier
        if let id = target?.unitId, let fixed = try await directory.unit(id) {
            unit = fixed
        } else {
            let resolution = try await UnitResolver.resolve(tier: tier, chain: chain, platform: platform, directory: directory)
            unit = resolution.unit
            finalTier = resolution.tier
            matched += resolution.raised
        }
        var assignment: UnitAssigner.Assignment?
        if let unit { assignment = try await UnitAssigner.assign(in: unit, areaCode: subject.areaCode, at: time, directory: directory) }
        let head = ruleId == RoutingDecision.defaultRuleId
            ? "无规则命中，按默认策略"
            : "命中规则 \(ruleId)\(ruleSet.rules.first { $0.id == ruleId }?.name.map { "「\($0)」" } ?? "")"
        let reasons = matched.isEmpty ? "无附加条件" : matched.map(\.text).joined(separator: "；")
        let destination = unit.map { "派往\(finalTier.chineseName)「\($0.name)」" } ?? "未找到可派单位，待调度员人工派遣"
        let summary = "\(head)（\(reasons)）：\(destination)" + (assignment.map { "；\($0.text)" } ?? "")
        return RoutingDecision(
            ruleSetVersion: ruleSet.version, ruleId: ruleId, matched: matched, tier: finalTier, unitId: unit?.id,
            assignee: assignment?.username, assignment: assignment?.text ?? "未派遣", summary: summary)
    }

    /// A dispatcher's explicit choice of unit: no rule is consulted, assignment still runs inside it.
    public static func manual(
        unit: Unit, for subject: Case, by actor: User, ruleSetVersion: Int?, at now: Date, directory: some RoutingDirectory
    ) async throws -> RoutingDecision {
        let assignment = try await UnitAssigner.assign(in: unit, areaCode: subject.areaCode, at: ChinaTime(now), directory: directory)
        let who = "\(actor.role.chineseName) \(actor.displayName)（\(actor.username)）"
        return RoutingDecision(
            ruleSetVersion: ruleSetVersion, ruleId: RoutingDecision.manualRuleId, matched: [], tier: unit.kind.tier,
            unitId: unit.id, assignee: assignment.username, assignment: assignment.text,
            summary: "人工派遣：\(who)指定派往「\(unit.name)」（不按分流规则）；\(assignment.text)", manualBy: actor.username)
    }

    /// The default policy's tier and why.
    func defaultTier(for subject: Case, category: Category, chain: [Area]) -> (Tier, [MatchedCondition]) {
        if let level = chain.first?.level, level < .town {
            return (
                .district,
                [.init(kind: .spanning, values: [subject.areaCode], text: "案件区域为\(level.chineseName)级（高于镇街），属跨镇街事项，由区级处置")]
            )
        }
        if let word = ruleSet.spanningKeywords.first(where: { !$0.isEmpty && TextSearch.contains(subject.description, $0) }) {
            return (.district, [.init(kind: .spanning, values: [word], text: "描述含「\(word)」，属跨镇街事项，由区级处置")])
        }
        var matched = [
            MatchedCondition(
                kind: .categoryTier, values: [category.code, category.tier.rawValue],
                text: "分类「\(category.name)」最低可处置层级为\(category.tier.chineseName)（小事不出网格）")
        ]
        var tier = category.tier
        if category.major, tier < .town {
            tier = .town
            matched.append(.init(kind: .major, values: [category.code], text: "「\(category.name)」为重大事项，至少由镇街处置（大事不出镇街）"))
        } else if category.major {
            matched.append(.init(kind: .major, values: [category.code], text: "「\(category.name)」为重大事项（大事不出镇街）"))
        }
        return (tier, matched)
    }

    /// The conditions of a rule that hold, or `nil` when one does not.
    static func match(_ conditions: RoutingConditions, _ subject: Case, time: ChinaTime) -> [MatchedCondition]? {
        var matched: [MatchedCondition] = []
        if let categories = conditions.categories {
            guard categories.contains(subject.category) else { return nil }
            matched.append(.init(kind: .category, values: [subject.category], text: "分类为 \(subject.category)"))
        }
        if let areas = conditions.areas {
            guard let area = areas.first(where: { AreaCode.isWithin(subject.areaCode, $0) }) else { return nil }
            matched.append(.init(kind: .area, values: [area], text: "区域在 \(area) 之内"))
        }
        if let sources = conditions.sources {
            guard sources.contains(subject.source) else { return nil }
            matched.append(.init(kind: .source, values: [subject.source.rawValue], text: "来源为\(subject.source.chineseName)"))
        }
        if let priorities = conditions.priorities {
            guard priorities.contains(subject.priority) else { return nil }
            matched.append(
                .init(kind: .priority, values: [subject.priority.rawValue], text: subject.priority == .urgent ? "紧急程度为紧急" : "紧急程度为一般"))
        }
        if let keywords = conditions.keywords {
            guard let word = keywords.first(where: { !$0.isEmpty && TextSearch.contains(subject.description, $0) }) else { return nil }
            matched.append(.init(kind: .keyword, values: [word], text: "描述含「\(word)」"))
        }
        if let ranges = conditions.timeOfDay {
            guard let range = ranges.first(where: { $0.contains(minute: time.minuteOfDay) }) else { return nil }
            matched.append(
                .init(kind: .timeOfDay, values: [range.text], text: "时间 \(ChinaTime.text(ofMinute: time.minuteOfDay)) 在 \(range.text) 之内"))
        }
        return matched
    }
}
