import Foundation

extension Lifecycle {
    /// The actor recorded on the history row of a rating given by the reporter.
    public static let reporterActor = "reporter"

    /// The reporter's own rating, given on the tracking page with the case number and its
    /// tracking code instead of an account.
    ///
    /// Staff record ratings with `rate` (`via: callback` after a 回访 call); only this path may
    /// say the reporter rated, so the satisfaction figures of the cockpit can tell the two apart.
    ///
    /// - Throws: ``DomainError`` `invalid` (field `satisfaction` or `comment`) or
    ///   `transitionNotAllowed` unless the case is closed and not yet rated.
    public static func applyReporterRating(
        satisfaction: Int, comment: String?, to subject: Case, at now: Date
    ) throws(DomainError) -> (case: Case, transition: Transition) {
        guard (1...5).contains(satisfaction) else { throw .invalid(field: "satisfaction", "满意度须为 1 到 5 的整数") }
        let comment = comment?.trimmingCharacters(in: .whitespacesAndNewlines)
        if let comment, comment.count > CaseCommand.maxTextLength {
            throw .invalid(field: "comment", "评价内容不能超过 \(CaseCommand.maxTextLength) 字")
        }
        guard subject.state == .closed else {
            throw .transitionNotAllowed(
                subject.state == .rated ? "该案件已评价" : "案件当前状态为「\(subject.state.chineseName)」，办结后才能评价")
        }
        let command = CaseCommand.rate(satisfaction: satisfaction, via: .reporter)
        var updated = subject
        updated.version += 1
        updated.state = .rated
        updated.updatedAt = now
        updated.satisfaction = satisfaction
        updated.ratedVia = .reporter
        let transition = Transition(
            caseId: subject.id, version: updated.version, fromState: subject.state, toState: .rated,
            action: CaseAction.rate.rawValue, actor: reporterActor, actorRole: nil, at: now,
            note: comment?.isEmpty == false ? comment : nil, attachments: [], payload: command)
        return (updated, transition)
    }
}
