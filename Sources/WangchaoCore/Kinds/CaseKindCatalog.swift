import Foundation

/// The case kinds the system knows, loaded from `case-kinds.json` and checked as the routing
/// rules are: a definition that names an unknown state or role, repeats an id, or (for the
/// `lifecycle` engine) disagrees with the Swift transition table is refused with its path.
///
/// States form one vocabulary across kinds: a state id two kinds share means the same in both
/// (name, open, marks), so a filter by state, the 工作台's "open" list and the indicators' SQL
/// read one list whatever kinds the cases are of.
public struct CaseKindCatalog: Sendable {
    public let kinds: [CaseKindDefinition]
    private let byKind: [CaseKind: CaseKindDefinition]
    private let vocabulary: [CaseState: CaseKindDefinition.State]
    /// Every kind's open states, the lifecycle's first, each once.
    public var openStates: [CaseState] { stateVocabulary.open }
    /// Every state of every kind, the lifecycle's first, each once.
    public let states: [CaseState]
    /// Which of them are open and which carry each mark.
    public let stateVocabulary: StateVocabulary

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
        var vocabulary: [CaseState: CaseKindDefinition.State] = [:]
        var states: [CaseState] = []
        guard !kinds.isEmpty else { throw .invalid(field: "kinds", "至少需要一个案件类型") }
        for (index, definition) in kinds.enumerated() {
            try Self.check(definition, at: "kinds[\(index)]")
            guard byKind.updateValue(definition, forKey: definition.kind) == nil else {
                throw .invalid(field: "kinds[\(index)].kind", "案件类型 \(definition.kind) 重复")
            }
            for (position, entry) in definition.states.enumerated() {
                let state = CaseState(unchecked: entry.id)
                if let known = vocabulary[state] {
                    guard known == entry else {
                        throw .invalid(
                            field: "kinds[\(index)].states[\(position)]",
                            "状态 \(entry.id) 已由其他类型定义，名称、open 与 marks 须相同")
                    }
                } else {
                    vocabulary[state] = entry
                    states.append(state)
                }
            }
        }
        guard byKind[.case] != nil else { throw .invalid(field: "kinds", "缺少一般事件类型 case") }
        self.kinds = kinds
        self.byKind = byKind
        self.vocabulary = vocabulary
        self.states = states
        self.stateVocabulary = StateVocabulary(
            states.map { ($0, vocabulary[$0]?.open == true, Set(vocabulary[$0]?.marks ?? [])) })
    }

    /// Decodes and checks the JSON of `case-kinds.json`.
    public init(json: Data) throws {
        try self.init(Self.definitions(json: json))
    }

    /// This catalog with the kinds of another file added (a deployment's own kinds, a test's).
    public func adding(json: Data) throws -> CaseKindCatalog {
        try CaseKindCatalog(kinds + Self.definitions(json: json))
    }

    /// The definitions of a kinds file, its format version checked.
    static func definitions(json: Data) throws -> [CaseKindDefinition] {
        let file = try JSONDecoder().decode(File.self, from: json)
        guard file.version == 1 else {
            throw DomainError.invalid(field: "version", "不支持的格式版本 \(file.version)（应为 1）")
        }
        return file.kinds
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
        guard let kind = CaseKind(rawValue: text), byKind[kind] != nil else {
            let known = kinds.map(\.kind.rawValue).joined(separator: "、")
            throw .invalid(field: field, "未知的案件类型 \(text)（可选：\(known)）")
        }
        return kind
    }

    /// The state named by a query parameter, refused with `field` when no kind has it.
    public func state(named text: String, field: String = "state") throws(DomainError) -> CaseState {
        guard let state = CaseState(rawValue: text), vocabulary[state] != nil else {
            throw .invalid(field: field, "未知的状态 \(text)")
        }
        return state
    }

    /// How the cases of `kind` move, or `invalid` (field `kind`) when the kind left the catalog.
    public func workflow(for kind: CaseKind) throws(DomainError) -> CaseWorkflow {
        guard let definition = byKind[kind] else { throw .invalid(field: "kind", "案件类型 \(kind) 已不存在") }
        return Self.workflow(of: definition)
    }

    private static func workflow(of definition: CaseKindDefinition) -> CaseWorkflow {
        switch definition.engine {
        case .lifecycle: .lifecycle
        case .table: .table(KindTable(definition))
        }
    }

    /// The actions `user` may take on `subject` now, by its kind's workflow; none when the kind
    /// left the catalog (the case can still be read, not moved).
    public func availableActions(on subject: Case, for user: User) -> [CaseAction] {
        guard let definition = byKind[subject.kind] else { return [] }
        return Self.workflow(of: definition).availableActions(on: subject, for: user)
    }

    /// Whether a case in `state` is still owed something: what its kind's definition says.
    public func isOpen(_ state: CaseState) -> Bool { stateVocabulary.isOpen(state) }

    /// The states of any kind that carry `mark`.
    public func states(marked mark: StateMark) -> [CaseState] { stateVocabulary.states(mark) }

    /// The state's name (the vocabulary is shared, so any kind's name is the name).
    public func name(of state: CaseState) -> String { vocabulary[state]?.name ?? state.rawValue }

    /// The action's name in `kind`.
    public func name(of action: CaseAction, in kind: CaseKind) -> String {
        byKind[kind]?.action(action)?.name ?? action.chineseName
    }

    /// The time limit's name in `kind`.
    public func name(of deadline: DeadlineKind, in kind: CaseKind) -> String {
        byKind[kind]?.deadline(deadline)?.name ?? deadline.chineseName
    }

    static func check(_ definition: CaseKindDefinition, at path: String) throws(DomainError) {
        let id = definition.kind.rawValue
        guard let first = id.unicodeScalars.first, ("a"..."z").contains(first), CaseKind.isWellFormed(id) else {
            throw .invalid(field: "\(path).kind", "类型名须为小写字母开头的字母数字（至多 32 个字符）")
        }
        guard !definition.name.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw .invalid(field: "\(path).name", "缺少名称")
        }
        var states: Set<String> = []
        for (index, state) in definition.states.enumerated() {
            guard CaseState.isWellFormed(state.id), states.insert(state.id).inserted else {
                throw .invalid(field: "\(path).states[\(index)].id", "状态 \(state.id) 格式不对或重复")
            }
        }
        guard !states.isEmpty else { throw .invalid(field: "\(path).states", "至少需要一个状态") }
        var actions: Set<String> = []
        for (index, action) in definition.actions.enumerated() {
            let here = "\(path).actions[\(index)]"
            guard CaseAction.isWellFormed(action.id), actions.insert(action.id).inserted else {
                throw .invalid(field: "\(here).id", "动作 \(action.id) 格式不对或重复")
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
            guard DeadlineKind.isWellFormed(deadline.id), deadlines.insert(deadline.id).inserted else {
                throw .invalid(field: "\(path).deadlines[\(index)].id", "时限 \(deadline.id) 格式不对或重复")
            }
        }
        switch definition.engine {
        case .lifecycle: try checkAgainstLifecycle(definition, at: path)
        case .table: try KindTable.check(definition, at: path)
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
        guard stateIds == CaseState.lifecycle.map(\.rawValue) else {
            throw .invalid(field: "\(path).states", "须依次列出 \(CaseState.lifecycle.map(\.rawValue).joined(separator: ", "))")
        }
        for (index, entry) in definition.states.enumerated() {
            let state = CaseState.lifecycle[index]
            guard entry.open == state.isOpen else {
                throw .invalid(field: "\(path).states[\(index)].open", "状态 \(state.rawValue) 的 open 应为 \(state.isOpen)")
            }
            guard Set(entry.marks) == state.marks else {
                let expected = StateMark.allCases.filter(state.marks.contains).map(\.rawValue)
                throw .invalid(field: "\(path).states[\(index)].marks", "应为 [\(expected.joined(separator: ", "))]")
            }
        }
        guard definition.actions.map(\.id) == CaseAction.lifecycle.map(\.rawValue) else {
            throw .invalid(field: "\(path).actions", "须依次列出 \(CaseAction.lifecycle.map(\.rawValue).joined(separator: ", "))")
        }
        for (index, entry) in definition.actions.enumerated() {
            let action = CaseAction.lifecycle[index]
            let here = "\(path).actions[\(index)]"
            guard Set(entry.roles) == Lifecycle.allowedRoles(for: action) else {
                throw .invalid(field: "\(here).roles", "与动作 \(action.rawValue) 的角色表不符")
            }
            let from = CaseState.lifecycle.filter { Lifecycle.nextState(from: $0, action: action) != nil }
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
        guard definition.deadlines.map(\.id) == DeadlineKind.lifecycle.map(\.rawValue) else {
            throw .invalid(field: "\(path).deadlines", "须依次列出 \(DeadlineKind.lifecycle.map(\.rawValue).joined(separator: ", "))")
        }
        for (index, entry) in definition.deadlines.enumerated()
        where entry.minutes != nil || entry.during != nil || entry.clock != nil || entry.onDue != nil {
            throw .invalid(field: "\(path).deadlines[\(index)]", "一般事件的时限由 SLA 策略设定，此处只写 id 和 name")
        }
        if let initial = definition.initial, initial != CaseState.reported.rawValue {
            throw .invalid(field: "\(path).initial", "一般事件的初始状态为 reported")
        }
    }
}
