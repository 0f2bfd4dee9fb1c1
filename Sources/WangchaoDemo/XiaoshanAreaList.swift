import Foundation

/// The real district, its 22 towns and streets with their MCA codes, and the villages and
/// communities of each, read from the bundled `xiaoshan-areas.tsv`.
///
/// The community list comes from an older dictionary than the town list, so two gaps are filled
/// with invented names (see ``inventedCommunities``).
struct XiaoshanAreaList {
    struct Town {
        let code: String
        let name: String
        /// Village and community names, in file order, invented ones last.
        var communities: [String]
    }

    let districtCode: String
    let districtName: String
    /// Towns in file order.
    let towns: [Town]

    /// Names added to the file's list, clearly not real:
    /// - 城厢街道 has 36 communities today, the file lists 34;
    /// - 盈丰街道 was split from 宁围街道 in 2019 and has no entries of its own in the file.
    static let inventedCommunities: [String: [String]] = [
        "330109001": ["萧然社区", "金城社区"],
        "330109015": ["盈丰社区", "丰华社区", "世纪城社区", "江悦社区", "丰潮社区", "博奥社区"],
    ]

    /// The list shipped in this module's resources.
    static func bundled() throws -> XiaoshanAreaList {
        guard let url = Bundle.module.url(forResource: "xiaoshan-areas", withExtension: "tsv") else {
            throw DemoError("xiaoshan-areas.tsv is missing from the WangchaoDemo bundle")
        }
        return try XiaoshanAreaList(tsv: String(contentsOf: url, encoding: .utf8))
    }

    /// Parses the file: `#` lines are comments; every other line is `level, code, name, parent`
    /// separated by tabs, community rows without a code.
    init(tsv: String) throws {
        var district: (code: String, name: String)?
        var towns: [Town] = []
        var townIndex: [String: Int] = [:]
        for (number, line) in tsv.split(separator: "\n", omittingEmptySubsequences: true).enumerated()
        where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 4 else { throw DemoError("xiaoshan-areas.tsv line \(number + 1): expected 4 fields") }
            switch fields[0] {
            case "district":
                district = (fields[1], fields[2])
            case "town":
                townIndex[fields[1]] = towns.count
                towns.append(Town(code: fields[1], name: fields[2], communities: []))
            case "community":
                guard let index = townIndex[fields[3]] else {
                    throw DemoError("xiaoshan-areas.tsv line \(number + 1): unknown town \(fields[3])")
                }
                towns[index].communities.append(fields[2])
            default:
                throw DemoError("xiaoshan-areas.tsv line \(number + 1): unknown level \(fields[0])")
            }
        }
        guard let district else { throw DemoError("xiaoshan-areas.tsv has no district row") }
        for (code, names) in Self.inventedCommunities {
            guard let index = townIndex[code] else { throw DemoError("xiaoshan-areas.tsv lacks town \(code)") }
            towns[index].communities += names
        }
        if let empty = towns.first(where: { $0.communities.isEmpty }) {
            throw DemoError("xiaoshan-areas.tsv lists no community for \(empty.name)")
        }
        self.districtCode = district.code
        self.districtName = district.name
        self.towns = towns
    }
}
