import WangchaoCore

/// One reason a GeoJSON file of areas is refused, naming the feature (its index in `features`,
/// from 0, and its code when it has one).
public struct AreaImportProblem: Sendable, Equatable, CustomStringConvertible {
    public enum Reason: Sendable, Equatable {
        /// The file is not JSON, or not a GeoJSON FeatureCollection (file-level: no feature).
        case notFeatureCollection(String)
        /// The member is not a GeoJSON Feature.
        case notAFeature
        /// A required property (`code`, `name`, `level`) is missing or empty.
        case missingProperty(String)
        case unknownLevel(String)
        /// Two features share the code.
        case duplicateCode
        /// A non-district feature has no `parent`, or a district has one.
        case parentRequired
        case parentNotAllowed
        /// The parent is neither in the file nor already stored.
        case missingParent(String)
        /// The parent is in the file but its own level cannot be read (reported on its feature).
        case parentInvalid(String)
        /// The parent exists but its level may not hold this level (a grid under a town, say).
        case levelNotAllowedUnder(parent: String, parentLevel: AreaLevel)
        /// The code does not extend the parent's code by three digits (or a district's is not six).
        case codeDoesNotFitParent
        /// A second district beside the one already stored or in the file.
        case secondDistrict(existing: String)
        /// The geometry is not a readable Polygon or MultiPolygon.
        case unreadableGeometry(String)
        case invalidGeometry(GeometryProblem)
    }

    /// The feature's index in `features`; `nil` for a problem with the file as a whole.
    public var featureIndex: Int?
    public var code: String?
    public var reason: Reason

    public init(featureIndex: Int?, code: String?, reason: Reason) {
        self.featureIndex = featureIndex
        self.code = code
        self.reason = reason
    }

    public var description: String {
        let feature = featureIndex.map { "要素 #\($0)" + (code.map { "（\($0)）" } ?? "") + "：" } ?? ""
        return feature + reasonText
    }

    private var reasonText: String {
        switch reason {
        case .notFeatureCollection(let detail): "不是 GeoJSON FeatureCollection：\(detail)"
        case .notAFeature: "不是 GeoJSON Feature"
        case .missingProperty(let name): "缺少属性 \(name)"
        case .unknownLevel(let level): "未知的层级 \(level)"
        case .duplicateCode: "编码与文件中另一个要素重复"
        case .parentRequired: "缺少上级 parent"
        case .parentNotAllowed: "区级区域不能有上级"
        case .missingParent(let parent): "上级 \(parent) 既不在文件中，也不在数据库中"
        case .parentInvalid(let parent): "上级 \(parent) 在文件中，但其层级无效"
        case .levelNotAllowedUnder(let parent, let level): "上级 \(parent) 是\(level.chineseName)，其下不能有这一层级"
        case .codeDoesNotFitParent: "编码不符合规则（区为 6 位；下级为上级编码加 3 位数字）"
        case .secondDistrict(let existing): "已有区级区域 \(existing)"
        case .unreadableGeometry(let detail): "几何无法读取：\(detail)"
        case .invalidGeometry(let problem): "几何无效：\(problem)"
        }
    }
}
