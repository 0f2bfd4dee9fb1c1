import Foundation
import WangchaoCore

/// A case as a store keeps it in its `body` column: a record with a format version and keys of
/// its own, apart from the domain ``Case`` and the API's view of it, so that renaming a Swift
/// property or adding a field never silently changes what is on disk, and migrations that read
/// the body (`json_extract(body, '$.deadlines')`) read the keys written here.
///
/// Format 1 is every body written before the record had a version (no `format` key); fields
/// added since (routing, repeat detection, address check, kind) decode with their defaults.
/// Format 2 adds `format`. A body of a newer format than this build knows is refused rather than
/// half read.
public struct StoredCase: Sendable, Equatable {
    public static let currentFormat = 2

    public var value: Case

    public init(_ value: Case) { self.value = value }

    /// The record's keys: fixed here, whatever the domain type's properties are called.
    enum Key: String, CodingKey, CaseIterable {
        case format
        case id, number, kind, trackingCode, source, category, description, location, reporter, attachments, priority
        case state, areaCode, tier, assignedUnitId, cooperatingUnitIds, formerUnitIds, deadlines, pendingRequests
        case openSupervisions, mergedIntoCaseId, reworkCount, satisfaction, ratedVia, version, createdAt, updatedAt
        case assignee, routing, repeatCandidates, likelyRepeat, addressCheck
    }
}

extension StoredCase: Codable {
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        let v = value
        try c.encode(Self.currentFormat, forKey: .format)
        try c.encode(v.id, forKey: .id)
        try c.encode(v.number, forKey: .number)
        try c.encode(v.kind, forKey: .kind)
        try c.encode(v.trackingCode, forKey: .trackingCode)
        try c.encode(v.source, forKey: .source)
        try c.encode(v.category, forKey: .category)
        try c.encode(v.description, forKey: .description)
        try c.encode(v.location, forKey: .location)
        try c.encode(v.reporter, forKey: .reporter)
        try c.encode(v.attachments, forKey: .attachments)
        try c.encode(v.priority, forKey: .priority)
        try c.encode(v.state, forKey: .state)
        try c.encode(v.areaCode, forKey: .areaCode)
        try c.encode(v.tier, forKey: .tier)
        try c.encodeIfPresent(v.assignedUnitId, forKey: .assignedUnitId)
        try c.encode(v.cooperatingUnitIds, forKey: .cooperatingUnitIds)
        try c.encode(v.formerUnitIds, forKey: .formerUnitIds)
        try c.encode(v.deadlines, forKey: .deadlines)
        try c.encode(v.pendingRequests, forKey: .pendingRequests)
        try c.encode(v.openSupervisions, forKey: .openSupervisions)
        try c.encodeIfPresent(v.mergedIntoCaseId, forKey: .mergedIntoCaseId)
        try c.encode(v.reworkCount, forKey: .reworkCount)
        try c.encodeIfPresent(v.satisfaction, forKey: .satisfaction)
        try c.encodeIfPresent(v.ratedVia, forKey: .ratedVia)
        try c.encode(v.version, forKey: .version)
        try c.encode(v.createdAt, forKey: .createdAt)
        try c.encode(v.updatedAt, forKey: .updatedAt)
        try c.encodeIfPresent(v.assignee, forKey: .assignee)
        try c.encodeIfPresent(v.routing, forKey: .routing)
        try c.encode(v.repeatCandidates, forKey: .repeatCandidates)
        try c.encode(v.likelyRepeat, forKey: .likelyRepeat)
        try c.encodeIfPresent(v.addressCheck, forKey: .addressCheck)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        let format = try c.decodeIfPresent(Int.self, forKey: .format) ?? 1
        guard (1...Self.currentFormat).contains(format) else {
            throw DecodingError.dataCorruptedError(
                forKey: .format, in: c, debugDescription: "case record format \(format) is newer than this build reads")
        }
        value = Case(
            id: try c.decode(String.self, forKey: .id), number: try c.decode(String.self, forKey: .number),
            trackingCode: try c.decode(String.self, forKey: .trackingCode),
            source: try c.decode(SourceChannel.self, forKey: .source), category: try c.decode(String.self, forKey: .category),
            description: try c.decode(String.self, forKey: .description),
            location: try c.decode(Location.self, forKey: .location), reporter: try c.decode(Reporter.self, forKey: .reporter),
            attachments: try c.decode([String].self, forKey: .attachments),
            priority: try c.decode(Priority.self, forKey: .priority), state: try c.decode(CaseState.self, forKey: .state),
            areaCode: try c.decode(String.self, forKey: .areaCode), tier: try c.decode(Tier.self, forKey: .tier),
            assignedUnitId: try c.decodeIfPresent(String.self, forKey: .assignedUnitId),
            cooperatingUnitIds: try c.decode([String].self, forKey: .cooperatingUnitIds),
            formerUnitIds: try c.decode([String].self, forKey: .formerUnitIds),
            deadlines: try c.decode([Deadline].self, forKey: .deadlines),
            pendingRequests: try c.decode([CaseRequest].self, forKey: .pendingRequests),
            openSupervisions: try c.decode([Supervision].self, forKey: .openSupervisions),
            mergedIntoCaseId: try c.decodeIfPresent(String.self, forKey: .mergedIntoCaseId),
            reworkCount: try c.decode(Int.self, forKey: .reworkCount),
            satisfaction: try c.decodeIfPresent(Int.self, forKey: .satisfaction),
            ratedVia: try c.decodeIfPresent(RatingChannel.self, forKey: .ratedVia),
            version: try c.decode(Int.self, forKey: .version),
            createdAt: try c.decode(Date.self, forKey: .createdAt), updatedAt: try c.decode(Date.self, forKey: .updatedAt),
            assignee: try c.decodeIfPresent(String.self, forKey: .assignee),
            // Format 1 bodies may predate these fields.
            routing: try c.decodeIfPresent(RoutingDecision.self, forKey: .routing),
            repeatCandidates: try c.decodeIfPresent([RepeatCandidate].self, forKey: .repeatCandidates) ?? [],
            likelyRepeat: try c.decodeIfPresent(Bool.self, forKey: .likelyRepeat) ?? false,
            addressCheck: try c.decodeIfPresent(AddressCheck.self, forKey: .addressCheck),
            kind: try c.decodeIfPresent(CaseKind.self, forKey: .kind) ?? .case)
    }
}
