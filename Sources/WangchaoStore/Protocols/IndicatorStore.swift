import Foundation
import WangchaoCore

/// Aggregate counts for the cockpit's indicators.
///
/// One of the store's concerns; ``CaseStore`` is all of them. Every write is durable before
/// it returns: callers answer success only after the call.
public protocol IndicatorStore: Sendable {
    /// The counts `query.terms` asks for over the cases created in the period in the subtree of
    /// `query.areaCode`, computed by the store (SQL aggregates), grouped as `query.grouping`
    /// says; see ``IndicatorQuery``.
    /// - Throws: ``DomainError`` `notFound` for an unknown area.
    func indicatorCounts(_ query: IndicatorQuery) async throws -> [IndicatorCounts]
    /// A number that grows whenever a case's history grows (the last history row's sequence):
    /// readers of aggregates, like the cockpit, reuse a result until it moves.
    func changeStamp() async throws -> Int64
}
