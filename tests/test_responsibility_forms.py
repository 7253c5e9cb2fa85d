"""Responsibility forms of other provinces' plans (分工方案, 实施意见, 工作要点 of Zhejiang, Hubei,
Shaanxi, Guangdong, Shanxi …), one rule each: 由A牵头、B配合 / A会同B / 由A、B或C组织实施 /
由A、B统一指导, conjunctions between bodies, closing clauses 以上工作由…牵头 for the items before
them, blanket clauses reaching every later item with a clause, generic local governments as subjects with 要,
names that start with 市 (市场监管局, 市监局), functions of names outside the core vocabulary, and
placeholders. Synthetic sentences in those shapes; nothing is copied."""
from __future__ import annotations

import pytest

from loaders.pipeline import parse_text
from ontology import responsibility as resp
from ontology.mapping import agencies
from ontology.mapping.plans import RegionRef

META = {"file": "t.txt", "region": "某市", "region_en": "Moushi", "level": "prefecture"}
CITY = [RegionRef("region:moushi", "某市", "Moushi", "prefecture", "moushi"),
        RegionRef("region:moudong", "某东省", "Moudong", "province", "moudong")]
COUNTY = [RegionRef("region:mouqu", "某区", "Mouqu", "county", "mouqu"), *CITY]


def _who(lines: list[str]):
    out = []
    for m in parse_text("\n".join(lines), META).measures:
        r = m.responsibility
        out.append((m.title, (r.lead, r.involved, r.implied) if r else None))
    return out


@pytest.mark.parametrize("text, lead, involved", [
    # the lead part ends at its verb, not at the next 、
    ("河湖治理全面推开。市水务局牵头、市生态环境局配合。", ["市水务局"], ["市生态环境局"]),
    # 会同 inside 由…负责: those it acts together with are involved
    ("建设数字政府。由市数据局会同市审批服务局负责。", ["市数据局"], ["市审批服务局"]),
    # 由A、B或C组织实施: joint verbs, 或 between bodies, the first named leads
    ("开展专项整治。由市公安局、市市场监管局或市城管局组织实施。", ["市公安局"], ["市市场监管局", "市城管局"]),
    ("推进绿化。由市绿化市容局、市规划资源局统一指导。", ["市绿化市容局"], ["市规划资源局"]),
])
def test_inline_forms(text, lead, involved):
    hit = resp.inline(text)
    assert hit is not None and (hit[0], hit[1]) == (lead, involved)


def test_a_lead_then_list_inside_a_bracket_clause():
    r = resp.parse("（市水务局牵头、市生态环境局、市农业农村局配合）", 0)
    assert (r.lead, r.involved) == (["市水务局"], ["市生态环境局", "市农业农村局"])


def test_both_lead_when_each_leads_its_part():
    r = resp.parse("（市金融办、人民银行某市分行分别牵头）", 0)
    assert (r.lead, r.involved) == (["市金融办", "人民银行某市分行"], [])


def test_a_concept_ending_like_a_body_is_no_agency():
    assert not resp.is_agency_name("建设数字政府")
    assert not resp.is_agency_name("打造服务型政府")
    assert resp.is_agency_name("某市人民政府")


def test_generic_local_governments_as_the_subject_of_a_duty():
    hit = resp.inline("推进乡村振兴。各设区市人民政府要加强统筹，落实属地责任。")
    assert hit is not None and hit[0] == ["各设区市人民政府"]
    assert resp.generic_local_government("各设区市人民政府") == "county"
    # with a clause for the named bodies in the same sentence, the governments are named too
    hit = resp.inline("各县（市、区）人民政府要加快老旧厂区改造，由市绿化市容局、市城管执法局统一指导。")
    assert hit is not None and set(hit[0] + hit[1]) == {"各县（市、区）人民政府", "市绿化市容局", "市城管执法局"}
    # 要求 is no duty of the subject; a named department with 要 is given the duty too (issue 9: “…要…” is a
    # responsibility form; tests/test_responsibility_modal.py)
    assert resp.inline("各区政府要求企业落实主体责任。") is None
    assert resp.inline("市民政局要加强养老机构监管。") == (["市民政局"], [], 0, 5)


def test_the_subject_of_what_happened_is_no_link():
    assert resp.inline("推进改革。2023年，市发展改革委完成了改革试点，下一步将继续深化。") is None


def test_placeholders_are_never_linked():
    assert resp.is_placeholder("XX局") and resp.is_placeholder("××单位")
    assert resp.split_names("XX局、市财政局") == ["市财政局"]
    assert agencies.resolve("XX局", CITY) is None


