import Foundation

/// Which states count as open and which carry each ``StateMark``, over every kind a catalog
/// knows: the one list the in-memory facts of indicators (``CaseFacts``) and a store's
/// indicator SQL both read, so the two cannot drift, whatever kinds the cases are of.
public struct StateVocabulary: Sendable, Equatable {
    /// The open states, in the catalog's order.
    public let open: [CaseState]
    private let marked: [StateMark: [CaseState]]

    /// The vocabulary of `states`, each with whether it is open and its marks, in this order.
    public init(_ states: [(state: CaseState, open: Bool, marks: Set<StateMark>)]) {
        open = states.filter(\.open).map(\.state)
        var marked: [StateMark: [CaseState]] = [:]
        for mark in StateMark.allCases { marked[mark] = states.filter { $0.marks.contains(mark) }.map(\.state) }
        self.marked = marked
    }

    /// The lifecycle's states alone (kind `case`), as ``CaseState`` says.
    public static let lifecycle = StateVocabulary(CaseState.lifecycle.map { ($0, $0.isOpen, $0.marks) })

    /// The states that carry `mark`.
    public func states(_ mark: StateMark) -> [CaseState] { marked[mark] ?? [] }

    public func isOpen(_ state: CaseState) -> Bool { open.contains(state) }

    public func marks(of state: CaseState) -> Set<StateMark> {
        Set(StateMark.allCases.filter { states($0).contains(state) })
    }
}
