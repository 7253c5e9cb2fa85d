"""Measure granularity in genres other than 规划 (实施意见, 若干措施, 工作方案, 评价激励办法): scope
and glossary sections and scoring-rule lists are no measures; a titled item that announces its own
sub-items (``（四）特殊激励情形。对以下情形给予…：``) is their heading; ``X由Y负责`` names Y.
Synthetic texts in those shapes; nothing is copied from any document."""
from __future__ import annotations

from loaders.pipeline import parse_text

META = {"file": "t.txt", "region": "某某区", "region_en": "Moumou", "level": "county"}


def _measures(lines: list[str]):
    return parse_text("\n".join(lines), META).measures


DOC = [
    "某某区养老服务机构星级评定激励实施意见",
    "一、工作职责",
    "（一）区民政局。牵头全区养老服务机构星级评定工作，委托第三方机构开展评估。",
    "（二）街道办事处。负责辖区内养老服务机构的申报初审和日常监管。",
    "二、适用范围",
    "本区依法登记备案并运营满一年的养老服务机构，床位数不少于20张。",
    "三、激励办法",
    "（一）提出申请。符合条件的机构每年提交一次申请，并附相关证明材料。",
    "（二）评定实施。评定工作由各街道负责组织实施，按时上报评定结果。",
    "（三）专项激励情形。对以下情形给予机构一次性奖励，奖励与星级无关：",
    "1.机构完成适老化改造并通过验收的，给予每张床位500元奖励；",
    "2.机构开展家庭照护床位服务的，按服务人数给予奖励；",
    "3.机构参与区级应急救援演练的，给予5000元奖励。",
    "四、评定内容",
    "（一）服务质量测评（占比50%）",
    "区民政局委托第三方机构对机构服务质量开展测评。",
    "（二）加分情形",
    "1.获得市级以上表彰的，加2分；",
    "2.被媒体正面报道的，加1分。",
    "（三）负面情形",
    "1.发生重大安全责任事故的；",
    "2.存在虐待老人行为的；",
    "3.未按要求使用奖励资金的；",
    "五、名词解释",
    "家庭照护床位：依托养老机构在老年人家中设置的具备机构服务功能的床位。",
]


def test_scope_glossary_and_scoring_sections_are_no_measures():
    titles = [m.title for m in _measures(DOC)]
    assert "适用范围" not in titles
    assert not [t for t in titles if "表彰" in t or "媒体" in t or "事故" in t or "虐待" in t]
    assert not [t for t in titles if "家庭照护床位" in t and "依托" in t]


def test_a_titled_item_announcing_its_items_is_their_heading():
    ms = _measures(DOC)
    titles = [m.title for m in ms]
    assert "专项激励情形" not in titles
    items = [m for m in ms if m.section_path[-1:] == ["专项激励情形"]]
    assert [m.title for m in items] == ["机构完成适老化改造并通过验收的", "机构开展家庭照护床位服务的",
                                        "机构参与区级应急救援演练的"]
    assert titles[:5] == ["区民政局", "街道办事处", "提出申请", "评定实施", items[0].title]


def test_the_body_after_you_in_a_subject_sentence_leads():
    [m] = [m for m in _measures(DOC) if m.title == "评定实施"]
    assert m.responsibility is not None and m.responsibility.lead == ["各街道"]


def test_task_headings_holding_a_background_word_hold_measures():
    # 工作要点 whose headings are the task areas themselves: 夯实…基础 / 完善基础设施 are tasks,
    # 发展基础 (a review) is background
    ms = _measures([
        "某某区2025年数字经济工作要点",
        "一、发展基础",
        "1.产业规模稳步扩大。全区数字经济核心产业增加值较上年增长8%。",
        "二、夯实数据基础",
        "1.建设数据资源平台。依托区大数据中心建设全区统一数据资源平台。",
        "2.开展数据质量提升行动。建立数据质量评价机制，定期通报数据质量情况。",
        "三、完善基础设施",
        "3.加快5G网络建设。新建5G基站200个，实现重点区域连续覆盖。",
    ])
    assert [(m.section_path[-1], m.title) for m in ms] == [
        ("夯实数据基础", "建设数据资源平台"), ("夯实数据基础", "开展数据质量提升行动"), ("完善基础设施", "加快5G网络建设")]


def test_a_spatial_layout_chapter_holds_no_measures_but_a_task_heading_on_it_does():
    # a 国土空间 plan's 空间格局 chapter describes strategies and the layout (一带一心 …): no measures;
    # 优化空间格局 opens with a task verb and holds measures
    lines = ["某某区国土空间近期规划",
             "二、空间格局",
             "（一）空间发展战略",
             "1.协同发展战略",
             "一是廊道共建，发挥本区在区域创新走廊中的带动作用。二是门户共筑，融入城市西部重点地区。",
             "（二）空间结构",
             "“一带”：强化滨河经济带能级，打造全龄友好活动区。",
             "三、行动任务",
             "（一）优化空间格局行动",
             "一是推进滨河地区功能提升，建设高品质公共空间。二是完善重点地区配套设施。"]
    ms = _measures(lines)
    assert all("空间格局" not in m.section_path and "空间结构" not in m.section_path for m in ms)
    assert ms and all(m.section_path[0] == "行动任务" for m in ms)


def test_a_definition_section_holds_no_measures():
    titles = [m.title for m in _measures([
        "某某区餐厨废弃物管理实施意见",
        "一、餐厨废弃物定义",
        "本意见所称餐厨废弃物，是指餐饮经营和单位食堂产生的食物残余和废弃食用油脂。",
        "二、管理要求",
        "（一）规范收集。产生单位应当设置专用收集容器，分类投放。",
        "（二）规范运输。收运单位应当使用密闭车辆，按规定路线运输。",
    ])]
    assert titles == ["规范收集", "规范运输"], titles


def test_heading_clauses_task_titles_ending_like_a_body_and_tail_clauses_with_a_deadline():
    doc = parse_text("\n".join([
        "某某县2025年优化营商环境工作方案",
        "一、重点任务",
        "（一）提升政务服务【责任单位：县政务服务中心】",
        "1.推进一网通办。政务服务事项网上可办率达到95%。",
        "2.推行帮办代办。为重点项目提供全程帮办。",
        "（二）优化法治环境",
        "3.规范执法行为。推行柔性执法。责任单位：县司法局，县市场局；完成时限：2025年12月",
    ]), META)
    got = [(m.title, m.responsibility and m.responsibility.lead, m.responsibility and m.responsibility.involved,
            m.deadline) for m in doc.measures]
    assert got == [("推进一网通办", ["县政务服务中心"], [], None), ("推行帮办代办", ["县政务服务中心"], [], None),
                   ("规范执法行为", ["县司法局"], ["县市场局"], "2025年12月")], got


def test_an_ordinal_paragraph_is_titled_without_its_ordinal():
    titles = [m.title for m in _measures([
        "某某区推进商业体系建设行动方案",
        "一、重点任务",
        "（一）培育商业主体",
        "一是引导连锁企业下沉。鼓励品牌连锁企业在街道开设门店。",
        "二是扶持个体工商户。落实个体工商户税费优惠政策。",
    ])]
    assert titles == ["引导连锁企业下沉", "扶持个体工商户"], titles
