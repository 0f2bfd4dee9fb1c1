/// How people describe each kind of matter, and what handlers write when it is done: several
/// wordings per category code of `categories.json`, filled from a ``Scene``.
enum DescriptionTemplates {
    typealias Template = @Sendable (Scene) -> String

    struct Texts: Sendable {
        let descriptions: [Template]
        let results: [Template]
    }

    /// A description of a `code` matter in `scene`.
    static func description(of code: String, in scene: Scene, using rng: inout SeededGenerator) -> String {
        rng.pick(texts(code).descriptions)(scene)
    }

    /// What the handler reports after handling a `code` matter in `scene`.
    static func result(of code: String, in scene: Scene, using rng: inout SeededGenerator) -> String {
        rng.pick(texts(code).results)(scene)
    }

    private static func texts(_ code: String) -> Texts {
        guard let texts = byCategory[code] else { preconditionFailure("no description templates for category \(code)") }
        return texts
    }

    static let byCategory: [String: Texts] = [
        "AQ01": Texts(descriptions: [
            { "\($0.estate)\($0.building)幢\($0.unit)单元楼道内堆放大量纸箱杂物，堵塞消防通道，存在火灾隐患" },
            { "\($0.estate)\($0.building)幢一楼有住户从楼上拉电线给电动车飞线充电，夜间无人看管，存在较大火灾隐患" },
            { "\($0.road)\($0.number)号\($0.shop)门口消火栓被货物遮挡，店内灭火器已过期未更换" },
            { "\($0.estate)地下车库消防通道被私家车长期占用，消防车无法通行" },
        ], results: [
            { _ in "已督促清理楼道杂物，消防通道恢复畅通，并张贴消防安全提示" },
            { _ in "已拆除飞线，劝导住户到小区集中充电点充电，纳入网格日常巡查" },
            { _ in "已督促店主清理消火栓周边货物并更换灭火器" },
        ]),
        "AQ02": Texts(descriptions: [
            { "\($0.company)车间内易燃物料堆放混乱，安全出口被堵，员工反映存在安全隐患" },
            { "\($0.road)一处在建工地脚手架未设防护网，高空作业人员未系安全带" },
            { "\($0.company)在厂房内违规存放多桶稀释剂等危化品，无专人管理" },
        ], results: [
            { $0.company + "已按要求清理通道、规范物料堆放，现场检查合格" },
            { _ in "已督促施工单位停工整改，完善防护设施后复工" },
            { _ in "已会同应急管理人员现场检查，责令企业限期整改并安排复查" },
        ]),
        "AQ03": Texts(descriptions: [
            { "\($0.estate)\($0.building)幢\($0.room)室附近闻到明显煤气味，怀疑燃气泄漏" },
            { "\($0.eatery)后厨液化气钢瓶与灶具距离过近，软管老化开裂" },
            { "\($0.road)\($0.number)号出租房内多户使用液化气钢瓶做饭，存在安全隐患" },
        ], results: [
            { _ in "燃气公司已到场关阀检修，更换老化管件，泄漏已排除" },
            { _ in "已督促店主更换合格软管并加装燃气报警器" },
            { _ in "已督促房东收回液化气钢瓶，改用电器具，并开展燃气安全宣传" },
        ]),
        "AQ04": Texts(descriptions: [
            { "\($0.estate)\($0.building)幢外墙瓷砖大面积空鼓，近日有碎片掉落，威胁行人安全" },
            { "\($0.community)\($0.road)\($0.number)号老房子墙体开裂明显，雨后裂缝扩大，住户担心倒塌" },
            { "\($0.estate)\($0.building)幢顶楼雨棚松动，大风天存在坠落风险" },
        ], results: [
            { _ in "已设置警戒区域，联系物业和专业单位清除空鼓外墙并修复" },
            { _ in "已组织房屋安全鉴定，劝导住户临时搬离并落实加固措施" },
            { _ in "已拆除松动雨棚，消除坠落隐患" },
        ]),
        "JF01": Texts(descriptions: [
            { "\($0.estate)\($0.building)幢\($0.room)室卫生间漏水至楼下，两户多次协商未果，矛盾激化" },
            { "\($0.community)村民\($0.surname)某与邻居因宅基地边界围墙发生争执，双方情绪激动" },
            { "\($0.estate)\($0.building)幢住户在公共楼道堆放杂物、安装鞋柜，邻居多次沟通无果" },
            { "\($0.estate)楼上住户晚上\($0.hour)点后经常拖动家具，楼下老人无法休息，双方多次发生口角" },
        ], results: [
            { _ in "经网格员和调解员上门调解，双方达成一致意见，签订调解协议" },
            { _ in "已组织双方面对面协商，楼上住户承诺整改，矛盾已化解" },
        ]),
        "JF02": Texts(descriptions: [
            { "\($0.estate)业主反映物业公司\($0.days)天未清运垃圾、电梯故障无人维修，多户拒交物业费引发纠纷" },
            { "\($0.estate)物业擅自提高停车费标准，业主不满聚集到物业办公室讨说法" },
            { "\($0.estate)业委会与物业公司因公共收益分配问题产生纠纷，业主意见较大" },
        ], results: [
            { _ in "社区召集业委会、物业和业主代表协商，物业承诺限期整改" },
            { _ in "已组织三方协调会，停车费暂按原标准收取，待业主大会表决" },
        ]),
        "JF03": Texts(descriptions: [
            { "\($0.company)拖欠\($0.workers)名工人\($0.months)个月工资共计约\($0.amount)元，工人聚集讨薪" },
            { "\($0.road)一工地包工头失联，\($0.workers)名农民工工资未结清" },
            { "\($0.eatery)老板拖欠服务员工资\($0.smallAmount)元，且未签订劳动合同" },
        ], results: [
            { _ in "已联合劳动监察约谈企业负责人，企业承诺分期支付欠薪" },
            { _ in "经劳动监察介入，欠薪已全部结清，工人情绪稳定" },
        ]),
        "JF04": Texts(descriptions: [
            { "\($0.community)老人\($0.surname)某反映子女长期不履行赡养义务，生活困难" },
            { "\($0.estate)\($0.building)幢一对夫妻因离婚财产分割多次争吵，邻居担心发生意外" },
            { "\($0.community)\($0.surname)家兄弟因老宅继承问题发生纠纷，多次争执" },
        ], results: [
            { _ in "已上门调解，子女同意按月支付赡养费并轮流照顾老人" },
            { _ in "调解员已介入疏导，引导当事人通过法律途径解决" },
        ]),
        "JF05": Texts(descriptions: [
            { "\($0.community)两户村民因承包地界桩位置发生争议，相互毁坏青苗" },
            { "\($0.community)村民反映山林承包合同到期后续包存在分歧，\($0.count)户联名反映" },
            { "\($0.community)\($0.surname)某建房占用邻居宅基地约\($0.area)平方米，双方发生纠纷" },
        ], results: [
            { _ in "已组织村干部和自然资源所现场勘界，双方认可调解方案" },
            { _ in "经镇村两级调解，双方同意按原合同约定处理" },
        ]),
        "JF06": Texts(descriptions: [
            { "\($0.road)\($0.gym)突然闭店，会员预付卡余额无法退还，涉及会员约\($0.members)人" },
            { "\($0.road)一家教育培训机构停课，家长预交学费\($0.smallAmount)元无法退还" },
            { "\($0.gym)法定代表人变更为外地老人后门店停业，疑似职业闭店，消费者集中投诉" },
        ], results: [
            { _ in "市场监管部门已约谈经营者，制定退费方案，已退还部分会员费用" },
            { _ in "已立案调查并引导消费者登记债权，同步移交公安核查" },
        ]),
        "JF07": Texts(descriptions: [
            { "患者家属反映在\($0.community)社区卫生服务站就诊后病情加重，要求院方给说法" },
            { "\($0.surname)某在医院手术后出现并发症，家属与院方就赔偿问题协商未果" },
        ], results: [
            { _ in "已引导双方到医调委调解，院方同意先行垫付部分治疗费用" },
            { _ in "经医疗纠纷人民调解，双方达成赔偿协议" },
        ]),
        "JF08": Texts(descriptions: [
            { "\($0.community)\($0.surname)某对房屋征迁补偿评估结果有异议，拒绝签约" },
            { "\($0.community)\($0.count)户拆迁户反映安置房分配方案不公，联名反映" },
            { "\($0.road)沿线征迁户对过渡安置费发放时间有意见" },
        ], results: [
            { _ in "已组织征迁办和评估公司上门解释政策，并重新核对测量面积" },
            { _ in "已召开征迁户座谈会，对方案进行公示说明，群众情绪平稳" },
        ]),
        "SR01": Texts(descriptions: [
            { "\($0.road)\($0.number)号附近垃圾桶满溢，垃圾散落一地无人清理，气味难闻" },
            { "\($0.estate)东门外绿化带内有大量建筑垃圾被随意倾倒" },
            { "\($0.market)周边污水横流，地面油污严重" },
            { "\($0.road)人行道上有一堆暴露垃圾，已堆放\($0.days)天" },
        ], results: [
            { _ in "已通知环卫公司清运，现场已清理干净" },
            { _ in "已清理建筑垃圾，设置禁倒警示牌，加强巡查" },
        ]),
        "SR02": Texts(descriptions: [
            { "\($0.estate)\($0.building)幢顶楼住户正在楼顶搭建彩钢瓦房" },
            { "\($0.community)\($0.road)\($0.number)号未经审批擅自加层建设" },
            { "\($0.estate)一楼住户在公共绿地上圈地搭建阳光房" },
        ], results: [
            { _ in "已下达责令停止违法行为通知书，当事人已自行拆除" },
            { _ in "执法队员已现场制止，违建部分已依法拆除" },
        ]),
        "SR03": Texts(descriptions: [
            { "\($0.road)\($0.school)门口每天下午有多个流动摊贩占道经营，影响学生通行" },
            { "\($0.road)\($0.shop)长期出店经营，货物摆放至人行道" },
            { "\($0.market)周边早市摊贩占用机动车道，造成交通拥堵" },
            { "\($0.road)夜间有烧烤摊占道经营，油烟扰民" },
        ], results: [
            { _ in "已现场劝离流动摊贩，引导至临时疏导点经营" },
            { _ in "已责令店主将货物搬回店内，并签订门前三包责任书" },
        ]),
        "SR04": Texts(descriptions: [
            { "\($0.road)一工地晚上\($0.hour)点后仍在施工，噪音很大，影响周边居民休息" },
            { "\($0.estate)广场舞音响音量过大，每晚持续到\($0.hour)点" },
            { "\($0.road)\($0.eatery)空调外机和排风扇噪音扰民，楼上住户无法入睡" },
        ], results: [
            { _ in "已责令工地停止夜间施工，确需夜间作业须办理审批" },
            { _ in "已与广场舞队协商，调低音量并约定结束时间" },
            { _ in "已督促店家加装消音设施并调整外机位置" },
        ]),
        "SR05": Texts(descriptions: [
            { "\($0.road)有渣土车沿途抛洒泥浆，路面污染严重" },
            { "夜间大量工程车从\($0.road)经过，车速快、噪音大，未按规定路线行驶" },
            { "\($0.road)一工地出口未设冲洗设施，车辆带泥上路" },
        ], results: [
            { _ in "已通报运输公司并督促清洗路面，对违规车辆依法处罚" },
            { _ in "已督促工地完善冲洗设施，安排专人值守" },
        ]),
        "SR06": Texts(descriptions: [
            { "\($0.estate)消防通道上长期停放私家车，车牌\($0.plate)" },
            { "\($0.road)\($0.school)门口上下学时段车辆乱停乱放，堵塞道路" },
            { "\($0.road)人行道上共享单车大量堆积，行人无法通行" },
            { "一辆货车长期停放在\($0.road)\($0.number)号门口，影响店铺经营和通行" },
        ], results: [
            { _ in "已联系车主将车辆移走，并张贴禁停提示" },
            { _ in "已通知共享单车运维人员清理调度，车辆已摆放整齐" },
        ]),
        "SR07": Texts(descriptions: [
            { "\($0.company)夜间向附近河道偷排污水，河水发黑发臭" },
            { "\($0.community)有人在田间焚烧垃圾和秸秆，浓烟很大" },
            { "\($0.road)附近一家加工厂排放刺鼻废气，周边居民反映强烈" },
        ], results: [
            { _ in "已会同生态环境部门现场取样，责令企业停产整改" },
            { _ in "已扑灭焚烧火点，对当事人进行教育并加强巡查" },
        ]),
        "SC01": Texts(descriptions: [
            { "\($0.road)\($0.eatery)后厨卫生脏乱，有老鼠出没，从业人员无健康证" },
            { "在\($0.shop)购买的牛奶已过保质期仍在销售" },
            { "\($0.school)周边小卖部销售三无辣条等零食" },
            { "\($0.surname)先生在\($0.eatery)用餐后出现腹泻呕吐，怀疑食物中毒" },
        ], results: [
            { _ in "市场监管人员已现场检查，责令整改并下架过期商品" },
            { _ in "已对涉事餐饮店立案调查，督促落实食品安全主体责任" },
        ]),
        "SC02": Texts(descriptions: [
            { "\($0.community)\($0.road)\($0.number)号有一家黑作坊无证加工豆制品" },
            { "\($0.road)一家足浴店无营业执照经营" },
            { "\($0.estate)居民楼内有人开设无证小饭桌托管学生" },
        ], results: [
            { _ in "已依法取缔无证作坊，暂扣加工设备" },
            { _ in "已责令停止经营，引导其依法办理相关证照" },
        ]),
        "SC03": Texts(descriptions: [
            { "在\($0.road)\($0.shop)购物时被多收费用，标价与结算价不一致" },
            { "\($0.market)有摊主缺斤短两，消费者多次投诉" },
            { "在\($0.road)一家手机店购买的手机疑似翻新机，商家拒绝退换" },
        ], results: [
            { _ in "经调解商家已退还多收款项并赔礼道歉" },
            { _ in "已对涉事摊位进行计量检查，督促商户规范经营" },
        ]),
        "JT01": Texts(descriptions: [
            { "\($0.road)与\($0.road2)交叉口红绿灯故障，车辆通行混乱" },
            { "\($0.road)\($0.school)门口缺少减速带和人行横道，学生过马路危险" },
            { "\($0.road)发生一起电动车与小轿车碰擦事故，有人受轻伤" },
            { "\($0.road)有大量电动车逆行、闯红灯，存在交通安全隐患" },
        ], results: [
            { _ in "已通知交警修复信号灯，现场安排人员疏导交通" },
            { _ in "已施划人行横道、设置减速带，加强上下学时段护学" },
            { _ in "已会同交警处理事故，伤者已送医，道路恢复通行" },
        ]),
        "ZA01": Texts(descriptions: [
            { "\($0.community)居民\($0.surname)某接到自称公检法人员的电话，被要求向“安全账户”转账，已转出\($0.smallAmount)元" },
            { "\($0.estate)一名老人疑似被冒充客服诈骗，家属发现后求助" },
            { "\($0.surname)女士反映参与网络刷单返利，被骗\($0.smallAmount)元" },
        ], results: [
            { _ in "已及时劝阻并联系银行止付，向居民开展反诈宣传" },
            { _ in "已移交公安机关立案侦查，网格员上门开展反诈宣传" },
        ]),
        "ZA02": Texts(descriptions: [
            { "\($0.estate)\($0.building)幢出租房内人员流动频繁，疑似群租，存在治安隐患" },
            { "\($0.road)\($0.number)号附近夜间经常有可疑人员徘徊，已有多辆电动车被盗" },
            { "\($0.community)一处废弃厂房有闲散人员聚集，夜间吵闹" },
        ], results: [
            { _ in "已会同派出所开展出租房检查，督促房东落实流动人口登记" },
            { _ in "已加强夜间巡逻，协调增设监控探头" },
        ]),
        "SS01": Texts(descriptions: [
            { "\($0.road)\($0.number)号门口窨井盖破损，存在安全隐患" },
            { "\($0.estate)北门路灯不亮已\($0.days)天，夜间出行不便" },
            { "\($0.road)人行道护栏被撞倒，无人修复" },
            { "\($0.estate)健身器材损坏，老人使用时险些受伤" },
        ], results: [
            { _ in "已更换破损井盖，现场恢复正常" },
            { _ in "已维修路灯，恢复夜间照明" },
            { _ in "已修复损坏设施，并设置使用提示" },
        ]),
        "SS02": Texts(descriptions: [
            { "\($0.road)\($0.number)号附近路面出现大坑，电动车经过容易摔倒" },
            { "\($0.road)人行道砖松动、大面积破损" },
            { "\($0.community)村道塌陷约\($0.area)平方米，影响村民出行" },
        ], results: [
            { _ in "已安排养护单位修补坑槽，路面恢复平整" },
            { _ in "已设置围挡并修复塌陷路面" },
        ]),
        "SS03": Texts(descriptions: [
            { "\($0.estate)从早上开始停水，没有接到任何通知" },
            { "\($0.road)一带突然停电，多家商户受影响" },
            { "\($0.road)\($0.number)号附近自来水管爆裂，大量自来水外溢" },
        ], results: [
            { _ in "已联系供水公司抢修，管道修复后恢复供水" },
            { _ in "供电部门已到场排查线路故障，已恢复供电" },
        ]),
        "QY01": Texts(descriptions: [
            { "\($0.company)反映招工困难，希望协助对接用工资源" },
            { "\($0.company)申请的技改补助迟迟未兑现，咨询办理进度" },
            { "\($0.company)反映厂区门口道路破损，货车进出困难，影响生产" },
        ], results: [
            { _ in "已对接人社部门组织专场招聘，企业已招到部分员工" },
            { _ in "已协调相关部门加快审核，并告知企业兑现时间" },
            { _ in "已协调养护单位修复厂区门口道路" },
        ]),
        "QY02": Texts(descriptions: [
            { "\($0.company)点单申请安全生产指导，希望专家上门排查隐患" },
            { "\($0.company)反映上次检查发现的隐患已整改完毕，申请复查" },
            { "\($0.company)希望为员工开展消防安全培训" },
        ], results: [
            { "已安排专家上门指导，发现隐患\($0.count)处并督促整改" },
            { _ in "已完成复查，隐患整改到位" },
            { _ in "已组织消防安全培训，并开展疏散演练" },
        ]),
        "MS01": Texts(descriptions: [
            { "\($0.community)独居老人\($0.surname)某行动不便，生活困难，需要帮扶" },
            { "\($0.estate)一户家庭因病致贫，申请临时救助" },
            { "\($0.community)残疾人\($0.surname)某反映住房漏雨，无力维修" },
        ], results: [
            { _ in "社区已上门走访，帮助申请临时救助，并安排志愿者定期探访" },
            { _ in "已纳入结对帮扶对象，落实助餐服务" },
        ]),
        "ZX01": Texts(descriptions: [
            { "居民咨询\($0.community)附近哪里可以办理居住证" },
            { "\($0.surname)女士求助：家中老人走失，穿深色外套，请协助寻找" },
            { "\($0.estate)居民咨询老旧小区加装电梯需要哪些手续" },
        ], results: [
            { _ in "已电话答复办理地点和所需材料" },
            { _ in "已发动网格员和志愿者协助寻找，老人已平安找回" },
        ]),
        "ZX02": Texts(descriptions: [
            { _ in "咨询灵活就业人员如何在萧山缴纳社保" },
            { _ in "咨询新生儿医保参保办理流程" },
            { "咨询\($0.community)老旧小区改造政策及实施时间" },
            { _ in "咨询外地户籍子女在萧山入学需要哪些材料" },
        ], results: [
            { _ in "已电话答复相关政策和办理流程" },
            { _ in "已告知办理渠道，并发送办事指南" },
        ]),
        "QT99": Texts(descriptions: [
            { "\($0.road)一棵行道树枝叶遮挡路牌，影响辨认" },
            { "\($0.estate)有流浪狗聚集，居民担心被咬伤" },
            { "\($0.community)公告栏内容过期，希望更新" },
        ], results: [
            { _ in "已联系相关单位处理完毕" },
            { _ in "已协调处理，并回复反映人" },
        ]),
    ]
}
