import WangchaoCore

/// One feature as found in the file, before validation: every part that could be read, and the
/// reason the geometry could not, so that one bad feature does not hide the others' problems.
struct RawAreaFeature: Decodable, Sendable {
    let isFeature: Bool
    let code: String?
    let name: String?
    let level: String?
    let parent: String?
    let geometry: Result<Boundary?, GeometryReadFailure>

    struct GeometryReadFailure: Error, Sendable {
        let detail: String
    }

    private enum CodingKeys: String, CodingKey { case type, properties, geometry }

    init(from decoder: any Decoder) throws {
        guard let container = try? decoder.container(keyedBy: CodingKeys.self) else {
            isFeature = false
            code = nil
            name = nil
            level = nil
            parent = nil
            geometry = .success(nil)
            return
        }
        isFeature = (try? container.decode(String.self, forKey: .type)) == "Feature"
        let properties = (try? container.decodeIfPresent([String: PropertyValue].self, forKey: .properties)) ?? [:]
        code = properties["code"]?.text
        name = properties["name"]?.text
        level = properties["level"]?.text
        parent = properties["parent"]?.text
        do {
            geometry = .success(try container.decodeIfPresent(Boundary.self, forKey: .geometry))
        } catch let error as DecodingError {
            geometry = .failure(GeometryReadFailure(detail: Self.describe(error)))
        } catch {
            geometry = .failure(GeometryReadFailure(detail: "\(error)"))
        }
    }

    /// A short, path-bearing explanation instead of DecodingError's full dump.
    private static func describe(_ error: DecodingError) -> String {
        let (context, what): (DecodingError.Context, String) =
            switch error {
            case .typeMismatch(_, let context): (context, "类型不符")
            case .valueNotFound(_, let context): (context, "缺少值")
            case .keyNotFound(let key, let context): (context, "缺少 \(key.stringValue)")
            case .dataCorrupted(let context): (context, "数据错误")
            @unknown default: (DecodingError.Context(codingPath: [], debugDescription: ""), "无法读取")
            }
        let path = context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
        return [what, path.isEmpty ? nil : "位置 \(path)", context.debugDescription.isEmpty ? nil : context.debugDescription]
            .compactMap { $0 }.joined(separator: "，")
    }
}

/// The top level of the file.
struct RawAreaFeatureCollection: Decodable, Sendable {
    let type: String
    let features: [RawAreaFeature]
}
