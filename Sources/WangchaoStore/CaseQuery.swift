import Foundation
import WangchaoCore

/// Filters and paging for the case list. Every filter is optional; all given ones must match.
public struct CaseQuery: Sendable, Equatable {
    public var states: [CaseState] = []
    /// The area subtree the case must lie in.
    public var areaCode: String?
    /// A unit that is, or was, assigned or cooperating.
    public var unitId: String?
    /// The workflow, checked against the kind catalog by whoever builds the query.
    public var kind: CaseKind?
    public var category: String?
    public var source: SourceChannel?
    public var createdFrom: Date?
    public var createdTo: Date?
    /// A case number, or words that must all occur in the description or address.
    public var text: String?
    public var reporterPhone: String?
    /// 1–200.
    public var limit: Int = 50
    /// Where the previous page ended, as returned in ``CasePage/nextCursor``.
    public var cursor: String?

    public static let maxLimit = 200

    public init() {}
}

/// One page of cases and the cursor of the next, `nil` on the last page.
public struct CasePage: Sendable {
    public var items: [Case]
    public var nextCursor: String?

    public init(items: [Case], nextCursor: String?) {
        self.items = items
        self.nextCursor = nextCursor
    }
}

/// Opaque page cursors: the insertion sequence of the last case shown. New cases get higher
/// sequences, so inserts never shift later pages.
public enum PageCursor {
    public static func encode(_ sequence: Int64) -> String {
        Data("c\(sequence)".utf8).base64EncodedString()
    }

    public static func decode(_ cursor: String) -> Int64? {
        guard let data = Data(base64Encoded: cursor), let text = String(data: data, encoding: .utf8),
            text.hasPrefix("c"), let value = Int64(text.dropFirst()), value > 0
        else { return nil }
        return value
    }
}
