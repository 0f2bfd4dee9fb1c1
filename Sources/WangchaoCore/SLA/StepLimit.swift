/// One step's time limit in an SLA policy: how long, on which clock, and what happens when it
/// runs out.
public struct StepLimit: Sendable, Equatable, Codable {
    public var minutes: Int
    public var clock: SLAClock
    /// Run in this order when the limit runs out (escalation to a higher tier always last).
    public var onDue: [EscalationAction]

    /// The longest limit a policy may set: 90 days.
    public static let maxMinutes = 90 * 24 * 60

    public init(minutes: Int, clock: SLAClock = .continuous, onDue: [EscalationAction] = [.markLight, .notify]) {
        self.minutes = minutes
        self.clock = clock
        self.onDue = onDue
    }
}
