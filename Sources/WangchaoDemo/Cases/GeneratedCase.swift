import WangchaoCore

/// One generated case as it stands at the demo's "now", with the history that led there.
public struct GeneratedCase: Sendable, Equatable {
    /// The case in its final state; its `version` equals `history.count`.
    public let `case`: Case
    /// Every transition from intake on, in order, each produced by `Lifecycle.apply`.
    public let history: [Transition]
}
