import Foundation
import WangchaoAddress
import WangchaoCore
import WangchaoStore

/// Places an intake that names an address but no point (a hotline call: "湘湖路 100 号门口"),
/// through the standard address base: a certain match gives the point and so the micro-grid;
/// anything less is placed provisionally and flagged (``AddressCheck/Status/uncertain``) for
/// the dispatcher, never guessed silently.
struct AddressPlacement: Sendable {
    let store: any CaseStore

    /// The body with `location.lat`/`lng` filled when they were both absent and
    /// `location.address` was given, and how the address was placed; otherwise the body as is.
    func resolve(_ data: Data) async throws -> (body: Data, check: AddressCheck?) {
        guard var object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any],
            var location = object["location"] as? [String: Any], location["lat"] == nil, location["lng"] == nil,
            let address = (location["address"] as? String)?.trimmingCharacters(in: .whitespacesAndNewlines),
            !address.isEmpty, address.count <= Intake.maxAddressLength
        else { return (data, nil) }

        let matcher = try AddressMatcher(homeDistrictCode: try await store.rootArea()?.code)
        let result = try await matcher.match(address) { probes, limit in
            try await store.standardAddressCandidates(probes, limit: limit)
        }
        let check: AddressCheck
        if let best = result.best {
            let certain = result.matched && best.score >= AddressCheck.certainScore
            check = AddressCheck(
                status: certain ? .matched : .uncertain, standardCode: best.address.code, standardText: best.address.text,
                score: best.score, reason: certain ? nil : (result.reason ?? "匹配度低于 \(AddressCheck.certainScore)"))
            location["lat"] = best.address.lat
            location["lng"] = best.address.lng
        } else {
            // Nothing to stand on: the town the text names (or the district), at its middle.
            guard let area = try await fallbackArea(townCode: result.parsed.townCode), let middle = Self.middle(of: area)
            else { return (data, nil) }
            check = AddressCheck(
                status: .uncertain, standardCode: nil, standardText: nil, score: 0, reason: result.reason ?? "标准地址库中没有匹配")
            location["lat"] = middle.lat
            location["lng"] = middle.lng
            if object["areaCode"] == nil { object["areaCode"] = area.code }
        }
        object["location"] = location
        return (try JSONSerialization.data(withJSONObject: object), check)
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
