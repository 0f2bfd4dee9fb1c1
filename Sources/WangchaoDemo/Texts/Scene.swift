/// The invented particulars of one case — its estate, street, shop, people and numbers — that
/// fill the description and result templates. All names are made up.
struct Scene {
    let community: String
    let estate: String
    let building: Int
    let unit: Int
    let room: String
    let road: String
    /// Another street of the same community, for crossings.
    let road2: String
    let number: Int
    let shop: String
    let eatery: String
    let market: String
    let school: String
    let gym: String
    let company: String
    let surname: String
    /// An evening hour, 21–23.
    let hour: Int
    let days: Int
    let months: Int
    let workers: Int
    let members: Int
    /// A sum owed to a group, in yuan.
    let amount: Int
    /// A sum owed to or lost by one person, in yuan.
    let smallAmount: Int
    /// Square metres.
    let area: Int
    let plate: String
    /// A small count (hazards found, households involved).
    let count: Int

    /// Draws a scene in `community`, on one of the streets that community has.
    static func draw(community: String, communityOrdinal: Int, using rng: inout SeededGenerator) -> Scene {
        let streets = PlaceWords.roads(forCommunity: communityOrdinal)
        let road = rng.pick(streets)
        let stem = String(community.prefix(2))
        return Scene(
            community: community,
            estate: rng.pick(PlaceWords.estates),
            building: rng.int(in: 1...28),
            unit: rng.int(in: 1...4),
            room: "\(rng.int(in: 1...18))0\(rng.int(in: 1...4))",
            road: road,
            road2: streets.first { $0 != road } ?? road,
            number: rng.int(in: 1...420),
            shop: rng.pick(PlaceWords.shops),
            eatery: rng.pick(PlaceWords.eateries),
            market: "\(stem)农贸市场",
            school: "\(stem)小学",
            gym: rng.pick(PlaceWords.brands) + rng.pick(["健身会所", "游泳健身馆", "瑜伽馆"]),
            company: "杭州\(rng.pick(PlaceWords.brands))\(rng.pick(PlaceWords.trades))有限公司",
            surname: ChineseNames.surname(using: &rng),
            hour: rng.int(in: 21...23),
            days: rng.int(in: 2...10),
            months: rng.int(in: 2...6),
            workers: rng.int(in: 3...40),
            members: rng.int(in: 50...600),
            amount: rng.int(in: 20...300) * 1000,
            smallAmount: rng.int(in: 30...300) * 100,
            area: rng.int(in: 5...60),
            plate: "浙A·" + String((0..<5).map { _ in rng.pick(PlaceWords.plateCharacters) }),
            count: rng.int(in: 2...6))
    }
}

/// Invented place and business names for scenes and addresses.
enum PlaceWords {
    static let roads = [
        "望潮路", "湘韵路", "萧然路", "惠泽路", "明德路", "和顺街", "兴业路", "钱湾路", "荷塘街", "青云路", "文渊路",
        "凤栖路", "永兴路", "宁康路", "春晖路", "桂香路", "朝阳路", "清风路", "南屏路", "梅林路", "栖霞街", "长乐路",
        "柳岸路", "泰和路", "安澜路", "丰收路", "振兴路",
    ]
    static let estates = [
        "金色家园", "湘湖人家", "江南花苑", "城南公寓", "润和苑", "惠民新村", "望潮苑", "世纪华庭", "萧然府", "鸿达花园",
        "和园小区", "银桂苑", "锦绣江南", "翠苑", "南秀苑", "东方名苑", "阳光城", "金都华府", "明珠花园", "荷花苑",
    ]
    static let shops = [
        "鑫盛便利店", "好又多超市", "万家福超市", "老陈五金店", "佳美理发店", "金鼎烟酒店", "百姓大药房", "华联水果店",
        "兴旺建材店", "新潮手机店",
    ]
    static let eateries = [
        "老王面馆", "萧山土菜馆", "川味小厨", "沙县小吃", "阿强烧烤", "兰州拉面", "湘香快餐", "杭帮菜馆", "夜宵大排档",
        "东北饺子馆",
    ]
    static let brands = ["恒达", "金诚", "宏利", "瑞丰", "天成", "万通", "新锐", "华盛", "永泰", "联创", "力健", "博远"]
    static let trades = ["机械", "纺织", "五金", "化纤", "汽配", "建材", "印染", "电子", "家居", "包装"]
    static let plateCharacters = Array("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789")

    /// Three streets of the community numbered `ordinal`, stable for a given district.
    static func roads(forCommunity ordinal: Int) -> [String] {
        [0, 5, 11].map { roads[(ordinal * 7 + $0) % roads.count] }
    }
}
