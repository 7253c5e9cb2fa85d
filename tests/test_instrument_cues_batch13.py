"""Instrument cue classes of the batch-13 round (issue 13; 新能源汽车, 安全生产, 冷链, 空气质量, 入境旅游, 综合交通 shapes).

Each row is a general phrasing of a government action, not a sentence of the batch: a fleet made to renew with a kind
of vehicle, every firm of a class made to insure or install, firms made to check themselves or to disclose, a ban on a
kind of new plant (不再新建: the negation opens the cue), new builds made to provide; an extra charge forbidden and a
tariff applied are price rules; a grant for works is a subsidy, not a public work; a transport hub and monitoring
stations built; a monitoring or warning system; liability insurance; standardisation grades; joint prevention between
places; media familiarisation trips; experience diffused; a prohibition zone drawn; rotation training; admission waived;
a batch of districts designated; a project's preparatory study is no research support, and the channel a grant is
paid through no new grant. The sentences are our own.
"""
from __future__ import annotations

import pytest

from ontology.mapping import instruments
from ontology.mapping.text import sentences


def _codes(text: str) -> set[str]:
    return {h.instrument.id for h in instruments.find(sentences(text, 0, len(text)))}


@pytest.mark.parametrize("text,expected,absent", [
    ("城区新增及更新的环卫车辆原则上全部采用纯电动车型。", {"mandate_obligation"}, set()),
    ("危险化学品企业全部投保安全生产责任保险。", {"mandate_obligation", "finance_credit_insurance"}, set()),
    ("督促矿山企业开展隐患自查自纠。", {"mandate_obligation"}, set()),
    ("县城建成区不再新建每小时20蒸吨以下燃煤锅炉。", {"mandate_obligation"}, set()),
    ("重点监管企业依法公开污染物排放数据。", {"mandate_obligation"}, set()),
    ("接入居民电表的充电桩不得另行收取服务费。", {"fee_price_regulation"}, {"mandate_obligation"}),
    ("冷库用电执行农业生产电价。", {"fee_price_regulation"}, set()),
    ("对新建换电站按设备投资额给予15%补助。", {"subsidy"}, {"public_investment"}),
    ("建设高铁站综合交通枢纽。", {"public_investment"}, set()),
    ("在工业园区布设大气污染监测点。", {"public_investment"}, set()),
    ("建设城市燃气安全风险监测预警系统。", {"digital_platform"}, set()),
    ("推动冶金企业开展安全生产标准化达标创建。", {"standards_certification"}, set()),
    ("与毗邻县区建立水污染联防联治机制。", {"coordination_mechanism"}, set()),
    ("邀请国内外记者和旅行商来市踩线。", {"information_publicity"}, set()),
    ("及时总结推广基层典型做法。", {"information_publicity"}, set()),
    ("划定禁燃区并向社会公布。", {"regulation_supervision"}, set()),
    ("对中小学校长开展全员轮训。", {"training_talent"}, set()),
    ("对持证残疾人免收景区门票。", {"tax_incentive"}, set()),
    ("遴选一批市级乡村旅游重点村和示范基地。", {"pilot_demonstration"}, set()),
    ("开展沿江高速公路前期研究。", set(), {"rd_support"}),
    ("运营补贴资金通过监管平台按月拨付。", set(), {"subsidy"}),
])
def test_batch13_cue_classes(text, expected, absent):
    got = _codes(text)
    assert expected <= got, (text, got)
    assert not (absent & got), (text, got)


@pytest.mark.parametrize("text,expected,absent", [
    # what a duty makes a builder or an operator build or renew is its own doing, no public work
    ("新建商品住宅小区停车位100%建设充电设施。", {"mandate_obligation"}, {"public_investment"}),
    ("新增和更新的巡游出租车全部使用新能源车辆。", {"mandate_obligation"}, {"public_investment"}),
    # the government's own works in the same measure still code
    ("新增和更新的公交车全部使用新能源车辆，新建公交首末站12个。", {"mandate_obligation", "public_investment"}, set()),
])
def test_duty_object_is_no_public_work(text, expected, absent):
    got = _codes(text)
    assert expected <= got, (text, got)
    assert not (absent & got), (text, got)
