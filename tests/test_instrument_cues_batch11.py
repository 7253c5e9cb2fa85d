"""Instrument cue classes missed on dev batch 11 of tests/coding_dev (充电设施, 垃圾分类, 中医药, 燃气安全, 人才 shapes).

Each class is a general phrasing, not a sentence of the batch: a firm or operator named as the one who shall; new
builds made to provide something; a practice made compulsory; a duty to hand waste over (须交由); a role an operator
staffs (督导员) or a body's remit restated (履行…监管职责) is no supervision; a target count (到2025年建成…), building
permitted on a site (允许…建设), works a grant pays for (对…改造给予补助) and production bases are no public works;
a budget named as a measure's source of money; a cost recovered through a tariff; works written into a works
programme; apprenticeship to a master. The sentences are our own.
"""
from __future__ import annotations

import pytest

from ontology.mapping import instruments
from ontology.mapping.text import sentences


def _codes(text: str) -> set[str]:
    return {h.instrument.id for h in instruments.find(sentences(text, 0, len(text)))}


@pytest.mark.parametrize("text,expected,absent", [
    # obligations on firms, new builds and users
    ("供热企业应当在采暖季前完成全部换热站检修。", {"mandate_obligation"}, set()),
    ("区住房城乡建设局应当加强指导。", set(), {"mandate_obligation"}),  # a government body's duty
    ("新建公共建筑停车场应当按不低于10%的比例建设充电车位。", {"mandate_obligation"}, {"public_investment"}),
    ("党政机关和国有企业实行办公垃圾强制分类。", {"mandate_obligation"}, set()),
    ("医疗废物须交由有资质的单位集中处置。", {"mandate_obligation"}, set()),
    ("出租汽车企业新增车辆须全部采用纯电动车型。", {"mandate_obligation"}, set()),
    # no supervision: a role staffed, a remit restated
    ("物业服务企业在每个小区配置垃圾分类监督员。", set(), {"regulation_supervision"}),
    ("市场监管部门履行特种设备安全监管职责。", set(), {"regulation_supervision"}),
    # no public works: a target count, a permission, works a grant pays for, a production base
    ("到2026年建成城市公共充电站80座。", set(), {"public_investment"}),
    ("允许利用边角地和桥下空间建设社区停车设施。", set(), {"public_investment"}),
    ("对既有住宅加装电梯改造给予每台15万元补助。", {"subsidy"}, {"public_investment"}),
    ("建设中药材良种繁育基地5个。", set(), {"public_investment"}),
    ("由区政府投资在公交首末站建设专用充电站。", {"public_investment"}, set()),
    # money: a budget named as the source; a grant's cost borne is no fund
    ("所需运行经费由市级财政统筹安排。", {"special_funds_bonds"}, set()),
    ("对困难老人给予护理补贴，所需资金由市县财政按比例承担。", {"subsidy"}, {"special_funds_bonds"}),
    # a cost recovered through a regulated tariff
    ("改造成本通过供水价格疏导。", {"fee_price_regulation"}, set()),
    # works written into a works programme; land into a land-supply plan stays land supply
    ("将老旧供水管网纳入年度更新改造计划。", {"planning_layout"}, set()),
    # apprenticeship
    ("推行老药工带徒和跟师学习制度。", {"training_talent"}, set()),
    # knowledge spread with a long object
    ("通过社区讲座普及家用燃气器具安全使用知识。", {"information_publicity"}, set()),
])
def test_batch11_cue_classes(text, expected, absent):
    got = _codes(text)
    assert expected <= got, (text, got)
    assert not (absent & got), (text, got)