def test_names_starting_with_shi_are_not_a_city_prefix():
    for name, function in [("市场监管局", "market_regulation"), ("市场监督管理局", "market_regulation"),
                           ("市监局", "market_regulation"), ("市市场监管局", "market_regulation")]:
        a = agencies.resolve(name, COUNTY if name == "市监局" else CITY)
        assert a is not None and a.function == function, name
    a = agencies.resolve("市监局", COUNTY)
    assert a is not None and a.region.name == "某区"      # the district's own, not the city's 监局
    a = agencies.resolve("市市场监管局", COUNTY)
    assert a is not None and a.region.name == "某市" and a.name == "某市市场监管局"


@pytest.mark.parametrize("name, function", [
    ("绿化市容局", "greening_city_appearance"), ("水务局", "water_resources"),
    ("审批服务局", "government_services"), ("生态环境局", "ecology_environment"), ("数据局", "data_bureau"),
    ("城管执法局", "urban_management"),
])
def test_functions_of_names_outside_the_core_vocabulary(name, function):
    a = agencies.resolve(name, CITY)
    assert a is not None and a.function == function


def test_closing_clause_names_the_earlier_items_of_its_section():
    got = _who([
        "某市实施方案", "一、强化产业支撑",
        "1.培育龙头企业。支持企业兼并重组。",
        "2.建设产业园区。加快园区基础设施建设。",
        "3.优化产业服务。建立企业服务专员制度。（市商务局负责）",
        "以上工作由市工业和信息化局牵头，市发展改革委、市财政局参与。",
        "二、优化要素保障",
        "4.保障用地。优先保障重点项目用地。",
    ])
    run = (["市工业和信息化局"], ["市发展改革委", "市财政局"], [])
    assert got == [("培育龙头企业", run), ("建设产业园区", run), ("优化产业服务", (["市商务局"], [], [])),
                   ("保障用地", None)]


def test_blanket_clause_reaches_later_chapters():
    """以下 is every item below, across chapters (the seeds' annotator: the Wuxi blanket holds in 要素保障)."""
    got = _who([
        "某市实施方案",
        "一、强化产业",
        "1.培育龙头企业。支持企业兼并重组。（市工信局牵头。以下各项工作均需各县（市、区）人民政府负责，不再列出）",
        "2.建设产业园区。加快园区建设。（市发展改革委负责）",
        "3.发展总部经济。引进企业总部。",
        "二、优化保障",
        "4.保障用地。优先保障重点项目用地。（市自然资源局负责）",
    ])
    gov = ["各县（市、区）人民政府"]
    assert got == [("培育龙头企业", (["市工信局"], [], gov)), ("建设产业园区", (["市发展改革委"], [], gov)),
                   ("发展总部经济", None), ("保障用地", (["市自然资源局"], [], gov))]


def test_label_lines_and_brackets():
    got = _who([
        "某市工作方案", "一、提升政务服务",
        "1.推行一网通办。全面推进政务服务事项网上办理。",
        "牵头单位：市发展改革委；责任单位：市财政局、市商务局",
        "2.压缩审批时限。审批时间压减至60个工作日以内。（牵头单位：市住房城乡建设局；责任单位：市审批服务局）",
        "3.优化纳税服务。推进税费综合申报。",
        "责任部门：市税务局、市财政局",
    ])
    assert got == [("推行一网通办", (["市发展改革委"], ["市财政局", "市商务局"], [])),
                   ("压缩审批时限", (["市住房城乡建设局"], ["市审批服务局"], [])),
                   ("优化纳税服务", (["市税务局"], ["市财政局"], []))]


@pytest.mark.parametrize("clause, lead, involved", [
    # a role phrase after a name is no part of it
    ("（区绿化市容局牵头，区城管执法局、各街镇按属地职责配合）", ["区绿化市容局"], ["区城管执法局", "各街镇"]),
    ("（区水务局、区应急局按职责推进）", ["区水务局"], ["区应急局"]),
    ("（区人力资源社会保障局、区市场监管局分别负责）", ["区人力资源社会保障局"], ["区市场监管局"]),
    ("主要责任单位：区水务局；协同责任单位：区生态环境局、区农业农村委", ["区水务局"], ["区生态环境局", "区农业农村委"]),
])
def test_clause_role_phrases_and_labels(clause, lead, involved):
    r = resp.parse(clause, 0)
    assert (r.lead, r.involved) == (lead, involved)


@pytest.mark.parametrize("text, lead, involved", [
    # words between the lead's verb and the co-operating list
    ("开展检查。由区应急局负责统筹协调，区消防救援支队等部门配合。", ["区应急局"], ["区消防救援支队"]),
    # a helper clause after the lead (…，B做好数据支撑: lexicon responsibility_helper_verbs) gives B a share
    ("建设平台。明确由区城运中心承担牵头职责，区数据局做好数据支撑。", ["区城运中心"], ["区数据局"]),
    # 按照职责分工做好… assigns the sentence to its subjects
    ("推进改造。区房管局、区建设管理委按照职责分工做好项目推进。", ["区房管局"], ["区建设管理委"]),
])
def test_more_inline_forms(text, lead, involved):
    hit = resp.inline(text)
    assert hit is not None and (hit[0], hit[1]) == (lead, involved)


