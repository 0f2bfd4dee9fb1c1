import Foundation

extension SLAPolicySet {
    /// `{"minutes": 10, "clock": "continuous", "onDue": ["markLight", "notify"]}`.
    private struct LimitEntry: Decodable {
        var minutes: Int
        var clock: String?
        var onDue: [String]?
    }

    private struct File: Decodable {
        var classes: [String: [String: [String: LimitEntry]]]
        var categories: [String: [String: [String: LimitEntry]]]?
    }

    /// Reads and checks a policy file.
    ///
    /// - Throws: ``DomainError/invalid(field:_:)`` with the path of the bad value, e.g.
    ///   `classes.emergency.urgent.arrive.minutes`: unknown class, priority, step, clock or
    ///   action, a limit outside 1 minute … 90 days, no action when a limit runs out.
    public init(json: Data) throws(DomainError) {
        let file: File
        do {
            file = try JSONDecoder().decode(File.self, from: json)
        } catch let error as DecodingError {
            throw DomainError.invalid(field: error.fieldPath, "时限策略格式错误：\(error.plainReason)")
        } catch {
            throw DomainError.invalid(field: "policies", "时限策略不是有效的 JSON")
        }
        var classes: [SLAClass: [PriorityKey: Limits]] = [:]
        for (name, blocks) in file.classes {
            guard let slaClass = SLAClass(rawValue: name) else {
                throw .invalid(field: "classes.\(name)", "未知的时限类别 \(name)，可选：\(SLAClass.allCases.map(\.rawValue).joined(separator: "、"))")
            }
            classes[slaClass] = try Self.blocks(blocks, path: "classes.\(name)")
        }
        var categories: [String: [PriorityKey: Limits]] = [:]
        for (code, blocks) in file.categories ?? [:] {
            guard !code.isEmpty else { throw .invalid(field: "categories", "分类代码不能为空") }
            categories[code] = try Self.blocks(blocks, path: "categories.\(code)")
        }
        self.init(classes: classes, categories: categories)
    }

    private static func blocks(_ raw: [String: [String: LimitEntry]], path: String) throws(DomainError) -> [PriorityKey: Limits] {
        var result: [PriorityKey: Limits] = [:]
        for (keyText, entries) in raw {
            guard let key = PriorityKey(rawValue: keyText) else {
                throw .invalid(field: "\(path).\(keyText)", "未知的优先级 \(keyText)，可选：all、normal、urgent")
            }
            var limits: Limits = [:]
            for (stepText, entry) in entries {
                let field = "\(path).\(keyText).\(stepText)"
                guard let step = SLAStep(rawValue: stepText) else {
                    throw .invalid(field: field, "未知的环节 \(stepText)，可选：\(SLAStep.allCases.map(\.rawValue).joined(separator: "、"))")
                }
                limits[step] = try limit(entry, field: field)
            }
            result[key] = limits
        }
        return result
    }

    private static func limit(_ entry: LimitEntry, field: String) throws(DomainError) -> StepLimit {
        guard (1...StepLimit.maxMinutes).contains(entry.minutes) else {
            throw .invalid(field: "\(field).minutes", "时限须在 1 到 \(StepLimit.maxMinutes) 分钟之间")
        }
        var clock = SLAClock.continuous
        if let text = entry.clock {
            guard let parsed = SLAClock(rawValue: text) else {
                throw .invalid(field: "\(field).clock", "未知的计时方式 \(text)，可选：continuous、workingDays")
            }
            clock = parsed
        }
        var actions: [EscalationAction] = [.markLight, .notify]
        if let texts = entry.onDue {
            actions = []
            for (index, text) in texts.enumerated() {
                guard let action = EscalationAction(rawValue: text) else {
                    throw .invalid(field: "\(field).onDue[\(index)]", "未知的超时处理 \(text)，可选：notify、raiseTier、reinforce、markLight")
                }
                guard !actions.contains(action) else { throw .invalid(field: "\(field).onDue[\(index)]", "超时处理 \(text) 重复") }
                actions.append(action)
            }
            guard !actions.isEmpty else { throw .invalid(field: "\(field).onDue", "超时后至少要有一项处理") }
        }
        return StepLimit(minutes: entry.minutes, clock: clock, onDue: actions)
    }
}
