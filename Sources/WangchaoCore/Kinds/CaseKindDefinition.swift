import Foundation

/// One kind's workflow as data: its states, its actions (from which states, to which, taken
/// by which roles) and its time limits, as written in `case-kinds.json`.
public struct CaseKindDefinition: Sendable, Equatable, Codable {
    /// How a kind's transitions are decided. `lifecycle` is the Swift ``Lifecycle`` of kind
    /// `case`, which the definition must then match exactly (checked at load).
    public enum Engine: String, Sendable, Codable {
        case lifecycle
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

    public struct DeadlineKindEntry: Sendable, Equatable, Codable {
        public var id: String
        public var name: String
    }

    public var kind: CaseKind
    public var name: String
    public var description: String
    public var engine: Engine
    public var states: [State]
    public var actions: [Action]
    public var deadlines: [DeadlineKindEntry]
}
