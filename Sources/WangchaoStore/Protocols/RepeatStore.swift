import Foundation
import WangchaoCore

/// The pre-selection of likely repeats and their statistics.
///
/// One of the store's concerns; ``CaseStore`` is all of them. Every write is durable before
/// it returns: callers answer success only after the call.
public protocol RepeatStore: Sendable {
    // `createCase` finds the candidates with the store's configured policy in its transaction
    // and stores them on the case (`repeatCandidates`, `likelyRepeat`).

    /// The earlier cases `intake` would probably repeat if submitted at `now`, best first; stores
    /// nothing (the intake form's warning before submit). Whoever the caller, all candidates:
    /// the server filters what a viewer may see.
    /// - Throws: ``DomainError`` `invalid` for a bad intake or policy, naming the field.
    func repeatCandidates(for intake: Intake, at now: Date, policy: RepeatPolicy) async throws -> [RepeatCandidate]
    /// Cases, likely repeats and merged (confirmed) repeats created in `month` (China time) in
    /// the subtree of `areaCode`, in total and per child area.
    /// - Throws: ``DomainError`` `notFound` for an unknown area.
    func repeatStatistics(areaCode: String, month: ReportMonth) async throws -> RepeatStatistics
}
