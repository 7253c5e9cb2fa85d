"""Domains of the batch-14 round (issue 13): what a measure acts on, read from its words (our own sentences, in the
shapes of dev batch 14: 居民养老保险, 设施农业, 数字经济, 红色文化 and 提振消费 plans).

Social insurance is social security, not elderly care (养老保险, 缴费补贴, 养老保险基金: a compound listed in the field
whose word it is shadows the shorter word of another field); a commercial pension product stays elderly care and
finance; facility farming is farming, not land (设施农业); green food is farming, not environment; heritage sites and
their repair are culture (旧址, 保护修缮); factories and workshops are industry; green power is energy; study tours are
education beside tourism (研学); a land word in a measure's title (保障…用地) keeps land beside the field the title
names; an information platform named in the lead is digital, one a measure only works through (依托…信息平台) is not."""
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


@pytest.mark.parametrize("title,body,want,absent", [
    ("扩大养老保险覆盖面", "对未参加基本养老保险的城乡居民逐户动员参保。", "social_assistance", {"elderly_care"}),
    ("提高缴费补贴标准", "对选择较高档次缴费的参保人提高缴费补贴。", "social_assistance", {"finance_tax"}),
    ("加强养老保险基金监管", "每年开展一次养老保险基金专项审计。", "social_assistance", {"elderly_care"}),
    ("发展设施农业", "新建连栋温室和设施蔬菜基地500亩。", "agriculture", {"land_facilities"}),
    ("推行绿色食品认证", "对新获得绿色食品认证的经营主体给予奖励。", "agriculture", {"environment"}),
    ("实施革命旧址保护修缮", "对城区革命旧址开展保护修缮。", "culture", {"housing_community"}),
    ("培育智能工厂", "支持企业建设智能工厂和数字化车间。", "industry", set()),
    ("推广绿电交易", "支持园区企业参与绿电交易。", "energy", set()),
    ("发展研学旅游", "推出一批面向中小学的研学旅游线路。", "education", set()),
])
def test_batch14_keywords(title, body, want, absent):
    got = _dom(title, body)
    assert want in got, got
    assert not (absent & set(got)), got


def test_a_commercial_pension_product_stays_elderly_care_and_finance():
    got = _dom("发展商业养老保险", "鼓励保险机构开发商业养老保险产品。")
    assert "elderly_care" in got and "finance_tax" in got and "social_assistance" not in got, got


def test_a_land_word_in_the_title_keeps_land_beside_the_field():
    got = _dom("保障设施农业用地", "将设施农业用地纳入国土空间规划，对设施农业配套用地实行备案管理。", _ctx("agriculture"))
    assert got[:1] == ["agriculture"] and "land_facilities" in got, got


@pytest.mark.parametrize("body,want", [
    ("建设全市农业社会化服务信息平台，整合农机作业服务资源。", True),
    ("依托省级低收入人口监测信息平台，对困难家庭开展常态化监测。", False),
])
def test_an_information_platform_built_is_digital_one_worked_through_is_not(body, want):
    got = _dom("加强服务", body)
    assert ("digital_services" in got) is want, got


def test_the_means_lexicon_is_data():
    assert "依托" in vocab.lexicon("domain_object_means_before")
