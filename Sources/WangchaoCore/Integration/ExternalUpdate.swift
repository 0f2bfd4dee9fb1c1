import Foundation

/// A connected system sending a record again with changed content: the case takes the new
/// description, place, priority and reporter, and the history says who changed it and what.
public enum ExternalUpdate {
    /// The history action of such a change (not a ``CaseAction``: no person takes it).
    public static let action = "externalUpdate"

    /// The case as updated by `intake`, and its history row by `actor` (`system:<id>`).
    ///
    /// - Throws: ``DomainError`` `invalid` (field `category`) when the category changes: the
    ///   routing and time limits hang on it, so the system must void and resend instead;
    ///   `transitionNotAllowed` once the case is no longer open.
    public static func apply(_ intake: Intake, to subject: Case, actor: String, at now: Date) throws(DomainError) -> (
        case: Case, transition: Transition
    ) {
        guard intake.category == subject.category else {
            throw .invalid(field: "category", "已报送的记录不能改分类（原为 \(subject.category)）；请作废后重新报送")
        }
        guard subject.state.isOpen else {
            throw .transitionNotAllowed("案件已「\(subject.state.chineseName)」，来源系统不能再修改")
        }
        var updated = subject
        var changed: [String] = []
        let description = intake.description.trimmingCharacters(in: .whitespacesAndNewlines)
        if description != subject.description {
            updated.description = description
            changed.append("描述")
        }
        if intake.location != subject.location {
            updated.location = intake.location
            changed.append("位置")
        }
        if let priority = intake.priority, priority != subject.priority {
            updated.priority = priority
            changed.append("优先级")
        }
        if let reporter = intake.reporter, reporter != subject.reporter {
            updated.reporter = reporter
            changed.append("报告人")
        }
        updated.version += 1
        updated.updatedAt = now
        let note = changed.isEmpty ? "来源系统重新报送，内容未变" : "来源系统更新：" + changed.joined(separator: "、")
        let transition = Transition(
            caseId: subject.id, version: updated.version, fromState: subject.state, toState: subject.state,
            action: action, actor: actor, actorRole: nil, at: now, note: note, attachments: [], payload: nil)
        return (updated, transition)
    }
}
