/// A class of time limits shared by categories of similar urgency.
///
/// The dispatch issue replaces these fixed limits with per-category policies and working-day
/// clocks; until then each class carries 24/7 limits, in minutes, for each step of the loop.
public enum SLAClass: String, Codable, Sendable, CaseIterable {
    /// Safety hazards: minutes to accept and sign, hours to handle.
    case emergency
    /// Ordinary matters: an hour to accept, three days to handle.
    case standard
    /// Disputes: mediation follow-up within 24 hours, a week to settle.
    case dispute
    /// Help and consultation: answered within a day.
    case consult

    /// The limit for one step, in minutes; `nil` when the class sets none.
    public func limit(for kind: DeadlineKind, priority: Priority) -> Int? {
        if kind == .arrive { return priority == .urgent || self == .emergency ? 10 : nil }
        switch (self, kind) {
        case (.emergency, .accept): return 10
        case (.emergency, .sign): return 10
        case (.emergency, .handle): return priority == .urgent ? 120 : 240
        case (.emergency, .verify): return 120
        case (.standard, .accept): return 60
        case (.standard, .sign): return 120
        case (.standard, .handle): return priority == .urgent ? 24 * 60 : 3 * 24 * 60
        case (.standard, .verify): return 24 * 60
        case (.dispute, .accept): return 60
        case (.dispute, .sign): return 120
        case (.dispute, .mediationFollowUp): return 24 * 60
        case (.dispute, .handle): return 7 * 24 * 60
        case (.dispute, .verify): return 2 * 24 * 60
        case (.consult, .accept): return 30
        case (.consult, .sign): return 60
        case (.consult, .handle): return 24 * 60
        case (.consult, .verify): return 24 * 60
        default: return nil
        }
    }
}
