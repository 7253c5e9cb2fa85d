"""Object words (lexicons/domain_object_words.txt): a concrete thing a measure acts on, named once in its lead, is
evidence of its field as strong as a title word, against the plan's field (our own sentences, in the shapes of dev
batch 10: 乡村振兴, 县域商业, 一老一小, 提振消费 plans); named as a site (周边, a 、-list of several fields'
buildings) or as a group (中小学生) it is no evidence."""
from __future__ import annotations

import pytest

from ontology import vocab
from ontology.mapping.domains import PlanContext, classify
from ontology.mapping.text import Span


def _dom(title: str, body: str, ctx: PlanContext | None = None) -> list[str]:
    return [h.domain.id for h in classify(title, Span(body, 0, len(body)), [], body, ctx)]


def _ctx(did: str) -> PlanContext:
    d = next(x for x in vocab.domains() if x.id == did)
    return PlanContext(frozenset({did}), d)


@pytest.mark.parametrize("title,body,plan,want", [
    # a 乡村振兴 plan: the village school and the clinic are what the measure acts on
    ("提升农户生活便利度", "推进乡镇中心幼儿园扩容，对村小校舍进行维修。", "agriculture", "education"),
    ("提升农户生活便利度", "每个乡镇建好1所达标卫生院，提升服务能力。", "agriculture", "health"),
    # a 县域商业 plan: buses and passenger lines are transport
    ("发展快递物流共同配送", "统筹利用城乡客运班车捎带农村快件，降低配送成本。", "commerce_consumption", "transport"),
    # a 提振消费 plan: a charging post is energy, a market stall is commerce
    ("优化城市消费设施", "新增公共充电桩300个，方便居民出行。", "commerce_consumption", "energy"),
    ("完善乡村生活服务", "改造提升一批乡镇集贸市场，规范经营秩序。", "agriculture", "commerce_consumption"),
])
def test_an_object_named_once_in_the_lead_names_its_field(title, body, plan, want):
    got = _dom(title, body, _ctx(plan))
    assert want in got, got


@pytest.mark.parametrize("title,body,plan,absent", [
    # the pupils are beneficiaries, the schools' surroundings a site, the buildings a list of roofs
    ("推动冰场惠民开放", "室内冰场对中小学生实行半价优惠。", "sports", "education"),
    ("整治食品经营秩序", "重点检查中小学校园周边和城乡接合部的小餐饮店。", "commerce_consumption", "education"),
    ("摸清可利用屋顶", "组织对机关、学校、医院、工业厂房等屋顶开展普查。", "energy", "health"),
])
def test_an_object_named_as_a_site_or_a_group_names_no_field(title, body, plan, absent):
    got = _dom(title, body, _ctx(plan))
    assert absent not in got, got


def test_object_words_name_known_domains_and_the_lexicon_has_a_header():
    ids = {d.id for d in vocab.domains()}
    rows = vocab.lexicon("domain_object_words")
    assert rows and all(len(r.split()) == 2 and r.split()[1] in ids for r in rows), rows
    assert vocab.lexicon("domain_object_place_after")


def _concept(did: str) -> vocab.Concept:
    return next(x for x in vocab.domains() if x.id == did)


def test_a_keyword_inside_a_longer_keyword_of_another_domain_is_that_domains_word():
    """产业 in 乡村产业 is agriculture's word, not industry's; 小区 in 老旧小区 (one domain) still counts for it."""
    from ontology.mapping.domains import _count
    assert _count(_concept("industry"), "壮大乡村产业，带动农户增收") == 0
    assert _count(_concept("agriculture"), "壮大乡村产业，带动农户增收") >= 1
    assert _count(_concept("housing_community"), "改造老旧小区") == 2


def test_a_fast_track_is_no_green_policy():
    got = _dom("开辟审批绿色通道", "对重点项目开辟审批绿色通道，实行即来即办。")
    assert "environment" not in got, got
    assert "environment" in _dom("推广绿色建材", "在政府投资项目中优先采用绿色建材。")


def test_a_line_is_tourism_only_as_a_tour_route():
    """线路 is shared by bus, freight and power lines; it names tourism only as a tour route (domains.csv regex)."""
    assert "tourism" not in _dom("优化城乡客运线路", "新开通镇村客运线路12条，提高班次密度。")
    assert "tourism" in _dom("推出红色精品线路", "串联革命旧址推出10条红色精品线路。")
