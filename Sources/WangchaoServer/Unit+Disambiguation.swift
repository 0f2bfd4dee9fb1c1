import WangchaoCore

/// The glossary's `Unit` (处置单位), not Foundation's measurement `Unit`.
typealias Unit = WangchaoCore.Unit
