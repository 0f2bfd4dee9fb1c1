/// What a webhook subscriber can ask to be told of.
public enum WebhookEventType: String, Sendable, Codable, CaseIterable, Comparable {
    /// A case came into being (any door: staff, public, Open311, a connector).
    case caseCreated = "case.created"
    /// Any later step of a case's history, including the system's (timers, routing).
    case caseTransition = "case.transition"
    /// The SLA clock turned a light yellow or red, or a due deadline notified (系统督办).
    case caseAlert = "case.alert"

    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }

    /// The known names, for error messages.
    public static var names: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
