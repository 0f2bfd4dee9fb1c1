/// Plausible Chinese personal names: surnames common in Zhejiang (来 among them, typical of Xiaoshan), drawn
/// with rough frequency weights, and given names of one or two characters.
enum ChineseNames {
    private static let surnames: [(String, Double)] = [
        ("王", 8), ("陈", 9), ("张", 6), ("李", 6), ("徐", 5), ("周", 4), ("吴", 4), ("沈", 4), ("朱", 3), ("俞", 3),
        ("楼", 2), ("汪", 2), ("孔", 1), ("来", 2), ("韩", 2), ("傅", 2), ("何", 2), ("钱", 2), ("蔡", 2), ("葛", 1.5),
        ("孙", 2), ("施", 1.5), ("鲁", 1), ("丁", 1), ("高", 2), ("倪", 1), ("任", 1), ("邵", 1.5), ("赵", 2), ("杨", 3),
        ("黄", 3), ("金", 2), ("胡", 2), ("郑", 2), ("方", 1.5), ("屠", 1), ("瞿", 0.5), ("华", 1), ("夏", 1), ("单", 1),
    ]
    private static let givenNames = [
        "建国", "伟", "芳", "丽萍", "志强", "海燕", "晓东", "建华", "美英", "国平", "雪梅", "丹", "婷", "浩", "杰", "佳怡",
        "立新", "红英", "金龙", "月娟", "振华", "秀芬", "小军", "燕", "斌", "磊", "静", "敏", "建军", "桂芳", "宏伟", "晓燕",
        "国强", "春华", "玲", "雅琴", "文杰", "伟民", "丽娟", "明", "军", "霞", "凯", "露", "晨", "鑫", "琳", "欣怡",
        "志明", "梦瑶", "建良", "水根", "阿芬", "关荣", "慧", "宇航", "子涵", "丽华", "永康", "雪芳",
    ]
    private static let surnameWeights = surnames.map(\.1)

    /// A full name such as 来建国 or 徐婷.
    static func random(using rng: inout SeededGenerator) -> String {
        surnames[rng.index(weights: surnameWeights)].0 + rng.pick(givenNames)
    }

    /// A surname, for phrases like 王先生 or 陈某.
    static func surname(using rng: inout SeededGenerator) -> String {
        surnames[rng.index(weights: surnameWeights)].0
    }
}
