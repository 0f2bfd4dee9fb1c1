/// A class of time limits shared by categories of similar urgency.
///
/// The limits themselves are data: ``SLAPolicySet`` (`sla-policies.json`) sets them per class
/// and priority, with overrides per category.
public enum SLAClass: String, Codable, Sendable, CaseIterable {
    /// Safety hazards: minutes to accept and sign, hours to handle.
    case emergency
    /// Ordinary matters: an hour to accept, three working days to handle.
    case standard
    /// Disputes: mediation follow-up within 24 hours, five working days to settle.
    case dispute
    /// Help and consultation: answered within a working day.
    case consult
}