def test_energy_and_economic_commission_functions():
    assert resp.function_of("能源局").id == "energy"
    assert resp.function_of("区经委").id == "industry_it"
    assert resp.function_of("区科经委").id == "science_technology"


def test_bare_generic_district_names_are_the_lower_governments():
    for name in ("各区", "相关区", "各县"):
        assert resp.generic_local_government(name) == "county", name
    a = agencies.resolve("各区", CITY)
    assert a is not None and a.function == "local_government" and a.id == "agency:moushi:local_governments_county"
    assert agencies.resolve("各区政府", CITY).id == a.id      # one agency whatever the wording


@pytest.mark.parametrize("name, function", [
    ("区交警支队", "public_security"), ("区委人才办", "talent"), ("区委编办", "establishment"),
    ("区信访办", "petitions"), ("区政府外办", "foreign_affairs"), ("区侨办", "overseas_chinese_affairs"),
    ("区合作交流办", "regional_cooperation"),
])
def test_functions_of_further_bodies(name, function):
    f = resp.function_of(name)
    assert f is not None and f.id == function


@pytest.mark.parametrize("text, lead, involved", [
    ("推进工作。【责任单位】市商务局、市财政局", ["市商务局"], ["市财政局"]),
    ("发展电商。【牵头单位】市商务局【配合单位】市邮政管理局", ["市商务局"], ["市邮政管理局"]),
    ("（【责任单位】市商务局）", ["市商务局"], []),
])
def test_labels_in_lenticular_brackets(text, lead, involved):
    span = resp.find_clause(text)
    assert span is not None
    r = resp.parse(text[span[0]:span[1]], span[0])
    assert (r.lead, r.involved) == (lead, involved)


@pytest.mark.parametrize("cell, names", [
    ("市工业和信息化局市财政局", ["市工业和信息化局", "市财政局"]),     # a cell's two lines joined
    ("区发展改革委区能源办", ["区发展改革委", "区能源办"]),
    ("区民政局各街镇", ["区民政局", "各街镇"]),
    ("区住房保障房屋管理局", ["区住房保障房屋管理局"]),
    ("市场监管局", ["市场监管局"]),
    ("市委宣传部", ["市委宣传部"]),
])
def test_glued_names_split_only_between_known_bodies(cell, names):
    assert resp.split_names(cell) == names


@pytest.mark.parametrize("text, lead, involved", [
    # persons are never agencies
    ("推进工作。（责任领导：王某某；责任单位：区商务委）", ["区商务委"], []),
    ("推进工作。（牵头区领导：王某某，牵头单位：区商务委，配合单位：区财政局）", ["区商务委"], ["区财政局"]),
    ("推进工作。（分管领导：副区长王某；责任单位：区商务委）", ["区商务委"], []),
    # a short qualifier after the label
    ("推进工作。（责任单位（部门）：区商务委、区财政局）", ["区商务委"], ["区财政局"]),
    ("推进工作。\n牵头单位（部门）：区商务委\n配合单位（部门）：区财政局", ["区商务委"], ["区财政局"]),
])
def test_person_labels_and_label_qualifiers(text, lead, involved):
    span = resp.find_clause(text)
    assert span is not None
    r = resp.parse(text[span[0]:span[1]], span[0])
    assert (r.lead, r.involved) == (lead, involved)
    # the mapping's fallback reading of the raw clause names the same bodies, no person
    fallback = resp.split_responsibility(text[span[0]:span[1]])
    assert set(fallback[0] + fallback[1]) == set(lead + involved)


def test_a_modal_before_together():
    hit = resp.inline("市住房城乡建设管理委要会同市规划资源局制定实施细则。")
    assert hit is not None and (hit[0], hit[1]) == (["市住房城乡建设管理委"], ["市规划资源局"])
    hit = resp.inline("推进工作。市民政局负责会同市财政局制定办法。")
    assert hit is not None and (hit[0], hit[1]) == (["市民政局"], ["市财政局"])


@pytest.mark.parametrize("line", ["以上1-5项工作由市商务局牵头，市财政局配合", "上述第一至三项任务均由市商务局牵头，市财政局配合",
                                  "以上工作由市商务局牵头，市财政局配合"])
def test_scope_openers(line):
    assert resp.scope_opener(line)
    r = resp.parse(line, 0)
    assert (r.lead, r.involved) == (["市商务局"], ["市财政局"])


def test_a_line_opening_with_yishang_that_assigns_nothing_is_no_closing_clause():
    got = _who([
        "某市实施方案", "一、强化产业支撑",
        "1.培育龙头企业。支持企业兼并重组。",
        "以上政策由市财政局负责解释。",
        "2.建设产业园区。加快园区基础设施建设。",
        "以上措施自2025年1月1日起施行。",
    ])
    assert got == [("培育龙头企业", None), ("建设产业园区", None)]
