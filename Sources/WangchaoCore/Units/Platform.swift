/// The four platforms (四平台) of the town-level "141" structure.
public enum Platform: String, Codable, Sendable, CaseIterable {
    /// 综治工作: public security, disputes, grid management.
    case governance
    /// 市场监管: market supervision, food safety, consumer disputes.
    case market
    /// 综合执法: city appearance, illegal construction, street trading.
    case enforcement
    /// 便民服务: public services, facilities, help and consultation.
    case service

    public var chineseName: String {
        switch self {
        case .governance: "综治工作"
        case .market: "市场监管"
        case .enforcement: "综合执法"
        case .service: "便民服务"
        }
    }
}
