"""Instrument cue classes missed on dev batch 10 of tests/coding_dev (县域商业, 一老一小, 提振消费, 乡村振兴 shapes).

Each class is a general phrasing, not a sentence of the batch: a public facility named in the works class (观景台,
厕所, a 公共服务中心) or a street district (特色街区) built by the government; school conditions improved; polluted
land remediated; matching or pooled funds; vouchers of a stated budget; service premises to be built with new housing (配建…用房); a
degree programme with a long name; a festival held; villages designated as key or model
villages. The sentences are our own.
"""
from __future__ import annotations

import pytest

from ontology.mapping import instruments
from ontology.mapping.text import sentences


def _codes(text: str) -> set[str]:
    return {h.instrument.id for h in instruments.find(sentences(text, 0, len(text)))}


@pytest.mark.parametrize("text,expected,absent", [
    # a public facility built by the government, its kind in the works class
    ("在滨湖绿道沿线建设3处观景台和休憩驿站。", {"public_investment"}, set()),
    ("推进乡镇公共厕所改造，实现行政村全覆盖。", {"public_investment"}, set()),
    ("在每个乡镇建设农产品电商公共服务中心。", {"public_investment"}, set()),
    ("全面改善薄弱学校和乡镇寄宿制学校办学条件。", {"public_investment"}, set()),
    ("对历史遗留矿山开展生态治理修复。", {"public_investment"}, set()),
    ("在老城区打造2条美食特色街区。", {"public_investment"}, set()),
    ("支持企业建设物流公共服务中心。", set(), {"public_investment"}),  # private building encouraged
    # matching or pooled funds; vouchers of a stated budget
    ("统筹省级专项转移支付和县级配套资金用于冷链设施建设。", {"special_funds_bonds"}, set()),
    ("分三批发放餐饮消费券2000万元。", {"subsidy", "special_funds_bonds"}, set()),
    ("联合商户发放餐饮消费券。", {"subsidy"}, {"special_funds_bonds"}),  # no budget stated
    # premises developers must build with new housing: an obligation and a space supplied
    ("新建居住区按每千人不低于50平方米配建社区养老服务用房。", {"mandate_obligation", "land_space_supply"}, set()),
    ("新改扩建项目应同步配建雨水调蓄设施。", set(), {"land_space_supply"}),  # a works facility, not premises
    # a degree programme with a long name
    ("鼓励职业院校开设智慧健康养老服务与管理、老年保健与管理专业。", {"training_talent"}, set()),
    # a festival held
    ("每年举办草原文化旅游节。", {"events_promotion"}, set()),
    ("举办夏季消费季，联动商圈开展促销。", {"events_promotion"}, set()),
    ("推进节能节水改造。", set(), {"events_promotion"}),
    # villages designated as key, model or featured villages
    ("培育20个乡村旅游重点村和5个特色小镇。", {"pilot_demonstration"}, set()),
])
def test_batch10_classes(text, expected, absent):
    got = _codes(text)
    assert expected <= got, (text, got)
    assert not (absent & got), (text, got)
