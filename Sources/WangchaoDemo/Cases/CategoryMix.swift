import WangchaoCore

/// How often each kind of matter comes in, through which channels, how urgent, and which
/// district department takes it when a town passes it on: the statistics behind the demo.
enum CategoryMix {
    /// Relative frequency per category code: city appearance, parking and street trading lead,
    /// as in 12345 and grid-patrol statistics; big disputes are rare.
    static let weights: [String: Double] = [
        "AQ01": 6, "AQ02": 1.5, "AQ03": 2, "AQ04": 1,
        "JF01": 5, "JF02": 5, "JF03": 2, "JF04": 1.5, "JF05": 0.5, "JF06": 0.8, "JF07": 0.4, "JF08": 0.4,
        "SR01": 9, "SR02": 3, "SR03": 7, "SR04": 5, "SR05": 2, "SR06": 8, "SR07": 3,
        "SC01": 3, "SC02": 2, "SC03": 4,
        "JT01": 2, "ZA01": 1.5, "ZA02": 3,
        "SS01": 6, "SS02": 3, "SS03": 2,
        "QY01": 2, "QY02": 1,
        "MS01": 2, "ZX01": 5, "ZX02": 4, "QT99": 1.5,
    ]

    /// The district department that takes a category beyond the town (escalation, a town
    /// passing it on, or a platform returning it).
    static let departments: [String: String] = [
        "AQ01": "dept-emergency", "AQ02": "dept-emergency", "AQ03": "dept-housing", "AQ04": "dept-housing",
        "JF01": "dept-police", "JF02": "dept-housing", "JF03": "dept-hrss", "JF04": "dept-police",
        "JF05": "dept-housing", "JF06": "dept-market", "JF07": "dept-health", "JF08": "dept-housing",
        "SR01": "dept-enforcement", "SR02": "dept-enforcement", "SR03": "dept-enforcement", "SR04": "dept-enforcement",
        "SR05": "dept-enforcement", "SR06": "dept-enforcement", "SR07": "dept-enforcement",
        "SC01": "dept-market", "SC02": "dept-market", "SC03": "dept-market",
        "JT01": "dept-transport", "ZA01": "dept-police", "ZA02": "dept-police",
        "SS01": "dept-housing", "SS02": "dept-transport", "SS03": "dept-housing",
        "QY01": "dept-hrss", "QY02": "dept-market", "MS01": "dept-hrss", "ZX01": "dept-hrss", "ZX02": "dept-hrss",
        "QT99": "dept-police",
    ]

    /// The share of a town-tier category that the town sends straight to its department rather
    /// than its own platform: fraud goes to the police, signals to transport, and so on.
    static func directDepartmentShare(_ category: Category) -> Double {
        guard category.tier == .town else { return 0 }
        switch category.code {
        case "ZA01": return 0.7
        case "JT01": return 0.35
        case "JF07": return 0.3
        case "SS03": return 0.25
        case "AQ02": return 0.15
        default: return 0.05
        }
    }

    /// The share of urgent cases: a quarter of safety hazards, a few of the rest (≈8 % overall).
    static func urgentShare(_ category: Category) -> Double {
        switch category.slaClass {
        case .emergency: 0.25
        case .standard: 0.05
        case .dispute: 0.04
        case .consult: 0
        }
    }

    /// Channel weights for a category: the hotline and grid patrols bring most matters; city
    /// management only reports city appearance and facilities, enterprises their own requests,
    /// 110 mostly security and quarrels; consultations rarely come from patrols.
    static func sourceWeights(_ category: Category) -> [(SourceChannel, Double)] {
        let group = String(category.code.prefix(2))
        return SourceChannel.allCases.map { channel in
            switch channel {
            case .hotline12345: (channel, 34)
            case .gridPatrol: (channel, group == "ZX" ? 3 : 30)
            case .citizenApp: (channel, 10)
            case .cityManagement: (channel, ["SR", "SS"].contains(group) ? 12 : 0)
            case .police110: (channel, ["ZA", "JT"].contains(group) || ["JF01", "JF04"].contains(category.code) ? 24 : 2)
            case .chatGroup: (channel, 5)
            case .enterprise: (channel, group == "QY" ? 120 : ["SC", "AQ"].contains(group) || category.code == "JF03" ? 3 : 0)
            case .external: (channel, 2)
            case .open311: (channel, 1)
            }
        }
    }
}
