import Foundation

/// Who is acting, from where, and on what request — bound to the task that serves a request
/// (or runs a command) so that every write the store commits on its behalf is recorded in the
/// audit trail in the same transaction, without threading it through every store method.
///
/// ```swift
/// try await AuditContext.$current.withValue(AuditContext(actor: "td", role: "townDispatcher",
///     clientAddress: "10.0.0.7", action: "POST /api/v1/cases/…/transitions", at: now)) {
///     try await store.applyTransition(…)   // the audit row commits with the transition
/// }
/// ```
public struct AuditContext: Sendable, Equatable {
    /// The task's current context; writes made outside any context (demo generation, imports
    /// by the operator at the console) are not audited one by one.
    @TaskLocal public static var current: AuditContext?

    /// A username, or `anonymous`, `reporter`, `cli:<os user>`, `system`.
    public var actor: String
    public var role: String?
    public var clientAddress: String?
    /// What was asked, e.g. `POST /api/v1/cases/{id}/transitions` with the id filled in.
    public var action: String
    public var at: Date

    public init(actor: String, role: String? = nil, clientAddress: String? = nil, action: String, at: Date) {
        self.actor = actor
        self.role = role
        self.clientAddress = clientAddress
        self.action = action
        self.at = at
    }
}

/// A write result that names what it changed, for the audit row (`target`).
public protocol AuditTarget {
    var auditTarget: String { get }
}
