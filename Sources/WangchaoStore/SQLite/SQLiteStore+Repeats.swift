import Foundation
import GRDB
import WangchaoCore

extension SQLiteStore {
    public func repeatCandidates(for intake: Intake, at now: Date, policy: RepeatPolicy) async throws -> [RepeatCandidate] {
        try intake.validate(categories: categories)
        try policy.validate()
        let probe = RepeatProbe(intake, at: now)
        return try await reads.read { db in try Self.repeatCandidates(probe, policy: policy, in: db) }
    }

    public func repeatStatistics(areaCode: String, month: ReportMonth) async throws -> RepeatStatistics {
        try await reads.read { db in
            guard let area = try Row.fetchOne(db, sql: "SELECT code, name FROM areas WHERE code = ?", arguments: [areaCode])
            else { throw DomainError.notFound("区域 \(areaCode) 不存在") }
            let children = try Row.fetchAll(
                db, sql: "SELECT code, name FROM areas WHERE parent_code = ? ORDER BY code", arguments: [areaCode])
            var total = RepeatCount(areaCode: area["code"], areaName: area["name"])
            var rows = children.map { RepeatCount(areaCode: $0["code"], areaName: $0["name"]) }
            var childIndex: [String: Int] = [:]
            for (index, child) in rows.enumerated() { childIndex[child.areaCode] = index }
            let lengths = Set(rows.map(\.areaCode.count)).sorted()
            let cursor = try Row.fetchCursor(
                db,
                sql: """
                    SELECT area_code, likely_repeat, state = 'merged' AS merged FROM cases
                    WHERE created_at >= ? AND created_at < ? AND area_code >= ? AND area_code < ?
                    """,
                arguments: [month.start.storedMillis, month.end.storedMillis, areaCode, AreaCode.subtreeEnd(areaCode)])
            while let row = try cursor.next() {
                let code: String = row["area_code"]
                let likely: Bool = row["likely_repeat"], merged: Bool = row["merged"]
                total.count(likelyRepeat: likely, merged: merged)
                for length in lengths where length <= code.count {
                    if let index = childIndex[String(code.prefix(length))] {
                        rows[index].count(likelyRepeat: likely, merged: merged)
                        break
                    }
                }
            }
            return RepeatStatistics(month: month, total: total, children: rows)
        }
    }

    /// The most rows each indexed pre-selection reads: a pathological caller or address cannot
    /// make intake slow.
    static let repeatScanLimit = 50

    /// Pre-selects through ``repeatQueries(_:policy:)``, reading columns only (no case body is
    /// decoded), then lets ``RepeatPolicy`` decide exactly on digests of the keys.
    static func repeatCandidates(_ probe: RepeatProbe, policy: RepeatPolicy, in db: Database) throws -> [RepeatCandidate] {
        var subjects: [RepeatSubject] = []
        for (sql, arguments) in repeatQueries(probe, policy: policy) {
            for row in try Row.fetchAll(db, sql: sql, arguments: arguments) {
                subjects.append(
                    RepeatSubject(
                        caseId: row["id"], number: row["number"], state: CaseState(rawValue: row["state"]) ?? .reported,
                        category: row["category"], lat: row["lat"] ?? .nan, lng: row["lng"] ?? .nan,
                        addressKey: row["address_digest"], callerKey: row["reporter_phone_digest"],
                        createdAt: Date(storedMillis: row["created_at"]), areaCode: row["area_code"]))
            }
        }
        var digested = probe
        digested.addressKey = probe.addressKey.flatMap { AddressDigest.of($0) }
        digested.callerKey = probe.callerKey.flatMap { PhoneDigest.of($0) }
        return policy.candidates(for: digested, among: subjects)
    }

    /// The columns the decision reads.
    static let repeatColumns =
        "id, number, state, category, area_code, lat, lng, address_digest, reporter_phone_digest, created_at"

    /// Up to three queries, each through an index and newest first: the same category in the
    /// window, inside the radius's bounding box; the same address digest; the same phone digest.
    static func repeatQueries(_ probe: RepeatProbe, policy: RepeatPolicy) -> [(String, StatementArguments)] {
        let now = probe.at.storedMillis
        let excluded = RepeatPolicy.excludedStates.map { "'\($0.rawValue)'" }.sorted().joined(separator: ",")
        let recent = "created_at >= ? AND created_at <= ? AND state NOT IN (\(excluded))"
        let tail = "ORDER BY created_at DESC LIMIT \(repeatScanLimit)"
        let select = "SELECT \(repeatColumns) FROM cases WHERE"
        let box = GreatCircle.boundingBox(lat: probe.lat, lng: probe.lng, metres: policy.radiusMetres)
        var queries: [(String, StatementArguments)] = [
            (
                "\(select) category = ? AND \(recent) AND lat BETWEEN ? AND ? AND lng BETWEEN ? AND ? \(tail)",
                [probe.category, (probe.at - policy.window).storedMillis, now, box.minLat, box.maxLat, box.minLng, box.maxLng]
            )
        ]
        if let key = probe.addressKey, let digest = AddressDigest.of(key) {
            queries.append(
                (
                    "\(select) address_digest = ? AND \(recent) \(tail)",
                    [digest, (probe.at - policy.sameAddressWindow).storedMillis, now]
                ))
        }
        if let key = probe.callerKey, let digest = PhoneDigest.of(key) {
            queries.append(
                (
                    "\(select) reporter_phone_digest = ? AND \(recent) \(tail)",
                    [digest, (probe.at - policy.sameCallerWindow).storedMillis, now]
                ))
        }
        return queries
    }
}
