import Foundation

extension Case {
    /// The case with `timer`'s step recorded as fired on its deadline, and the deadline as it
    /// was before; `nil` when there is nothing to fire: the deadline is gone, the step already
    /// fired or is not due at `now`. Shared by every workflow, so a step fires once whichever.
    func firing(_ timer: SLATimer, at now: Date) -> (case: Case, deadline: Deadline)? {
        guard let index = deadlines.firstIndex(where: { $0.kind == timer.kind }) else { return nil }
        let deadline = deadlines[index]
        guard !deadline.fired.contains(timer.step), let fireAt = deadline.fireAt(timer.step), fireAt <= now else {
            return nil
        }
        var c = self
        c.deadlines[index].fired.append(timer.step)
        // A red light supersedes the yellow one: a late warn must not follow it.
        if timer.step == .due, !deadline.fired.contains(.warn) { c.deadlines[index].fired.append(.warn) }
        return (c, deadline)
    }
}
