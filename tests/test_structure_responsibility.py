"""Responsibility in the forms of 若干措施 / 实施意见 / 工作要点 of other provinces: trailing
brackets (with or without a role word), a 责任单位： line after the item, 牵头/配合 written across
two lines, role-line blocks, one bracketed clause on its own line after a run of sub-items, and
一是…二是… items run in one paragraph. Synthetic texts in those shapes; nothing is copied."""
from __future__ import annotations

from loaders.pipeline import parse_text

META = {"file": "t.txt", "region": "某市", "region_en": "Moushi", "level": "prefecture"}


def _measures(lines: list[str]):
    return parse_text("\n".join(lines), META).measures


def _who(m):
    r = m.responsibility
    return (r.lead, r.involved) if r else None


def test_item_forms_of_a_set_of_measures():
    ms = _measures([
        "某市关于促进民营经济发展的若干措施",
        "为进一步激发民营经济活力，制定以下措施。",
        "一、加大财政支持",
        "1.设立民营经济发展专项资金。市财政每年安排专项资金，支持民营企业开展技术改造。"
        "（市财政局、市工信局牵头，各县（市、区）政府按职责分工负责）",
        "2.落实税费减免政策。全面落实小微企业减税降费政策，确保应享尽享。",
        "责任单位：市税务局、市财政局",
        "3.降低企业用能成本。推进电力市场化交易，降低企业用电成本。",
        "牵头单位：市发展改革委",
        "配合单位：市工信局、市供电公司",
        "二、优化金融服务",
        "（1）扩大信贷投放。引导金融机构加大对民营企业的信贷支持力度。"
        "（责任单位：市金融工作局、市财政局，完成时限：2025年底前）",
        "（2）发展政府性融资担保。做大市融资担保集团，降低担保费率。市财政局牵头，",
        "市金融工作局配合。",
        "三、强化服务保障",
        "一是建立常态化政企沟通机制。定期召开民营企业座谈会，协调解决企业诉求。（市工商联牵头）"
        "二是开展涉企收费专项治理。严厉查处违规收费行为。（市市场监管局）",
    ])
    got = [(m.title, _who(m), m.deadline) for m in ms]
    assert got == [
        ("设立民营经济发展专项资金", (["市财政局", "市工信局"], ["各县（市、区）政府"]), None),
        ("落实税费减免政策", (["市税务局"], ["市财政局"]), None),
        ("降低企业用能成本", (["市发展改革委"], ["市工信局", "市供电公司"]), None),
        ("扩大信贷投放", (["市金融工作局"], ["市财政局"]), "2025年底前"),
        ("发展政府性融资担保", (["市财政局"], ["市金融工作局"]), None),
        ("建立常态化政企沟通机制", (["市工商联"], []), None),
        ("开展涉企收费专项治理", (["市市场监管局"], []), None),
    ]


def test_a_clause_line_after_a_run_of_sub_items_names_the_whole_run():
    ms = _measures([
        "某市公共文化服务体系建设实施意见",
        "一、完善设施网络",
        "1.推进基层文化设施建设",
        "（1）加快建设县级图书馆、文化馆总分馆，实现乡镇全覆盖。",
        "（2）推动村级综合性文化服务中心提档升级。",
        "（3）鼓励社会力量参与公共文化设施运营。",
        "（责任单位：市文化和旅游局、市财政局、各县（市、区）人民政府）",
        "2.加强数字文化建设",
        "（1）建设全市公共文化云平台。",
        "（2）推进公共图书馆数字资源共建共享。（市大数据局负责）",
        "（3）开展线上文化活动。",
        "（责任单位：市文化和旅游局）",
    ])
    who = [(m.title, _who(m)) for m in ms]
    run = (["市文化和旅游局"], ["市财政局", "各县（市、区）人民政府"])
    assert who[:3] == [("加快建设县级图书馆、文化馆总分馆", run), ("推动村级综合性文化服务中心提档升级", run),
                       ("鼓励社会力量参与公共文化设施运营", run)]
    # a run where an item names its own agency: the line closes its own item only
    assert who[3:] == [("建设全市公共文化云平台", None), ("推进公共图书馆数字资源共建共享", (["市大数据局"], [])),
                       ("开展线上文化活动", (["市文化和旅游局"], []))]


def test_a_bare_bracket_inside_the_text_is_no_clause():
    ms = _measures([
        "某市数据要素市场建设工作要点",
        "一、重点任务",
        "1.建设数据资源平台。依托市大数据中心（以下简称市数据中心）建设全市统一数据资源平台。",
        "2.开展数据质量提升行动。建立数据质量评价机制，定期通报各单位数据质量情况。",
    ])
    assert [_who(m) for m in ms] == [None, None]


def test_a_heading_with_a_clause_names_the_agencies_of_its_items():
    ms = _measures([
        "某市推进养老服务高质量发展三年行动计划",
        "一、重点任务",
        "（一）完善养老服务设施（牵头单位：市民政局；配合单位：市规划资源局、市住房城乡建设管理委）",
        "1.新建社区嵌入式养老服务综合体5家，实现区县全覆盖。",
        "2.推进老年助餐点建设，新增助餐点20个。（市商务委负责）",
        "（二）提升养老服务质量",
        "3.开展养老护理员技能培训，每年培训1000人次。",
        "市卫生健康委牵头，市民政局配合。",
    ])
    assert [(m.section_path[-1], m.title, _who(m)) for m in ms] == [
        ("完善养老服务设施", "新建社区嵌入式养老服务综合体5家", (["市民政局"], ["市规划资源局", "市住房城乡建设管理委"])),
        ("完善养老服务设施", "推进老年助餐点建设", (["市商务委"], [])),
        ("提升养老服务质量", "开展养老护理员技能培训", (["市卫生健康委"], ["市民政局"])),
    ]
