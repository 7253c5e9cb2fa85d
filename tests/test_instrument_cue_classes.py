"""Word classes, compositional verb+object cues, negation and condition scope in the instrument cue table.

A cue row may write ``<<name>>`` for the word class ontology/vocab/lexicons/cue_class_<name>.txt, so a verb class
and an object class compose one cue (给予 / 发放 … 补贴 / 奖励; 保障 … 用地 in either order; 开展 / 每季度 … 检查 /
检测 / 复核). A cue right after a negation (cue_negations.txt) is no evidence, and the cues of the instruments in
cue_scope_condition_instruments.txt are none inside an eligibility condition (cue_scope_conditions.txt). The
sentences are our own, in the shapes of other provinces' plans (dev batch 6 of tests/coding_dev).
"""
from __future__ import annotations

import re

import pytest

from ontology import vocab
from ontology.mapping import instruments
from ontology.mapping.text import sentences


def _codes(text: str) -> dict[str, str]:
    return {h.instrument.id: h.keyword for h in instruments.find(sentences(text, 0, len(text)))}


def test_class_references_expand_and_every_class_is_used():
    used: set[str] = set()
    for c in vocab.instrument_cues():
        for name in re.findall(r"<<([a-z_]+)>>", c.text):
            assert c.text.startswith("re:"), c  # a class lives in a regular expression row
            used.add(name)
            vocab.lexicon(f"cue_class_{name}")  # raises when the class file is missing or has no header
        instruments.cue_pattern(c.text)  # every row compiles once expanded
    shipped = {p.stem[len("cue_class_"):] for p in vocab.LEXICON_DIR.glob("cue_class_*.txt")}
    assert shipped == used, (shipped - used, used - shipped)
    rx = instruments.cue_regex("re:<<grant_verbs>>[^，。；]{0,4}<<grant_money>>")
    assert "<<" not in rx and re.search(rx, "按每张3000元给予建设补贴") and not re.search(rx, "建设补贴")
    assert instruments.cue_regex("a.b") == re.escape("a.b")  # a literal row stays literal


@pytest.mark.parametrize("text,expected,absent", [
    # verb class + object class, whichever verb of the class
    ("对组织老年旅游团的旅行社按接待人次给予奖励。", {"subsidy"}, set()),
    ("对连续从业满5年的护理员发放一次性入职奖励。", {"subsidy"}, set()),
    ("对获奖者给予表扬奖励。", set(), {"subsidy"}),  # an honour: the anti-cue still cancels
    # the object first, the supply verb after
    ("将重点项目纳入市级重点项目库，在用地、用能等方面予以优先保障。", {"land_space_supply"}, set()),
    ("优先保障嵌入式服务设施建设用地。", {"land_space_supply"}, set()),
    ("打造开放共享的公共空间。", set(), {"land_space_supply"}),
    # a check carried out, of whatever kind the class lists; a testing body is no check
    ("县级中心每季度对水厂出厂水开展一次水质检测。", {"regulation_supervision"}, set()),
    ("开展A级景区、星级酒店复核，对不达标的予以降级或摘牌。", {"regulation_supervision", "standards_certification"},
     set()),
    ("建设县级水质检测中心。", set(), {"regulation_supervision"}),
    # words used descriptively
    ("采取委托运营方式引入品牌化、连锁化专业机构运营服务设施。", {"public_private_operation"}, {"brand_building"}),
    ("鼓励有条件的企业品牌化、连锁化发展。", {"brand_building"}, set()),
    ("每年遴选一批社区开展服务设施建设试点。", {"pilot_demonstration"}, {"public_investment"}),
    # lead verb + public work + act of building, and a count of works built
    ("加快推进沿江生态缓冲带和小微湿地建设。", {"public_investment"}, set()),
    ("三年内补建室外消火栓200具。", {"public_investment"}, set()),
    ("推进公共设施体系建设。", set(), {"public_investment"}),  # system building is no facility
    # checks, sanctions and procedures of a supervising body
    ("城管部门负责加大夜间巡查力度，发现一起查处一起。", {"regulation_supervision"}, set()),
    ("督促施工单位在车辆出口安装称重设备和视频监控设备。", {"regulation_supervision"}, set()),
    ("在车站、广场增设视频监控点位，推动视频资源共享。", set(), {"regulation_supervision"}),
    ("为申请人办理排放许可相关手续。", {"regulation_supervision"}, set()),
    ("研究编制滨江岸线生态修复方案。", {"planning_layout"}, set()),
    ("研究制定《全区应急水源建设方案》。", {"planning_layout"}, set()),
    # equipment of a public service, in either order; firms' equipment is none
    ("逐步配齐满足山地救援需要的专用车辆，加快老旧装备更新。", {"public_investment"}, set()),
    ("支持企业开展大规模设备更新。", set(), {"public_investment"}),
    # an inspection, a qualification assessment, a rule, training among a body's actions
    ("对沿街商铺开展常态化排查。", {"regulation_supervision"}, set()),
    ("开展从业人员职业技能资格鉴定。", {"standards_certification"}, set()),
    ("组织编写并制定垃圾分类指导意见。", {"rule_making"}, set()),
    ("常态化开展宣传引导、教育培训、督导检查等工作。", {"training_talent"}, set()),
    ("开设面向老年人的书法、绘画等各类培训、活动和讲座。", set(), {"training_talent"}),
    ("编制项目成效评估标准。", {"standards_certification"}, {"regulation_supervision"}),
    ("结合社区综合管理平台建设，加强日常巡查。", {"regulation_supervision"}, {"digital_platform"}),
    # charges and prices (dev batch 7 shapes)
    ("阶段性降低失业保险、工伤保险费率，对不裁员的企业返还失业保险费。", {"tax_incentive", "subsidy"}, set()),
    ("发挥融资担保机构作用，降低担保费率。", {"finance_credit_insurance"}, {"tax_incentive"}),
    ("按照补偿成本的原则核定农村供水价格。", {"fee_price_regulation"}, set()),
    ("落实研发费用加计扣除政策。", {"tax_incentive"}, {"rd_support"}),
    # a platform firms build, or one that receives a grant, is no government platform
    ("支持龙头企业建设行业级工业互联网平台。", set(), {"digital_platform"}),
    ("对新认定的省级工业互联网平台给予50万元奖励。", {"subsidy"}, {"digital_platform"}),
    ("对企业实施的智能化改造项目给予补助。", {"subsidy"}, {"digital_platform"}),
    ("建设全市统一的就业服务信息平台。", {"digital_platform"}, set()),
])
def test_composed_cues(text, expected, absent):
    got = _codes(text)
    assert expected <= set(got), (text, got)
    assert not (absent & set(got)), (text, got)


