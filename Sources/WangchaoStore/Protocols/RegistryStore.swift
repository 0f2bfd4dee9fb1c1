import Foundation
import WangchaoCore

/// People, enterprises and facilities linked to addresses.
///
/// One of the store's concerns; ``CaseStore`` is all of them. Every write is durable before
/// it returns: callers answer success only after the call.
public protocol RegistryStore: Sendable {
    /// Writes `records` in one transaction, skipping any whose id is already stored (ids are
    /// derived from the source and its key, see ``Lineage/recordId(prefix:department:table:key:)``,
    /// so a rerun of the same table is counted, not doubled). With a `report`, stores it in the
    /// same transaction with `imported`, `linked` (of those imported) and `duplicatesStored` filled in.
    func saveRegistryRecords(_ records: RegistryRecords, report: ImportReport?) async throws -> RegistrySaveOutcome
    func person(id: String) async throws -> Person?
    func enterprise(id: String) async throws -> Enterprise?
    /// The people, enterprises and facilities at a standard address, each ordered by id, at
    /// most `limit` of each.
    func registry(atAddress code: String, limit: Int) async throws -> RegistryAtAddress
    /// Stored import reports, newest first.
    func importReports(limit: Int) async throws -> [ImportReport]
    /// Cases placed at the standard address `code` (``AddressCheck/standardCode``) and cases
    /// within `radiusMetres` of the point, newest first, at most `limit`, each once.
    func casesNear(addressCode code: String, lat: Double, lng: Double, radiusMetres: Double, limit: Int) async throws
        -> [Case]
}
