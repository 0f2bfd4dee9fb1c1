import Foundation

/// The case kinds the system knows, loaded from `case-kinds.json` and checked as the routing
/// rules are: a definition that names an unknown state or role, repeats an id, or (for the
/// `lifecycle` engine) disagrees with the Swift transition table is refused with its path.
public struct CaseKindCatalog: Sendable {
    public let kinds: [CaseKindDefinition]
    private let byKind: [CaseKind: CaseKindDefinition]

    /// The file's shape: a format version and the kinds.
    struct File: Codable {
        var version: Int
        var kinds: [CaseKindDefinition]
    }

    /// Builds a catalog from checked definitions.
    /// - Throws: ``DomainError`` `invalid` naming the path of the first problem, e.g.
    ///   `kinds[0].actions[3].from[1]`.
    public init(_ kinds: [CaseKindDefinition]) throws(DomainError) {
        var byKind: [CaseKind: CaseKindDefinition] = [:]
        guard !kinds.isEmpty else { throw .invalid(field: "kinds", "至少需要一个案件类型") }
        for (index, definition) in kinds.enumerated() {
            try Self.check(definition, at: "kinds[\(index)]")
            guard byKind.updateValue(definition, forKey: definition.kind) == nil else {
                throw .invalid(field: "kinds[\(index)].kind", "案件类型 \(definition.kind) 重复")
            }
        }
        guard byKind[.case] != nil else { throw .invalid(field: "kinds", "缺少一般事件类型 case") }
        self.kinds = kinds
        self.byKind = byKind
    }

    /// Decodes and checks the JSON of `case-kinds.json`.
    public init(json: Data) throws {
        let file = try JSONDecoder().decode(File.self, from: json)
        guard file.version == 1 else {
            throw DomainError.invalid(field: "version", "不支持的格式版本 \(file.version)（应为 1）")
        }
        try self.init(file.kinds)
    }

    /// The kinds shipped with Wangchao.
    public static let bundled: CaseKindCatalog = {
        guard let url = Bundle.module.url(forResource: "case-kinds", withExtension: "json"),
            let data = try? Data(contentsOf: url)
        else { fatalError("case-kinds.json is missing from the WangchaoCore bundle") }
        do { return try CaseKindCatalog(json: data) } catch {
            fatalError("case-kinds.json is invalid: \(error)")
        }
    }()

    public subscript(kind: CaseKind) -> CaseKindDefinition? { byKind[kind] }

    /// The kind named by a query parameter or body field, refused with `field` when unknown.
    public func kind(named text: String, field: String = "kind") throws(DomainError) -> CaseKind {
        let kind = CaseKind(rawValue: text)
        guard byKind[kind] != nil else {
            let known = kinds.map(\.kind.rawValue).joined(separator: "、")
            throw .invalid(field: field, "未知的案件类型 \(text)（可选：\(known)）")
        }
        return kind
    }

    static func check(_ definition: CaseKindDefinition, at path: String) throws(DomainError) {
        let id = definition.kind.rawValue
        guard let first = id.unicodeScalars.first, ("a"..."z").contains(first),
            id.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) }),
            id.count <= 32
        else { throw .invalid(field: "\(path).kind", "类型名须为小写字母开头的字母数字（至多 32 个字符）") }
        guard !definition.name.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw .invalid(field: "\(path).name", "缺少名称")
        }
        var states: Set<String> = []
        for (index, state) in definition.states.enumerated() {
            guard !state.id.isEmpty, states.insert(state.id).inserted else {
                throw .invalid(field: "\(path).states[\(index)].id", "状态 \(state.id) 为空或重复")
            }
        }
        guard !states.isEmpty else { throw .invalid(field: "\(path).states", "至少需要一个状态") }
        var actions: Set<String> = []
        for (index, action) in definition.actions.enumerated() {
            let here = "\(path).actions[\(index)]"
            guard !action.id.isEmpty, actions.insert(action.id).inserted else {
                throw .invalid(field: "\(here).id", "动作 \(action.id) 为空或重复")
            }
            guard !action.from.isEmpty else { throw .invalid(field: "\(here).from", "动作须至少从一个状态出发") }
            for (position, state) in action.from.enumerated() where !states.contains(state) {
                throw .invalid(field: "\(here).from[\(position)]", "未定义的状态 \(state)")
            }
            if let to = action.to, !states.contains(to) {
                throw .invalid(field: "\(here).to", "未定义的状态 \(to)")
            }
        }
        var deadlines: Set<String> = []
        for (index, deadline) in definition.deadlines.enumerated() {
            guard !deadline.id.isEmpty, deadlines.insert(deadline.id).inserted else {
                throw .invalid(field: "\(path).deadlines[\(index)].id", "时限 \(deadline.id) 为空或重复")
            }
        }
        switch definition.engine {
        case .lifecycle: try checkAgainstLifecycle(definition, at: path)
        }
    }

    /// The `lifecycle` engine is the Swift table: the definition must list exactly its states,
    /// actions, transitions, roles, marks and deadline kinds, so what the API and the UI show
    /// of kind `case` cannot drift from what ``Lifecycle`` decides.
    static func checkAgainstLifecycle(_ definition: CaseKindDefinition, at path: String) throws(DomainError) {
        guard definition.kind == .case else {
            throw .invalid(field: "\(path).engine", "引擎 lifecycle 只用于一般事件类型 case")
        }
        let stateIds = definition.states.map(\.id)
        guard stateIds == CaseState.allCases.map(\.rawValue) else {
            throw .invalid(field: "\(path).states", "须依次列出 \(CaseState.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        for (index, entry) in definition.states.enumerated() {
            let state = CaseState.allCases[index]
            guard entry.open == state.isOpen else {
                throw .invalid(field: "\(path).states[\(index)].open", "状态 \(state.rawValue) 的 open 应为 \(state.isOpen)")
            }
            guard Set(entry.marks) == state.marks else {
                let expected = StateMark.allCases.filter(state.marks.contains).map(\.rawValue)
                throw .invalid(field: "\(path).states[\(index)].marks", "应为 [\(expected.joined(separator: ", "))]")
            }
        }
        guard definition.actions.map(\.id) == CaseAction.allCases.map(\.rawValue) else {
            throw .invalid(field: "\(path).actions", "须依次列出 \(CaseAction.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        for (index, entry) in definition.actions.enumerated() {
            let action = CaseAction.allCases[index]
            let here = "\(path).actions[\(index)]"
            guard Set(entry.roles) == Lifecycle.allowedRoles(for: action) else {
                throw .invalid(field: "\(here).roles", "与动作 \(action.rawValue) 的角色表不符")
            }
            let from = CaseState.allCases.filter { Lifecycle.nextState(from: $0, action: action) != nil }
            guard Set(entry.from) == Set(from.map(\.rawValue)) else {
                throw .invalid(field: "\(here).from", "应为 [\(from.map(\.rawValue).joined(separator: ", "))]")
            }
            for state in from {
                let next = Lifecycle.nextState(from: state, action: action)
                let written = entry.to.flatMap(CaseState.init(rawValue:)) ?? state
                guard next == written else {
                    throw .invalid(field: "\(here).to", "从 \(state.rawValue) 出发应到 \(next?.rawValue ?? "-")")
                }
            }
        }
        guard definition.deadlines.map(\.id) == DeadlineKind.allCases.map(\.rawValue) else {
            throw .invalid(field: "\(path).deadlines", "须依次列出 \(DeadlineKind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
    }
}
