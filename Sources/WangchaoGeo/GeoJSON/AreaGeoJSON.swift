import Foundation
import WangchaoCore

/// Areas as a GeoJSON FeatureCollection (RFC 7946): one Feature per area, its boundary as the
/// geometry (or `null`), and the properties `code`, `name`, `level` and `parent`.
///
/// ```json
/// {"type": "FeatureCollection", "features": [{"type": "Feature",
///   "properties": {"code": "330109001", "name": "城厢街道", "level": "town", "parent": "330109"},
///   "geometry": {"type": "Polygon", "coordinates": [[[120.2, 30.1], …]]}}]}
/// ```
///
/// `level` is written as the code name (`district` … `microGrid`); on import the Chinese name
/// (`区`, `镇街`, `网层`, `村社`, `网格`, `微网格`) is accepted too.
public enum AreaGeoJSON {
    /// The FeatureCollection for `areas`, parents before children and by code, keys sorted, so
    /// the same areas always give the same bytes.
    public static func encode(_ areas: [Area]) throws -> Data {
        let features = AreaImportValidator.saveOrder(areas).map(ExportedFeature.init)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(ExportedCollection(features: features))
    }

    /// Reads and validates a FeatureCollection, all of it, before anything is stored.
    ///
    /// - Parameter existing: the areas already stored; a feature's parent may be one of them.
    /// - Returns: the areas in an order safe to save (parents first).
    /// - Throws: ``AreaImportError`` listing every problem, each naming its feature.
    public static func decode(_ data: Data, existing: [Area] = []) throws(AreaImportError) -> [Area] {
        let decoder = JSONDecoder()
        // NaN and infinities written as strings reach validation and are refused with the feature
        // named, instead of failing the whole file anonymously.
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        let collection: RawAreaFeatureCollection
        do {
            collection = try decoder.decode(RawAreaFeatureCollection.self, from: data)
        } catch {
            throw AreaImportError(problems: [
                AreaImportProblem(featureIndex: nil, code: nil, reason: .notFeatureCollection(Self.describe(error)))
            ])
        }
        guard collection.type == "FeatureCollection" else {
            throw AreaImportError(problems: [
                AreaImportProblem(featureIndex: nil, code: nil, reason: .notFeatureCollection("type 为 \(collection.type)"))
            ])
        }
        return try AreaImportValidator(existing: existing).validate(collection.features)
    }

    private static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.dataCorrupted(let context): "JSON 无法解析（\(context.debugDescription)）"
        case DecodingError.keyNotFound(let key, _): "缺少 \(key.stringValue)"
        case DecodingError.typeMismatch(_, let context):
            "类型不符：" + context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
        default: "\(error)"
        }
    }
}

private struct ExportedCollection: Encodable {
    let type = "FeatureCollection"
    let features: [ExportedFeature]
}

private struct ExportedFeature: Encodable {
    struct Properties: Encodable {
        let code: String
        let name: String
        let level: String
        let parent: String?

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(code, forKey: .code)
            try container.encode(name, forKey: .name)
            try container.encode(level, forKey: .level)
            try container.encode(parent, forKey: .parent)  // an explicit null for the district
        }

        private enum CodingKeys: String, CodingKey { case code, name, level, parent }
    }

    let type = "Feature"
    let properties: Properties
    let geometry: Boundary?

    init(_ area: Area) {
        properties = Properties(code: area.code, name: area.name, level: area.level.rawValue, parent: area.parentCode)
        geometry = area.boundary
    }

    private enum CodingKeys: String, CodingKey { case type, properties, geometry }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(type, forKey: .type)
        try container.encode(properties, forKey: .properties)
        try container.encode(geometry, forKey: .geometry)  // GeoJSON wants `null`, not absence
    }
}
