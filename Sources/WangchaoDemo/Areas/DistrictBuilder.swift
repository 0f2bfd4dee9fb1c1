import WangchaoCore

/// Plans the demo district's hierarchy: 城厢街道 at its real size (14 网层 over 36 社区, 186
/// 网格, 1,904 微网格) and every other town coarser (each community with one or two grids of one
/// or two micro-grids), so the whole stays small enough for a laptop.
enum DistrictBuilder {
    /// The town modelled at full size.
    static let detailedTownCode = "330109001"
    /// 城厢街道's real counts.
    static let detailedClusters = 14
    static let detailedGrids = 186
    static let detailedMicroGrids = 1_904

    /// The hierarchy of `list`, with counts split irregularly by `rng`.
    static func plan(_ list: XiaoshanAreaList, using rng: inout SeededGenerator) -> AreaPlan {
        var district = AreaPlan(code: list.districtCode, name: list.districtName, level: .district)
        for town in list.towns {
            var plan = AreaPlan(code: town.code, name: town.name, level: .town)
            if town.code == detailedTownCode {
                plan.children = clusters(of: plan, communities: town.communities, using: &rng)
            } else {
                plan.children = town.communities.enumerated().map { index, name in
                    community(plan.childCode(index + 1), name: name, grids: rng.int(in: 1...2)) { _ in rng.int(in: 1...2) }
                }
            }
            district.children.append(plan)
        }
        return district
    }

    /// 城厢's clusters of two or three communities, with the real totals of grids and micro-grids.
    private static func clusters(
        of town: AreaPlan, communities names: [String], using rng: inout SeededGenerator
    ) -> [AreaPlan] {
        let clusterSizes = partition(names.count, into: detailedClusters, each: 2...3, using: &rng)
        var gridCounts = partition(detailedGrids, into: names.count, each: 4...7, using: &rng)[...]
        var microGridCounts = partition(detailedMicroGrids, into: detailedGrids, each: 7...14, using: &rng)[...]
        var remainingNames = names[...]
        let shortName = town.name.hasSuffix("街道") ? String(town.name.dropLast(2)) : town.name
        return clusterSizes.enumerated().map { index, size in
            var cluster = AreaPlan(
                code: town.childCode(index + 1), name: "\(shortName)\(ChineseNumeral.of(index + 1))网层", level: .cluster)
            cluster.children = (1...size).map { number in
                community(cluster.childCode(number), name: remainingNames.removeFirst(), grids: gridCounts.removeFirst()) { _ in
                    microGridCounts.removeFirst()
                }
            }
            return cluster
        }
    }

    /// A community with `grids` grids, the `n`-th holding `microGrids(n)` micro-grids.
    private static func community(
        _ code: String, name: String, grids: Int, microGrids: (Int) -> Int
    ) -> AreaPlan {
        var community = AreaPlan(code: code, name: name, level: .community)
        community.children = (1...grids).map { gridNumber in
            var grid = AreaPlan(code: community.childCode(gridNumber), name: "\(name)第\(gridNumber)网格", level: .grid)
            grid.children = (1...microGrids(gridNumber)).map { number in
                AreaPlan(code: grid.childCode(number), name: "\(name)第\(gridNumber)网格\(number)号微网格", level: .microGrid)
            }
            return grid
        }
        return community
    }

    /// Splits `total` into `parts` counts, each within `range`, irregularly but exactly.
    static func partition(
        _ total: Int, into parts: Int, each range: ClosedRange<Int>, using rng: inout SeededGenerator
    ) -> [Int] {
        precondition(parts * range.lowerBound <= total && total <= parts * range.upperBound, "cannot split \(total) into \(parts) parts within \(range)")
        var counts = (0..<parts).map { total / parts + ($0 < total % parts ? 1 : 0) }
        for _ in 0..<(parts * 4) {
            let from = rng.int(below: parts), to = rng.int(below: parts)
            if from != to, counts[from] > range.lowerBound, counts[to] < range.upperBound {
                counts[from] -= 1
                counts[to] += 1
            }
        }
        return counts
    }
}

/// Chinese numerals for small ordinals, as in 第十四网层.
enum ChineseNumeral {
    private static let digits = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"]

    /// `number` (1…99) in Chinese: 一, 十, 十四, 二十一.
    static func of(_ number: Int) -> String {
        precondition((1...99).contains(number), "only 1…99 are supported")
        let tens = number / 10, ones = number % 10
        switch tens {
        case 0: return digits[ones]
        case 1: return "十" + digits[ones]
        default: return digits[tens] + "十" + digits[ones]
        }
    }
}
