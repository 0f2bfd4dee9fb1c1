import Foundation
import Hummingbird
import HummingbirdCore
import WangchaoCore
import WangchaoStore

extension CaseQuery {
    /// Reads the list filters from the query string, refusing bad values field by field
    /// (a kind not in `kinds` too).
    init(parameters: FlatDictionary<Substring, Substring>, kinds: CaseKindCatalog) throws(DomainError) {
        self.init()
        func value(_ name: String) -> String? {
            guard let raw = parameters[Substring(name)], !raw.isEmpty else { return nil }
            return String(raw)
        }
        if let states = value("state") {
            self.states = try states.split(separator: ",").map { (text) throws(DomainError) -> CaseState in
                try kinds.state(named: String(text))
            }
        }
        if let area = value("area") {
            guard area.allSatisfy({ $0.isASCII && $0.isNumber }) else { throw .invalid(field: "area", "区域代码须为数字") }
            areaCode = area
        }
        unitId = value("unit")
        if let kind = value("kind") { self.kind = try kinds.kind(named: kind) }
        category = value("category")
        if let source = value("source") {
            guard let channel = SourceChannel(rawValue: source) else { throw .invalid(field: "source", "未知的来源 \(source)") }
            self.source = channel
        }
        createdFrom = try Self.instant(value("createdFrom"), field: "createdFrom")
        createdTo = try Self.instant(value("createdTo"), field: "createdTo")
        text = value("q")
        reporterPhone = value("reporterPhone")
        if let limit = value("limit") {
            guard let number = Int(limit), (1...CaseQuery.maxLimit).contains(number) else {
                throw .invalid(field: "limit", "limit 须为 1 到 \(CaseQuery.maxLimit) 的整数")
            }
            self.limit = number
        }
        if let cursor = value("cursor") {
            guard PageCursor.decode(cursor) != nil else { throw .invalid(field: "cursor", "分页游标无效") }
            self.cursor = cursor
        }
    }

    /// An ISO 8601 instant (`2026-11-24T08:00:00Z`, `…+08:00`) or a day (`2026-11-24`, midnight in China).
    static func instant(_ text: String?, field: String) throws(DomainError) -> Date? {
        guard let text else { return nil }
        let withTime = ISO8601DateFormatter()
        if let date = withTime.date(from: text) { return date }
        let day = ISO8601DateFormatter()
        day.formatOptions = [.withFullDate]
        day.timeZone = CaseNumber.chinaTimeZone
        if let date = day.date(from: text) { return date }
        throw .invalid(field: field, "\(field) 须为 ISO 8601 时间，如 2026-11-24T08:00:00+08:00 或 2026-11-24")
    }
}
