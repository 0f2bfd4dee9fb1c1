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

    /// Moves the just-reported case to another point (and the micro-grid holding it), before any
    /// step: the intake row does not record the place.
    mutating func relocate(to location: Location, areaCode: String) {
        precondition(history.count == 1, "relocate only before the first step")
        current.location = location
        current.areaCode = areaCode
    }

    /// Takes `command` as `actor`, `minutes` after the last step (rounded to the second).
    ///
    /// - Returns: `false`, changing nothing, when that moment is after the demo's now: the case
    ///   stays where it is, as real cases in progress do.
    mutating func perform(_ command: CaseCommand, by actor: User, after minutes: Double, note: String? = nil) -> Bool {
        let input = TransitionInput(command: command, expectedVersion: current.version, note: note)
        let context = self.context
        return step(after: minutes, { [state = current.state] in "\(command.action) on \(state) by \(actor.role)" }) {
            subject, moment in
            try Lifecycle.apply(input, to: subject, by: actor, at: moment, context: context)
        }
    }

    /// The reporter rates the closed case on the tracking page, `minutes` after the last step.
    mutating func performReporterRating(_ satisfaction: Int, after minutes: Double) -> Bool {
        step(after: minutes, { [state = current.state] in "reporter rating on \(state)" }) { subject, moment in
            try Lifecycle.applyReporterRating(satisfaction: satisfaction, comment: nil, to: subject, at: moment)
        }
    }

    private mutating func step(
        after minutes: Double, _ what: () -> String,
        _ decide: (Case, Date) throws -> (case: Case, transition: Transition)
    ) -> Bool {
        let moment = clock + (minutes * 60).rounded()
        guard moment <= now else { return false }
        do {
            let (next, transition) = try decide(current, moment)
            current = next
            history.append(transition)
            clock = moment
            return true
        } catch {
            preconditionFailure("demo script took a step the lifecycle refuses: \(what()): \(error)")
        }
    }
}
