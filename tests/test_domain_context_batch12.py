"""Domain mechanisms of the batch-12 round (issue 13), on our own sentences in the shapes of other provinces' plans.

1. A money instrument keeps finance_tax when the measure's own title names the money (lexicons/
   domain_from_instruments.txt, rows marked ``titled``): the fund, the input or the loan is what the measure provides,
   and the field the title also names is what it pays for. A title that names no money keeps its field only.
2. A safeguard that names only a means (money, land) and no field of its own gets the plan's subject beside it
   (method "context"): the field the plan's title names, or, for a plan whose title names none, its dominant domain
   where that is kept for at least half its measures (a plan of mixed fields has no subject).
3. 人才 (talent) as the object of a measure is employment_training whatever verb it has (培育数字人才, 保障人才安居,
   强化人才支撑): in every dev, seed and tuning gold a measure whose title names 人才 has that domain (17 of 17).
4. A fusion run of field abbreviations (体教融合, 体卫融合, 农文旅融合; lexicons/domain_fusion_chars.txt) names each
   field it joins.
5. 充电 (charging: 充电设施, 充电站, 充电网络) is energy, as 充电桩 was.
"""
from __future__ import annotations

import pytest

from ontology import vocab
from ontology.mapping.domains import PlanContext, classify
from ontology.mapping.text import Span


def _dom(title: str, body: str, inst: frozenset[str] = frozenset(), **kw) -> list[str]:
    return [h.domain.id for h in classify(title, Span(body, 0, len(body)), [], body, instrument_ids=inst, **kw)]


@pytest.mark.parametrize("title,body,inst", [
    ("设立文物保护发展专项资金", "每年安排不少于1500万元，重点支持文物修缮和展示利用。", {"special_funds_bonds"}),
    ("加大投入保障", "市级财政每年安排乡村振兴衔接资金不少于2亿元，用于农村产业发展。", {"special_funds_bonds"}),
    ("加大首贷续贷支持", "推动银行机构对小微企业开展无还本续贷，对新增首贷给予奖励。", {"finance_credit_insurance"}),
])
def test_money_named_in_the_title_keeps_finance(title, body, inst):
    assert "finance_tax" in _dom(title, body, frozenset(inst))


def test_money_instrument_without_money_in_the_title_keeps_the_field_only():
    body = "对新建的非遗工坊给予建设资金支持，每个最高30万元。"
    got = _dom("推进非遗工坊建设", body, frozenset({"special_funds_bonds"}))
    assert "culture" in got and "finance_tax" not in got, got


def _ctx(theme: set[str], dominant: str, share: float) -> PlanContext:
    by_id = {d.id: d for d in vocab.domains()}
    return PlanContext(frozenset(theme), by_id[dominant], share)


FIN_BODY = "鼓励银行机构开发专属信贷产品，扩大融资担保规模，降低企业综合融资成本。"


def test_a_means_only_safeguard_gets_the_plans_subject():
    plain = _dom("加大融资支持", FIN_BODY)
    got = classify("加大融资支持", Span(FIN_BODY, 0, len(FIN_BODY)), [], FIN_BODY, _ctx({"industry"}, "industry", 0.9))
    assert "industry" not in plain, plain
    assert [h.domain.id for h in got] == ["finance_tax", "industry"], got
    assert got[-1].method == "context"


def test_no_subject_from_a_plan_of_mixed_fields_or_beside_a_field_of_the_measure():
    assert _dom("加大融资支持", FIN_BODY, context=_ctx(set(), "commerce_consumption", 0.2)) == ["finance_tax"]
    assert "industry" in _dom("加大融资支持", FIN_BODY, context=_ctx(set(), "industry", 0.6))
    body = "对新建养老机构和养老服务设施的建设用地予以优先保障，养老设施用地可以划拨方式供应。"
    got = _dom("保障项目用地", body, context=_ctx({"tourism"}, "tourism", 0.9))
    assert "elderly_care" in got and "tourism" not in got, got


@pytest.mark.parametrize("title,body", [
    ("培育数字人才", "支持高校与企业共建数字技术实训基地，每年培养数字领域专业人员1000名。"),
    ("保障人才安居", "每年筹集人才公寓1500套，符合条件的可免租金入住两年。"),
    ("强化人才支撑", "将文旅领域紧缺人才纳入全市人才目录。"),
])
def test_talent_as_the_object_is_employment(title, body):
    assert "employment_training" in _dom(title, body)


@pytest.mark.parametrize("title,body,want", [
    ("推进体教融合", "支持学校组建青少年足球队，开展课后体育服务。", {"sports", "education"}),
    ("推进体卫融合", "在社区设置运动健康指导站，推广运动处方。", {"sports", "health"}),
    ("发展农文旅融合业态", "依托传统村落打造一批乡村民宿和农事体验项目。", {"agriculture", "tourism", "culture"}),
])
def test_fusion_runs_name_each_field(title, body, want):
    assert want <= set(_dom(title, body)), _dom(title, body)


def test_charging_is_energy():
    body = "新建住宅小区停车位全部建设充电设施或预留安装条件。"
    assert "energy" in _dom("推进居住社区充电设施建设", body), _dom("推进居住社区充电设施建设", body)
