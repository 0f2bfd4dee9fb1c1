import Foundation
import WangchaoCore

/// How Wangchao's categories and cases read in GeoReport v2.
enum Open311Views {
    /// GeoReport datetimes: ISO 8601 with the China offset, as people in the district read them.
    static func datetime(_ date: Date?) -> Open311Node {
        guard let date else { return .text(nil) }
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = CaseNumber.chinaTimeZone
        return .text(formatter.string(from: date))
    }

    /// One entry of `services`.
    static func service(_ category: Category, attributes: [ServiceAttribute]) -> Open311Node {
        .object([
            ("service_code", .text(category.code)),
            ("service_name", .text(category.name)),
            ("description", .text("\(category.group)：\(category.name)")),
            ("metadata", .bool(!attributes.isEmpty)),
            ("type", .text("realtime")),
            ("keywords", .text(category.keywords.joined(separator: ","))),
            ("group", .text(category.group)),
        ])
    }

    /// The `service_definition` of a category.
    static func definition(_ category: Category, attributes: [ServiceAttribute]) -> Open311Node {
        .object([
            ("service_code", .text(category.code)),
            (
                "attributes",
                .list(
                    item: "attribute",
                    attributes.map { attribute in
                        .object([
                            ("variable", .bool(true)),
                            ("code", .text(attribute.code)),
                            ("datatype", .text(attribute.datatype.rawValue)),
                            ("required", .bool(attribute.required)),
                            ("datatype_description", .text(attribute.datatypeDescription)),
                            ("order", .number(Double(attribute.order))),
                            ("description", .text(attribute.description)),
                            (
                                "values",
                                .list(
                                    item: "value",
                                    attribute.values.map { .object([("key", .text($0.key)), ("name", .text($0.name))]) })
                            ),
                        ])
                    })
            ),
        ])
    }

    /// One service request as the public may read it: never the reporter, their phone or the
    /// staff's notes; `status_notes` is the latest public progress phrase.
    static func request(
        _ subject: Case, categoryName: String, statusNotes: String?, agency: String?
    ) -> Open311Node {
        .object([
            ("service_request_id", .text(subject.number)),
            ("status", .text(subject.state.isOpen ? "open" : "closed")),
            ("status_notes", .text(statusNotes)),
            ("service_name", .text(categoryName)),
            ("service_code", .text(subject.category)),
            ("description", .text(subject.description)),
            ("agency_responsible", .text(agency)),
            ("service_notice", .text(nil)),
            ("requested_datetime", datetime(subject.createdAt)),
            ("updated_datetime", datetime(subject.updatedAt)),
            ("expected_datetime", datetime(expectedAt(subject))),
            ("address", .text(subject.location.address.isEmpty ? nil : subject.location.address)),
            ("address_id", .text(nil)),
            ("zipcode", .text(nil)),
            ("lat", .number(subject.location.lat)),
            ("long", .number(subject.location.lng)),
            ("media_url", .text(nil)),
        ])
    }

    /// When the matter should be dealt with: the handling limit while it runs, else the
    /// earliest running limit.
    static func expectedAt(_ subject: Case) -> Date? {
        guard subject.state.isOpen else { return nil }
        return subject.deadlines.first { $0.kind == .handle }?.dueAt ?? subject.deadlines.map(\.dueAt).min()
    }
}
