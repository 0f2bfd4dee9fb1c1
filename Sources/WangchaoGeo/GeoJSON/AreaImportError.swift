/// A GeoJSON file of areas was refused; every problem found is listed, so one run shows the
/// author all there is to fix.
public struct AreaImportError: Error, Sendable, Equatable, CustomStringConvertible {
    public var problems: [AreaImportProblem]

    public init(problems: [AreaImportProblem]) {
        self.problems = problems
    }

    /// How many problems ``description`` lists before summarising the rest.
    public static let listed = 50

    public var description: String {
        var lines = ["GeoJSON 区域文件被拒绝，共 \(problems.count) 个问题，未导入任何区域："]
        lines += problems.prefix(Self.listed).map { "  " + $0.description }
        if problems.count > Self.listed { lines.append("  …另有 \(problems.count - Self.listed) 个问题") }
        return lines.joined(separator: "\n")
    }
}
