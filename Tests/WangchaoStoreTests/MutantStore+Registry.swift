import Foundation
import WangchaoCore
import WangchaoStore

/// The registry, with `registryRerunDoubled` (ids not derived from the source key, so a rerun
/// writes everything again), `registryLimitIgnored`, `importReportsOldestFirst` and
/// `nearRadiusWidened` (ten times the radius).
extension MutantStore {
    func saveRegistryRecords(_ records: RegistryRecords, report: ImportReport?) async throws -> RegistrySaveOutcome {
        guard mutation == .registryRerunDoubled else { return try await base.saveRegistryRecords(records, report: report) }
        var copy = records
        let salt = UUID().uuidString
        for i in copy.people.indices { copy.people[i].id += salt }
        for i in copy.enterprises.indices { copy.enterprises[i].id += salt }
        for i in copy.facilities.indices { copy.facilities[i].id += salt }
        return try await base.saveRegistryRecords(copy, report: report)
    }

    func person(id: String) async throws -> Person? { try await base.person(id: id) }

    func enterprise(id: String) async throws -> Enterprise? { try await base.enterprise(id: id) }

    func registry(atAddress code: String, limit: Int) async throws -> RegistryAtAddress {
        try await base.registry(atAddress: code, limit: mutation == .registryLimitIgnored ? 1_000 : limit)
    }

    func importReports(limit: Int) async throws -> [ImportReport] {
        let reports = try await base.importReports(limit: limit)
        return mutation == .importReportsOldestFirst ? reports.reversed() : reports
    }

    func casesNear(addressCode code: String, lat: Double, lng: Double, radiusMetres: Double, limit: Int) async throws -> [Case] {
        try await base.casesNear(
            addressCode: code, lat: lat, lng: lng, radiusMetres: mutation == .nearRadiusWidened ? radiusMetres * 10 : radiusMetres,
            limit: limit)
    }
}
