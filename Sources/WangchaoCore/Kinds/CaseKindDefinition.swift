import Foundation

/// One kind's workflow as data: its states, its actions (from which states, to which, taken
/// by which roles) and its time limits, as written in `case-kinds.json`.
public struct CaseKindDefinition: Sendable, Equatable, Codable {
    /// How a kind's transitions are decided. `lifecycle` is the Swift ``Lifecycle`` of kind
    /// `case`, which the definition must then match exactly (checked at load); `table` is the
    /// definition itself, run by ``KindTable``: no Swift code of its own.
    public enum Engine: String, Sendable, Codable {
        case lifecycle
        case table
    }

    public struct State: Sendable, Equatable, Codable {
        public var id: String
        public var name: String
        /// Whether the loop still owes a case in this state something.
        public var open: Bool
        public var marks: [StateMark]
    }

    public struct Action: Sendable, Equatable, Codable {
        public var id: String
        public var name: String
        /// Who may take it; empty for actions only the system (SLA scheduler) takes.
        public var roles: [Role]
        public var from: [String]
        /// The state it leads to; absent when the case stays where it is.
        public var to: String?
    }

    /// A time limit. Of the `lifecycle` engine only the id and name: the SLA policies time it.
    /// Of the `table` engine also its length and when it runs: it starts when a case enters one
    /// of the `during` states from outside them, and stops when the case leaves them.
    public struct DeadlineKindEntry: Sendable, Equatable, Codable {
        public var id: String
        public var name: String
        public var minutes: Int?
        public var during: [String]?
        /// Continuous or working time (defaults to continuous).
        public var clock: SLAClock?
        /// What the scheduler does when it runs out: `markLight` and/or `notify` (both by default).
        public var onDue: [EscalationAction]?

        public init(
            id: String, name: String, minutes: Int? = nil, during: [String]? = nil, clock: SLAClock? = nil,
            onDue: [EscalationAction]? = nil
        ) {
            self.id = id
            self.name = name
            self.minutes = minutes
            self.during = during
            self.clock = clock
            self.onDue = onDue
        }
    }

    public var kind: CaseKind
    public var name: String
    public var description: String
    public var engine: Engine
    /// The state intake files a case in (`table` engine; the lifecycle's is `reported`).
    public var initial: String?
    public var states: [State]
    public var actions: [Action]
    public var deadlines: [DeadlineKindEntry]

    /// The entry of state `id`, if the kind has it.
    public func state(_ id: CaseState) -> State? { states.first { $0.id == id.rawValue } }

    /// The entry of action `id`, if the kind has it.
    public func action(_ id: CaseAction) -> Action? { actions.first { $0.id == id.rawValue } }

    /// The entry of time limit `id`, if the kind has it.
    public func deadline(_ id: DeadlineKind) -> DeadlineKindEntry? { deadlines.first { $0.id == id.rawValue } }
}
