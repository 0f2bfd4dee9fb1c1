import WangchaoCore

/// The answer to "where is this point?": the chain of areas from the district down to the area
/// the point was placed in, that area's level, and why it was placed there.
///
/// The reason travels with the answer so that a dispatch made from it can say, for instance, that
/// a report went to the town because no micro-grid covers the spot.
public struct LocationResolution: Sendable, Equatable {
    /// District first, the matched area last; never empty.
    public var chain: [Area]
    public var matchedLevel: AreaLevel
    public var reason: Reason

    public init(chain: [Area], matchedLevel: AreaLevel, reason: Reason) {
        self.chain = chain
        self.matchedLevel = matchedLevel
        self.reason = reason
    }

    /// The area the point was placed in.
    public var area: Area? { chain.last }

    /// Why a point was placed where it was.
    public enum Reason: Sendable, Equatable {
        /// Strictly inside exactly one micro-grid.
        case insideMicroGrid
        /// On the edge or a vertex of these micro-grids (ascending codes); the lowest code won.
        case onBoundary(candidates: [String])
        /// Strictly inside several micro-grids, which overlap (bad data); the lowest code won.
        case overlapping(candidates: [String])
        /// No micro-grid holds the point; it went to the lowest area whose boundary holds it.
        case noMicroGridContainsPoint
        /// The district's boundary does not hold the point (or the district has none, and no
        /// area below holds it): it went to the district's dispatcher.
        case outsideDistrict
        /// The coordinate is not a finite latitude/longitude; it went to the district's dispatcher.
        case invalidCoordinate
    }
}

extension LocationResolution.Reason: CustomStringConvertible {
    /// A sentence for the case history and the dispatcher's screen.
    public var description: String {
        switch self {
        case .insideMicroGrid: "位于微网格内"
        case .onBoundary(let codes): "位于微网格边界上（\(codes.joined(separator: "、"))），按编码最小者归属"
        case .overlapping(let codes): "多个微网格重叠（\(codes.joined(separator: "、"))），按编码最小者归属"
        case .noMicroGridContainsPoint: "不在任何微网格内，归属包含该点的最低一级区域"
        case .outsideDistrict: "不在本区范围内，交区级调度"
        case .invalidCoordinate: "坐标无效，交区级调度"
        }
    }
}
