/// Road names for the demo's standard addresses, unique in the district (a door is its road
/// and number, so two communities must never share a road name).
///
/// Stems avoid the names of 萧山区's towns and communities, which the parser would read as a
/// place rather than a road (蜀山路 after 萧山区 reads as 蜀山街道).
enum DemoRoadNames {
    static let stems = [
        "金城", "人民", "市心", "文化", "通惠", "工人", "萧然", "山阴", "体育", "城河", "萧绍", "建设", "新华", "振宁",
        "宏图", "恒隆", "丰惠", "湘西", "银河", "紫金", "博学", "明星", "晨晖", "鸿达", "利华", "永兴", "兴议", "桃源",
        "杏花", "荷花", "桂花", "兰亭", "凤凰", "龙泉", "金鸡", "银杏", "香樟", "红垦", "湖滨", "望江", "观澜", "知章",
        "文明", "和谐", "幸福", "光明", "创新", "科技", "学士", "振兴", "东旺", "星光", "春晖", "秋实", "冬青", "锦绣",
        "华丰", "宝盛", "祥和", "瑞丽", "彩虹", "长寿", "安康", "启航", "翠竹", "白鹭", "青云", "碧波", "明月", "朝阳",
        "玉兰", "芙蓉", "松涛", "金鑫", "富春", "钱江", "之江", "运河",
    ]
    static let forms = [
        "路", "街", "东路", "西路", "南路", "北路", "中路", "一路", "二路", "三路", "四路", "五路", "东街", "西街", "南街",
        "北街", "巷", "一巷", "二巷", "三巷",
    ]

    /// Every name, in an order shuffled by `rng`.
    static func shuffled(using rng: inout SeededGenerator) -> [String] {
        var names = stems.flatMap { stem in forms.map { stem + $0 } }
        for i in stride(from: names.count - 1, to: 0, by: -1) {
            names.swapAt(i, rng.int(in: 0...i))
        }
        return names
    }
}
