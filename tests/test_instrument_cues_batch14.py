"""Instrument cue rows of the batch-14 round (issue 13; 提振消费 若干措施, 旅游业 实施意见, 制造业 政策措施, 设施农业
行动方案, 数字经济 规划 with land and fiscal guarantees, 生态补偿 实施意见, 居民养老保险 方案, 公共文化 行动方案 shapes).

Each row is a general phrasing of a government action, not a sentence of the batch: money pooled for a use
(统筹…资金用于), a budget of two tiers (纳入市、县两级财政预算); villages, model units or a cultivation list of firms
designated (…重点村评选, …工厂认定, 培育名录库) as demonstration, not grading; a joint enforcement mechanism and an
agreement between governments; compensation paid out and contributions paid for a group; an eligibility rule relaxed
and a fund's risk rules; an accounting survey; traceability imposed; an R&D facility set up; premiums subsidised;
buildings made available to a use; new builds made to provide with them; a festival name in quotes; a list of
opportunities published. Anti-cues: a fund's use (用于…宣传), a platform's name (公示平台), an organised open day, money
supporting building by others, farm production facilities, devices bought, credit-evaluation rules (rule_making, not
grading). The sentences are our own.
"""
from __future__ import annotations

import pytest

from ontology.mapping import instruments
from ontology.mapping.text import sentences


def _codes(text: str) -> set[str]:
    return {h.instrument.id for h in instruments.find(sentences(text, 0, len(text)))}


@pytest.mark.parametrize("text,expected,absent", [
    ("区级财政统筹整合资金用于河道生态修复。", {"special_funds_bonds"}, set()),
    ("所需经费纳入区、镇两级财政年度预算。", {"special_funds_bonds"}, set()),
    ("组织开展特色村和精品村评选。", {"pilot_demonstration"}, set()),
    ("组织开展数字化车间和绿色工厂认定。", {"pilot_demonstration"}, {"standards_certification"}),
    ("建立高新技术企业后备培育库。", {"pilot_demonstration"}, set()),
    ("建立交通、城管等部门联合执法工作机制。", {"coordination_mechanism"}, set()),
    ("与上游县签订生态保护补偿协议。", {"coordination_mechanism"}, set()),
    ("按林地面积向林农发放生态补偿资金。", {"subsidy"}, set()),
    ("为重度残疾人代缴城乡居民医保参保费。", {"subsidy"}, set()),
    ("放宽外来务工人员在居住地参保的户籍限制。", {"rule_making"}, set()),
    ("建立就业补助资金管理制度。", {"rule_making"}, set()),
    ("制定旅游企业信用评价办法。", {"rule_making"}, set()),
    ("开展县域碳排放核算。", {"survey_investigation"}, set()),
    ("在批发市场实行肉菜追溯管理。", {"regulation_supervision"}, set()),
    ("支持龙头企业与科研院所共建中试平台。", {"rd_support"}, set()),
    ("对农户参加特色农产品保险的，给予保费60%的补贴。", {"finance_credit_insurance", "subsidy"}, set()),
    ("政府投资建设的场馆屋顶向光伏企业有偿开放。", {"land_space_supply"}, set()),
    ("新建商业综合体按规范同步建设母婴室。", {"mandate_obligation"}, {"public_investment"}),
    ("每年举办“江海美食节”。", {"events_promotion"}, set()),
    ("定期发布城市应用场景清单。", {"information_publicity"}, set()),
])
def test_batch14_cues(text, expected, absent):
    got = _codes(text)
    assert expected <= got, (text, got)
    assert not (absent & got), (text, got)


@pytest.mark.parametrize("text,absent", [
    ("专项资金重点用于品牌创建奖励和城市形象宣传。", {"information_publicity"}),
    ("建设全市价格投诉公示平台。", {"information_publicity"}),
    ("组织垃圾焚烧厂和水厂向市民开放参观。", {"land_space_supply"}),
    ("统筹上级补助资金支持村级道路和文化广场建设。", {"public_investment"}),
    ("新建和改造提升日光温室5000亩。", {"public_investment"}),
    ("推广物联网设备和水肥一体化设施。", {"digital_platform"}),
])
def test_batch14_anti_cues(text, absent):
    got = _codes(text)
    assert not (absent & got), (text, got)
