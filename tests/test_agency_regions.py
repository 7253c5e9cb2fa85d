"""Agency names resolved against the plan's region chain: every spelling of one body is one agency
(区金融办 / 某浦区金融办 / 某海市某浦区金融办), bodies of different regions stay apart (市民政局 in a district
of a province-level city is the city's, in a 县级市 the plan's own city's), and a name outside the
function patterns still gets a function where a domain word and a body ending tell it."""
from __future__ import annotations

import pytest

from ontology import responsibility as resp
from ontology.mapping.agencies import resolve
from ontology.mapping.plans import RegionRef

DISTRICT = RegionRef(id="region:moupu", name="某浦区", name_en="Moupu", level="county", slug="moupu")
MUNICIPALITY = RegionRef(id="region:mouhai", name="某海市", name_en="Mouhai", level="province", slug="mouhai")
OF_MUNICIPALITY = [DISTRICT, MUNICIPALITY]

COUNTY_CITY = RegionRef(id="region:moufeng", name="某丰市", name_en="Moufeng", level="county", slug="moufeng")
PREFECTURE = RegionRef(id="region:moulin", name="某临市", name_en="Moulin", level="prefecture", slug="moulin")
PROVINCE = RegionRef(id="region:moujiang", name="某江省", name_en="Moujiang", level="province", slug="moujiang")
OF_COUNTY_CITY = [COUNTY_CITY, PREFECTURE, PROVINCE]

COUNTY = RegionRef(id="region:mouhe", name="某河县", name_en="Mouhe", level="county", slug="mouhe")
OF_COUNTY = [COUNTY, PREFECTURE, PROVINCE]


def _id(name: str, chain: list[RegionRef]) -> str:
    ref = resolve(name, chain)
    assert ref is not None, name
    return ref.id


@pytest.mark.parametrize("names", [
    ("区金融办", "某浦区金融办", "某海市某浦区金融办", "金融办"),        # a function that is not one per region
    ("区创文办", "某浦区创文办", "某海市某浦区创文办"),                   # a body of no pattern at all
    ("区公安分局", "某海市公安局某浦分局", "某海市公安局某浦区分局"),     # the city's branch for the district
    ("区税务局", "某海市税务局某浦分局"),
    ("区发展改革委", "某浦区发展改革委", "某海市某浦区发展改革委"),
])
def test_spellings_of_one_body_are_one_agency(names):
    assert len({_id(n, OF_MUNICIPALITY) for n in names}) == 1, [resolve(n, OF_MUNICIPALITY) for n in names]


def test_city_prefix_in_a_district_of_a_province_level_city_is_the_city():
    city = _id("市民政局", OF_MUNICIPALITY)
    assert city == _id("某海市民政局", OF_MUNICIPALITY) != _id("区民政局", OF_MUNICIPALITY)
    assert _id("市金融办", OF_MUNICIPALITY) == _id("某海市金融办", OF_MUNICIPALITY) != _id("区金融办", OF_MUNICIPALITY)
    assert resolve("市绿化市容局", OF_MUNICIPALITY).name == "某海市绿化市容局"
    assert resolve("团市委", OF_MUNICIPALITY).region == MUNICIPALITY


def test_city_prefix_in_a_county_level_city_is_the_plan_own_city():
    own = _id("市发改局", OF_COUNTY_CITY)
    assert own == _id("某丰市发改局", OF_COUNTY_CITY) != _id("某临市发展改革委", OF_COUNTY_CITY)
    assert resolve("市市场局", OF_COUNTY_CITY).name == "某丰市市场局"
    # a county plan's 市 is still its prefecture
    assert _id("市发改局", OF_COUNTY) == _id("某临市发展改革委", OF_COUNTY) != _id("县发改局", OF_COUNTY)


@pytest.mark.parametrize("name, function", [
    ("市市场局", "market_regulation"), ("县国土局", "natural_resources_planning"),
    ("市金融服务中心", "financial_regulation"), ("区创文办", "propaganda"), ("县文化局", "culture_tourism"),
    ("区卫生局", "health"), ("县乡村振兴局", "rural_revitalization"), ("县委农办", "agriculture_rural"), ("县政府督查室", "government_office"), ("市营商环境办", "development_reform"),
    ("县粮食局", "development_reform"), ("区文化馆", "culture_tourism"), ("某某研究会", "other"),
    ("县委办", "party_office"), ("县委督查室", "party_office"), ("县委政法委", "political_legal"),
    ("县纪委监委", "discipline_inspection"), ("县人大常委会办公室", "people_congress"), ("县政协办公室", "cppcc"),
    ("县检察院", "procuratorate"), ("县人武部", "military_affairs"), ("县烟草专卖局", "tobacco"),
    ("县不动产登记中心", "natural_resources_planning"), ("县农技推广中心", "agriculture_rural"),
    ("县环卫中心", "greening_city_appearance"), ("县水文站", "water_resources"), ("县公路段", "transport"),
    ("县人民医院", "health"), ("县爱卫办", "health"),
])
def test_a_domain_word_and_a_body_ending_give_the_function(name, function):
    assert resolve(name, OF_COUNTY).function == function


def test_a_stem_function_is_the_region_s_bureau_only_for_a_bureau_name():
    assert _id("县市场局", OF_COUNTY) == _id("县市场监管局", OF_COUNTY)
    assert _id("县文化馆", OF_COUNTY) != _id("县文化旅游局", OF_COUNTY)


