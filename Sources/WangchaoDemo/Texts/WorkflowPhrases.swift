/// What staff write when they refuse, pass on, delay or chase a case.
enum WorkflowPhrases {
    static let rejectReasons = [
        "非本辖区事项，已告知反映人向属地反映",
        "反映内容属于司法程序范围，已告知通过诉讼途径解决",
        "信息不全且无法联系反映人，无法核实",
        "反映事项已有明确处理结论，无新情况新理由",
    ]
    static let mergeNotes = ["与已受理案件反映同一事项，合并办理", "重复反映，并入前案一并处置"]
    static let escalateReasons = [
        "情况复杂，本级力量无法处置，提请上级协调",
        "涉及多个部门职责，需上级统筹处置",
        "超出本级处置权限，申请上报",
    ]
    static let returnReasons = ["不属于本单位职责范围，请重新派遣", "事发地点不在本单位辖区，申请退回"]
    static let extensionReasons = [
        "需等待相关部门联合执法，申请延期",
        "涉及第三方维修，配件到货需要时间",
        "当事人外出，需另约时间上门调解",
    ]
    static let parkReasons = ["需纳入老旧小区改造计划统一解决", "涉及历史遗留问题，待上级政策明确后处理"]
    static let voidReasons = ["经现场核实，反映问题不存在", "重复录入，申请作废"]
    static let supervisions = ["请加快处置进度，今日内反馈结果", "群众多次来电催办，请尽快到场处置", "该案件即将超期，请抓紧办理"]
    static let supervisionAnswers = ["已安排人员到场处置，预计今日完成", "已联系当事人，正在协调处理", "已加派人手，明日上午前办结"]
    static let reopenReasons = ["回访群众不满意，问题未彻底解决，重新办理", "群众反映问题反弹，重新派遣处置"]
    static let reworkNotes = ["现场核查问题未解决，退回重新处置", "核查发现整改不到位，要求返工"]
}
