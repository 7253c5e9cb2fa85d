"""Generic tiers written as lists or as zones, a supervising body that guides a class of actors, and two
spellings of one body (full name / known short form) as one agency. Synthetic sentences in the shapes of
other provinces' plans; nothing is copied."""
from __future__ import annotations

import pytest

from ontology import responsibility as r
from ontology.mapping.agencies import resolve
from ontology.mapping.plans import RegionRef

PREFECTURE = RegionRef("region:moulin", "某临市", "Moulin", "prefecture", "moulin")
PROVINCE = RegionRef("region:moujiang", "某江省", "Moujiang", "province", "moujiang")
DISTRICT = [RegionRef("region:moushan", "某山区", "Moushan", "county", "moushan"), PREFECTURE, PROVINCE]
CITY = [PREFECTURE, PROVINCE]


def _parse(text: str):
    span = r.find_clause(text)
    assert span is not None, text
    return r.parse(text[span[0]:span[1]], span[0])


# -- a list of tiers after one 各 is one placeholder; zones are a tier --------------------------------

@pytest.mark.parametrize("name, tier", [
    ("各区、县级市", "county"), ("各县、市、区", "county"), ("各县（市、区）", "county"), ("各区县", "county"),
    ("各县市区", "county"), ("各镇（街道）", "township"), ("各园区", "zone"), ("各开发区", "zone"),
    ("各开发区管委会", "zone"), ("各开发区、园区管委会", "zone"), ("各开发区（园区）管委会", "zone"),
])
def test_generic_tiers(name, tier):
    assert r.generic_local_government(name) == tier
    assert r.split_names(f"市发改委、{name}") == ["市发改委", name]


def test_a_list_of_tiers_in_a_clause_is_one_agency():
    res = _parse("完善镇村公共服务设施。（市民政局牵头，各区、县级市配合）")
    assert res.lead == ["市民政局"] and res.involved == ["各区、县级市"]
    ref = resolve("各区、县级市", CITY)
    assert ref is not None and ref.id == "agency:moulin:local_governments_county"
    zone = resolve("各开发区、园区管委会", CITY)
    assert zone is not None and zone.id == "agency:moulin:local_governments_zone"
    assert zone.function == "local_government"
    assert zone.id == resolve("各园区", CITY).id


# -- a supervising body + 指导/督促/监督 + a class of actors + 落实: the body leads ---------------------------

@pytest.mark.parametrize("text, lead", [
    ("深化国有企业改革。（区国资委指导区属国企落实）", "区国资委"),
    ("落实安全生产主体责任。（市应急局督促各企业落实）", "市应急局"),
    ("规范涉企收费行为。（区市场监管局监督相关单位落实）", "区市场监管局"),
])
def test_a_supervising_body_leads_what_a_class_of_actors_carries_out(text, lead):
    res = _parse(text)
    assert res.lead == [lead] and res.involved == []


def test_a_supervised_body_that_is_an_agency_is_no_class():
    # 区国资委指导区城投公司落实: a named company is a body, involved
    res = _parse("推进平台公司转型。（区国资委指导区城投公司落实）")
    assert res.lead == ["区国资委"] and res.involved == ["区城投公司"]


# -- the full name and its known short form are one agency ----------------------------------------

@pytest.mark.parametrize("chain, names", [
    (DISTRICT, ("区国资委", "某山区国资委", "区国有资产监督管理委员会")),
    (CITY, ("市金融办", "某临市金融工作办公室", "市金融工作办公室")),
    (CITY, ("市检察院", "某临市人民检察院")),
    (CITY, ("市中院", "市中级法院", "某临市中级人民法院")),
    (DISTRICT, ("区法院", "某山区人民法院")),
    (DISTRICT, ("区政府", "区人民政府", "某山区人民政府")),
    (DISTRICT, ("区委", "某山区委", "中共某山区委")),                  # a one-character body after the place
    (CITY, ("市委", "某临市委", "中共某临市委")),
    (CITY, ("市供电公司", "某临供电公司", "国网某临供电公司", "国网某临市供电公司")),   # the owner's word
    (DISTRICT, ("区委网信办", "区委网络安全和信息化委员会办公室")),   # full names a function pattern knows
    (CITY, ("市纪委监委", "中共某临市纪律检查委员会")),
    (CITY, ("市文联", "某临市文学艺术界联合会")),
    (CITY, ("市委台办", "某临市台湾工作办公室")),
    (DISTRICT, ("区机关事务中心", "区机关事务管理中心", "某山区机关事务管理服务中心", "区机管局")),
    (DISTRICT, ("区城投公司", "某山区城投公司", "区城市建设投资有限公司")),
    (CITY, ("市贸促会", "某临市贸易促进委员会")),
])
def test_full_name_and_short_form_are_one_agency(chain, names):
    refs = [resolve(n, chain) for n in names]
    assert len({ref.id for ref in refs if ref}) == 1, [(ref.id, ref.name) for ref in refs if ref]


@pytest.mark.parametrize("text, lead, involved", [
    ("深化国有企业改革。（区国资委指导、督促区属国企落实）", ["区国资委"], []),          # two verbs
    ("深化国有企业改革。（区国资委、区财政局指导区属国企落实）", ["区国资委", "区财政局"], []),
    ("深化国有企业改革。（区国资委牵头，指导区属国企落实）", ["区国资委"], []),         # no body before the verb
])
def test_supervision_with_two_verbs_two_bodies_or_none(text, lead, involved):
    res = _parse(text)
    assert (res.lead, res.involved) == (lead, involved)


def test_lower_governments_a_body_supervises_are_involved():
    res = _parse("加强物业管理。（市住建局督促各区、县级市落实）")
    assert (res.lead, res.involved) == (["市住建局"], ["各区、县级市"])


def test_a_bracket_of_supervision_without_a_body_is_no_clause():
    assert r.find_clause("引导企业规范经营（指导各企业落实）") is None


def test_an_owner_word_stays_in_the_full_name():
    assert resolve("中共某山区委", DISTRICT).name == "中共某山区委"
    assert resolve("国网某临供电公司", CITY).name == "国网某临供电公司"
