import Foundation

/// A new matter as a channel received it — the JSON API, the web form, Open311, a connected
/// system — before the server placed it: the client's own request. The point may be missing
/// when an address is given (a hotline call); the server then finds it in the standard address
/// base. The idempotency digest covers this value, so whether a retry matches never depends on
/// what the address base says in between.
public struct IntakeSubmission: Sendable, Equatable, Codable {
    /// Where the matter is, as submitted: a WGS-84 point, an address, or both.
    public struct Place: Sendable, Equatable, Codable {
        public var lat: Double?
        public var lng: Double?
        public var address: String

        public init(lat: Double? = nil, lng: Double? = nil, address: String) {
            self.lat = lat
            self.lng = lng
            self.address = address
        }
    }

    public var category: String
    public var description: String
    public var source: SourceChannel
    public var priority: Priority?
    public var location: Place
    public var reporter: Reporter?
    public var attachments: [String]?
    /// The area, when the reporter knows it (a grid worker on patrol).
    public var areaCode: String?
    /// The workflow the case follows (``CaseKindCatalog``); absent: kind `case`.
    public var kind: CaseKind?

    /// The body's fields: a body with any other top-level field is refused.
    public enum CodingKeys: String, CodingKey, CaseIterable {
        case category, description, source, priority, location, reporter, attachments, areaCode, kind
    }

    public init(
        category: String, description: String, source: SourceChannel, priority: Priority? = nil, location: Place,
        reporter: Reporter? = nil, attachments: [String]? = nil, areaCode: String? = nil, kind: CaseKind? = nil
    ) {
        self.category = category
        self.description = description
        self.source = source
        self.priority = priority
        self.location = location
        self.reporter = reporter
        self.attachments = attachments
        self.areaCode = areaCode
        self.kind = kind
    }

    /// The submission of an intake that already has its point (tests, the demo, imports).
    public init(_ intake: Intake) {
        self.init(
            category: intake.category, description: intake.description, source: intake.source, priority: intake.priority,
            location: Place(lat: intake.location.lat, lng: intake.location.lng, address: intake.location.address),
            reporter: intake.reporter, attachments: intake.attachments, areaCode: intake.areaCode, kind: intake.kind)
    }

    /// Whether the point must come from the address: neither coordinate given, an address given.
    public var needsPlacement: Bool {
        location.lat == nil && location.lng == nil && !location.address.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
    }

    /// The intake at `point` (the submitted one unless the server found it from the address).
    public func intake(at point: (lat: Double, lng: Double)) -> Intake {
        Intake(
            category: category, description: description, source: source, priority: priority,
            location: Location(lat: point.lat, lng: point.lng, address: location.address), reporter: reporter,
            attachments: attachments, areaCode: areaCode, kind: kind)
    }

    /// The submitted point; a missing coordinate is named (`location.lat`, then `location.lng`).
    public func submittedPoint() throws(DomainError) -> (lat: Double, lng: Double) {
        guard let lat = location.lat else { throw .invalid(field: "location.lat", "缺少必填字段 location.lat（或只填地址，由标准地址库定位）") }
        guard let lng = location.lng else { throw .invalid(field: "location.lng", "缺少必填字段 location.lng") }
        return (lat, lng)
    }
}