@pytest.mark.parametrize("text,instrument", [
    ("探索向农户收取垃圾处理费。", "fee_price_regulation"),
    ("对符合条件的机构给予运营补贴。", "subsidy"),
    ("将该项工作纳入区级专项规划。", "planning_layout"),
])
def test_a_negation_cancels_the_cue_right_after_it(text, instrument):
    assert instrument in _codes(text)
    negated = {"收取": "不再收取", "给予": "不予给予", "纳入": "未纳入"}
    for word, neg in negated.items():
        if word in text:
            assert instrument not in _codes(text.replace(word, neg, 1)), text.replace(word, neg, 1)


def test_a_negation_that_is_the_cue_still_codes_and_compounds_deny_nothing():
    assert "mandate_obligation" in _codes("运营单位不得擅自改变设施用途。")
    assert "special_funds_bonds" in _codes("不断加大财政资金投入。")
    assert "regulation_supervision" in _codes("不定期开展安全检查。")
    # a negation reaches only the cue just after it: the sanction later in the clause codes
    assert "regulation_supervision" in _codes("对未按要求落实的单位予以通报。")


def test_a_grading_or_check_inside_an_eligibility_condition_is_no_evidence():
    got = _codes("对经验收合格的改造项目给予每户3000元补助。")
    assert "subsidy" in got and "regulation_supervision" not in got, got
    got = _codes("对评定为四星级以上的民办养老机构给予一次性奖励10万元。")
    assert "subsidy" in got and "standards_certification" not in got, got
    # the same words outside a condition are the measure's own action
    assert "regulation_supervision" in _codes("项目完工后组织竣工验收。")
    assert "standards_certification" in _codes("开展养老机构等级评定。")


def test_every_cue_row_has_exactly_four_fields():
    """A pattern with a comma ({0,30}) must be quoted, or the row splits and the pattern is cut short."""
    import csv

    with open(vocab.VOCAB_DIR / "instrument_cues.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.reader(ln for ln in f if not ln.startswith("#")))
    bad = [r for r in rows[1:] if r and len(r) != 4]
    assert not bad, bad[:3]
