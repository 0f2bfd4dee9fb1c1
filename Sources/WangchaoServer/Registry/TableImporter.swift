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

    /// Addresses matched between progress calls.
    public static let progressEvery = 5_000

    /// - Parameters:
    ///   - progress: called during address matching, the slow part, with (addresses matched,
    ///     distinct addresses in the file) every ``progressEvery`` addresses and at the end.
    public func run(
        csv data: Data, mapping: ImportMapping, file: String, reportId: String, at now: Date,
        progress: (Int, Int) -> Void = { _, _ in }
    ) async throws -> ImportReport {
        let table = try CSVTable.parse(data)
        let bound = try mapping.bind(header: table.header)
        var report = ImportReport(
            id: reportId, file: file, department: mapping.department, table: mapping.table, target: mapping.target,
            importedAt: now, rowsRead: table.rows.count)
        var seenKeys: Set<String> = []
        var fixCounts: [String: Int] = [:]
        var accepted: [(clean: BoundMapping.CleanRow, key: String, row: Int)] = []
        var texts: [String] = []
        var textSeen: Set<String> = []
        for (index, cells) in table.rows.enumerated() {
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
            if let text = clean.addressText, textSeen.insert(text).inserted { texts.append(text) }
            accepted.append((clean, key, row))
        }
        let codes = mapping.address.isEmpty ? [:] : try await standardCodes(for: texts, progress: progress)
        var records = RegistryRecords()
        for (clean, key, row) in accepted {
            let code = clean.addressText.flatMap { codes[$0] }
            records.append(clean, key: key, addressCode: code, mapping: mapping, row: row)
        }
        report.fixes = fixCounts.map { ImportFixCount(how: $0.key, rows: $0.value) }
            .sorted { ($1.rows, $0.how) < ($0.rows, $1.how) }
        let outcome = try await store.saveRegistryRecords(records, report: report)
        return outcome.report ?? report
    }

    /// Address matches in flight at once: each is a parse and a few index reads, so several
    /// keep the store's readers and the cores busy.
    public static let concurrentMatches = 8

    /// The standard address code of each text matched with a certain score (as intake decides,
    /// ``AddressCheck/certainScore``); texts matching nothing certain are absent.
    func standardCodes(for texts: [String], progress: (Int, Int) -> Void) async throws -> [String: String] {
        guard !texts.isEmpty else { return [:] }
        let matcher = try AddressMatcher(homeDistrictCode: try await store.rootArea()?.code)
        let store = self.store
        @Sendable func code(_ text: String) async throws -> (String, String?) {
            let result = try await matcher.match(text) { probes, limit in
                try await store.standardAddressCandidates(probes, limit: limit)
            }
            guard let best = result.best, result.matched, best.score >= AddressCheck.certainScore else { return (text, nil) }
            return (text, best.address.code)
        }
        var codes: [String: String] = [:]
        try await withThrowingTaskGroup(of: (String, String?).self) { group in
            var next = 0
            while next < min(texts.count, Self.concurrentMatches) {
                let text = texts[next]
                group.addTask { try await code(text) }
                next += 1
            }
            var done = 0
            while let matched = try await group.next() {
                if let found = matched.1 { codes[matched.0] = found }
                done += 1
                if done % Self.progressEvery == 0 || (done == texts.count && texts.count >= Self.progressEvery) {
                    progress(done, texts.count)
                }
                if next < texts.count {
                    let text = texts[next]
                    group.addTask { try await code(text) }
                    next += 1
                }
            }
        }
        return codes
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
