import Foundation
import WangchaoCore

/// A case being walked through the real state machine: each step goes through
/// `Lifecycle.apply`, exactly as a user's action would, and is recorded in the history.
struct CaseWalk {
    private(set) var current: Case
    private(set) var history: [Transition]
    /// The moment of the last step.
    private var clock: Date
    private let now: Date
    private let context: TransitionContext

    init(intake: Case, by actor: User?, now: Date, context: TransitionContext) {
        current = intake
        history = [Intake.intakeTransition(for: intake, actor: actor)]
        clock = intake.createdAt
        self.now = now
        self.context = context
    }

    /// Takes `command` as `actor`, `minutes` after the last step (rounded to the second).
    ///
    /// - Returns: `false`, changing nothing, when that moment is after the demo's now: the case
    ///   stays where it is, as real cases in progress do.
    mutating func perform(_ command: CaseCommand, by actor: User, after minutes: Double, note: String? = nil) -> Bool {
        let moment = clock + (minutes * 60).rounded()
        guard moment <= now else { return false }
        let input = TransitionInput(command: command, expectedVersion: current.version, note: note)
        do {
            let (next, transition) = try Lifecycle.apply(input, to: current, by: actor, at: moment, context: context)
            current = next
            history.append(transition)
            clock = moment
            return true
        } catch {
            preconditionFailure("demo script took a step the lifecycle refuses: \(command.action) on \(current.state) by \(actor.role): \(error)")
        }
    }
}
