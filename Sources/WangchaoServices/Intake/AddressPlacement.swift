import Foundation
import WangchaoAddress
import WangchaoCore
import WangchaoStore

/// Places an intake that names an address but no point (a hotline call: "湘湖路 100 号门口"),
/// through the standard address base: a certain match gives the point and so the micro-grid;
/// anything less is placed provisionally and flagged (``AddressCheck/Status/uncertain``) for
/// the dispatcher, never guessed silently.
public struct AddressPlacement: Sendable {
    public let store: any CaseStore

    public init(store: any CaseStore) {
        self.store = store
    }

    /// Where `address` is, by the standard address base: the point of the best match (and the
    /// area to file at when there is none, the middle of the town or district the text names),
    /// with how certain that is; `nil` only when the store has no area with a boundary.
    public func place(_ address: String) async throws -> (lat: Double, lng: Double, areaCode: String?, check: AddressCheck)? {
        let matcher = try AddressMatcher(homeDistrictCode: try await store.rootArea()?.code)
        let result = try await matcher.match(address) { probes, limit in
            try await store.standardAddressCandidates(probes, limit: limit)
        }
        if let best = result.best {
            let certain = result.matched && best.score >= AddressCheck.certainScore
            let check = AddressCheck(
                status: certain ? .matched : .uncertain, standardCode: best.address.code, standardText: best.address.text,
                score: best.score, reason: certain ? nil : (result.reason ?? "匹配度低于 \(AddressCheck.certainScore)"))
            return (best.address.lat, best.address.lng, nil, check)
        }
        // Nothing to stand on: the town the text names (or the district), at its middle.
        guard let area = try await fallbackArea(townCode: result.parsed.townCode), let middle = Self.middle(of: area) else {
            return nil
        }
        let check = AddressCheck(
            status: .uncertain, standardCode: nil, standardText: nil, score: 0, reason: result.reason ?? "标准地址库中没有匹配")
        return (middle.lat, middle.lng, area.code, check)
    }

    private func fallbackArea(townCode: String?) async throws -> Area? {
        if let townCode, let town = try await store.area(code: townCode), town.boundary != nil { return town }
        return try await store.rootArea().flatMap { root in root.boundary == nil ? nil : root }
    }

    /// The middle of an area's bounding box.
    static func middle(of area: Area) -> (lat: Double, lng: Double)? {
        let points = area.boundary?.polygons.flatMap { $0.first ?? [] } ?? []
        guard let minLat = points.map(\.lat).min(), let maxLat = points.map(\.lat).max(),
            let minLng = points.map(\.lng).min(), let maxLng = points.map(\.lng).max()
        else { return nil }
        return ((minLat + maxLat) / 2, (minLng + maxLng) / 2)
    }
}
