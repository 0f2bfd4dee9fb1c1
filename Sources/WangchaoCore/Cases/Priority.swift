/// How urgent a matter is; urgent ones must be reached on site within 10 minutes.
public enum Priority: String, Codable, Sendable, CaseIterable {
    case normal
    case urgent
}