def test_a_deadline_line_belongs_to_the_role_block():
    text = "1.办好实事项目。按计划完成实事项目10项。\n牵头单位：区政府办公室\n配合单位：区民政局\n完成时限：2025年12月底前"
    a, b = resp.find_clause(text)
    r = resp.parse(text[a:b], a)
    assert r.lead == ["区政府办公室"] and r.involved == ["区民政局"]
    assert r.deadline == "2025年12月底前"


CITY = RegionRef(id="region:moubao", name="某宝市", name_en="Moubao", level="prefecture", slug="moubao")


def _clause(clause: str):
    text = "推进某项工作。" + clause
    a, b = resp.find_clause(text)
    return resp.parse(text[a:b], a)


@pytest.mark.parametrize("clause, lead, involved", [
    # 会同: the first body leads, the one it acts together with is involved
    ("（市住建局会同市自然资源局负责，各县区具体实施）", ["市住建局"], ["市自然资源局", "各县区"]),
    # 落实 / 具体实施 close a list of bodies; they are no part of a name
    ("（市司法局牵头，市级行政执法部门配合，各县区人民政府落实）", ["市司法局"], ["各县区人民政府"]),
    ("（市卫健委、市医保局负责，各县区人民政府落实）", ["市卫健委"], ["市医保局", "各县区人民政府"]),
])
def test_together_and_carry_out_forms(clause, lead, involved):
    r = _clause(clause)
    names = [n for n in r.involved if not resp.is_placeholder(n)]
    assert (r.lead, names) == (lead, involved)


def test_classes_of_bodies_are_placeholders_and_jie_ban_is_the_township_tier():
    for n in ("市级行政执法部门", "区级行业主管部门", "市级职能部门"):
        assert resp.is_placeholder(n), n
    assert resp.generic_local_government("各街办") == "township"
    assert resolve("各街办", [CITY]).id == resolve("各街道办事处", [CITY]).id


def test_city_prefix_before_zheng_wu_is_the_city():
    ref = resolve("市政务服务中心", [CITY])
    assert ref.name == "某宝市政务服务中心" and ref.function == "government_services"
    assert resolve("市政工程管理处", [CITY]).name == "某宝市市政工程管理处"
    assert resolve("市审改办", [CITY]).function == "government_services"


def test_a_short_place_name_before_a_body_is_that_region():
    assert _id("某宝供电公司", [CITY]) == _id("市供电公司", [CITY]) == _id("某宝市供电公司", [CITY])
    assert _id("某浦公安分局", OF_MUNICIPALITY) == _id("区公安分局", OF_MUNICIPALITY)
    assert _id("某浦市容局", OF_MUNICIPALITY) == _id("区绿化市容局", OF_MUNICIPALITY)
    # a short name before a level word is another place's (某丰市 is not 某丰区)
    other = resolve("某浦市金融办", OF_MUNICIPALITY)
    assert other.id != _id("区金融办", OF_MUNICIPALITY)


@pytest.mark.parametrize("clause, lead, involved", [
    ("（实施主体：各乡镇（街道）；指导单位：县农业农村局）", ["各乡镇（街道）"], ["县农业农村局"]),
    ("（督办单位：县政府督查室；责任单位：县住建局）", ["县住建局"], ["县政府督查室"]),
    ("（第一责任单位：县应急局；第二责任单位：县消防救援大队）", ["县应急局"], ["县消防救援大队"]),
    ("（县发改局、县商务局按职能分工负责，各乡镇人民政府、街道办事处抓好落实）",
     ["县发改局"], ["县商务局", "各乡镇人民政府", "街道办事处"]),
])
def test_more_role_labels_and_closing_verbs(clause, lead, involved):
    r = _clause(clause)
    assert (r.lead, r.involved) == (lead, involved)


def test_a_blanket_remark_inside_a_clause_names_no_body_of_the_clause():
    r = _clause("（自治区民政厅牵头，自治区财政厅、市场监管局按职责分工负责；以下各项任务均需各市、县人民政府落实，不再列出）")
    assert r.lead == ["自治区民政厅"] and r.involved == ["自治区财政厅", "市场监管局"]


def test_a_stem_function_makes_a_body_a_subject_but_not_a_firm_or_institution():
    assert resp.inline("县国土局负责做好用地保障。")[0] == ["县国土局"]
    assert resp.inline("区市场局、区城管执法局负责加强巡查。")[:2] == (["区市场局"], ["区城管执法局"])
    assert resp.inline("金融机构负责做好风险评估。") is None
    assert resp.function_of("农业企业") is None and resp.function_of("金融机构") is None


def test_level_word_of_the_plans_own_district_whatever_its_level_label():
    """区政务服务中心 in a 某东区 plan is 某东区政务服务中心 (one id), also where the region's level label is not
    "county" (a district's metadata written as 'district'): a unit under a bureau has a name-based id since
    bb64d78, so the two spellings had become two agencies (某东区区政务服务中心 beside 某东区政务服务中心)."""
    own = RegionRef(id="region:moudong", name="某东区", name_en="Moudong", level="district", slug="moudong")
    chain = [own, MUNICIPALITY]
    short, full = resolve("区政务服务中心", chain), resolve("某东区政务服务中心", chain)
    assert short is not None and full is not None
    assert short.id == full.id and short.name == "某东区政务服务中心"
    assert resolve("区财政事务中心", chain).id == resolve("某东区财政事务中心", chain).id
