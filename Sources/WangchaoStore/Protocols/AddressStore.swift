import Foundation
import WangchaoCore

/// The unified standard address base.
///
/// One of the store's concerns; ``CaseStore`` is all of them. Every write is durable before
/// it returns: callers answer success only after the call.
public protocol AddressStore: Sendable {
    /// Saves standard addresses in one transaction; an address whose code is already stored is
    /// replaced. For large tables call it per batch (``saveStandardAddresses(batches:progress:)``).
    func saveStandardAddresses(_ addresses: [StandardAddress]) async throws
    /// The standard address with `code`, or nil.
    func standardAddress(code: String) async throws -> StandardAddress?
    /// The addresses each probe finds through an index (never a scan): at most `limit` per
    /// probe, a door's in (building, unit, room) order, all without duplicates in probe order.
    func standardAddressCandidates(_ probes: [StandardAddressProbe], limit: Int) async throws -> [StandardAddress]
    /// How many standard addresses are stored.
    func standardAddressCount() async throws -> Int
}
