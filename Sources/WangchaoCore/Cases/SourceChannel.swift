/// The channel a matter came in through: one intake for all of them.
public enum SourceChannel: String, Codable, Sendable, CaseIterable {
    case hotline12345
    case police110
    case cityManagement
    case gridPatrol
    case citizenApp
    case chatGroup
    case enterprise
    case external
    case open311

    public var chineseName: String {
        switch self {
        case .hotline12345: "12345热线"
        case .police110: "110联动"
        case .cityManagement: "数字城管"
        case .gridPatrol: "网格巡查"
        case .citizenApp: "群众上报"
        case .chatGroup: "微信群"
        case .enterprise: "企业诉求"
        case .external: "业务系统"
        case .open311: "Open311"
        }
    }
}
