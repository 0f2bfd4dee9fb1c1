import Foundation

/// One step of a case's history (流转记录): who did what, when, from which state to which.
///
/// History is append-only; a transition is stored in the same transaction as the case state it
/// produced, so the two can never disagree.
public struct Transition: Sendable, Equatable, Codable {
    /// The action name recorded for the first row of every case.
    public static let intakeAction = "intake"

    public var caseId: String
    /// The case version this transition produced (1 for intake); it orders the history.
    public var version: Int
    /// `nil` for intake.
    public var fromState: CaseState?
    public var toState: CaseState
    /// A ``CaseAction`` raw value, or ``intakeAction``.
    public var action: String
    /// The acting username (`system` for timers).
    public var actor: String
    public var actorRole: Role?
    public var at: Date
    public var note: String?
    public var attachments: [String]
    /// The command's parameters; `nil` for intake.
    public var payload: CaseCommand?
    /// Why a dispatch went where it went (rule, matched conditions, unit, person); `nil` for
    /// other actions and for rows written before routing existed.
    public var explanation: RoutingDecision?

    public init(
        caseId: String, version: Int, fromState: CaseState?, toState: CaseState, action: String, actor: String,
        actorRole: Role?, at: Date, note: String?, attachments: [String], payload: CaseCommand?,
        explanation: RoutingDecision? = nil
    ) {
        self.caseId = caseId
        self.version = version
        self.fromState = fromState
        self.toState = toState
        self.action = action
        self.actor = actor
        self.actorRole = actorRole
        self.at = at
        self.note = note
        self.attachments = attachments
        self.payload = payload
        self.explanation = explanation
    }
}
