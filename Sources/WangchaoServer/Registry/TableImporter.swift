import Foundation
import WangchaoAddress
import WangchaoCore
import WangchaoStore

/// Imports one department table (CSV) through its mapping: every row cleaned and checked,
/// rejected rows reported with row, column and reason, keys seen twice counted, addresses
/// matched against the standard address base, and everything written in one transaction with
/// the quality report. A file that cannot be read, or whose header lacks a mapped column,
/// throws ``ImportFileError`` before anything is written.
public struct TableImporter: Sendable {
    public let store: any CaseStore

    public init(store: any CaseStore) {
        self.store = store
    }

    /// Rows between progress calls.
    public static let progressEvery = 5_000

    /// - Parameters:
    ///   - progress: called with (rows done, rows in the file) every ``progressEvery`` rows, and
    ///     at the end of a file of at least that many.
    public func run(
        csv data: Data, mapping: ImportMapping, file: String, reportId: String, at now: Date,
        progress: (Int, Int) -> Void = { _, _ in }
    ) async throws -> ImportReport {
        let table = try CSVTable.parse(data)
        let bound = try mapping.bind(header: table.header)
        var report = ImportReport(
            id: reportId, file: file, department: mapping.department, table: mapping.table, target: mapping.target,
            importedAt: now, rowsRead: table.rows.count)
        let matcher = mapping.address.isEmpty ? nil : try AddressMatcher(homeDistrictCode: try await store.rootArea()?.code)
        var matched: [String: String?] = [:]
        var seenKeys: Set<String> = []
        var fixCounts: [String: Int] = [:]
        var records = RegistryRecords()
        for (index, cells) in table.rows.enumerated() {
            if index > 0, index % Self.progressEvery == 0 { progress(index, table.rows.count) }
            let row = CSVTable.recordNumber(ofRowAt: index)
            let clean: BoundMapping.CleanRow
            switch bound.clean(cells) {
            case .failure(let cause):
                report.rejected.append(ImportRejection(row: row, column: cause.column, field: cause.field, reason: cause.reason))
                continue
            case .success(let value):
                clean = value
            }
            let key = clean.key(for: mapping.target) ?? "row-\(row)"
            guard seenKeys.insert(key).inserted else {
                report.duplicatesInFile += 1
                continue
            }
            if !clean.fixes.isEmpty {
                report.fixedRows += 1
                for fix in clean.fixes { fixCounts[fix, default: 0] += 1 }
            }
            var addressCode: String? = nil
            if let matcher, let text = clean.addressText {
                if let known = matched[text] {
                    addressCode = known
                } else {
                    let result = try await matcher.match(text) { probes, limit in
                        try await store.standardAddressCandidates(probes, limit: limit)
                    }
                    if let best = result.best, result.matched, best.score >= AddressCheck.certainScore {
                        addressCode = best.address.code
                    }
                    matched[text] = addressCode
                }
            }
            records.append(clean, key: key, addressCode: addressCode, mapping: mapping, row: row)
        }
        if table.rows.count >= Self.progressEvery { progress(table.rows.count, table.rows.count) }
        report.fixes = fixCounts.map { ImportFixCount(how: $0.key, rows: $0.value) }
            .sorted { ($1.rows, $0.how) < ($0.rows, $1.how) }
        let outcome = try await store.saveRegistryRecords(records, report: report)
        return outcome.report ?? report
    }
}

extension RegistryRecords {
    /// Adds the record a clean row makes.
    mutating func append(
        _ clean: BoundMapping.CleanRow, key: String, addressCode: String?, mapping: ImportMapping, row: Int
    ) {
        let lineage = Lineage(department: mapping.department, table: mapping.table, row: row)
        let f = clean.fields
        switch mapping.target {
        case .person:
            people.append(
                Person(
                    id: Lineage.recordId(prefix: "P", department: mapping.department, table: mapping.table, key: key),
                    name: f["name"] ?? "", idNumber: f["idNumber"] ?? "", phone: f["phone"], addressCode: addressCode,
                    addressText: clean.addressText, relation: f["relation"].flatMap(DwellingRelation.init(rawValue:)),
                    registeredOn: f["registeredOn"], lineage: lineage))
        case .enterprise:
            enterprises.append(
                Enterprise(
                    id: Lineage.recordId(prefix: "E", department: mapping.department, table: mapping.table, key: key),
                    name: f["name"] ?? "", creditCode: f["creditCode"] ?? "", legalRepresentative: f["legalRepresentative"],
                    phone: f["phone"], industry: f["industry"], addressCode: addressCode, addressText: clean.addressText,
                    establishedOn: f["establishedOn"], lineage: lineage))
        case .facility:
            facilities.append(
                Facility(
                    id: Lineage.recordId(prefix: "F", department: mapping.department, table: mapping.table, key: key),
                    name: f["name"] ?? "", kind: f["kind"] ?? "", sourceCode: f["sourceCode"], addressCode: addressCode,
                    addressText: clean.addressText, lineage: lineage))
        }
    }
}
