"""Indicator resolution rules of the batch-15 round: a share that states its
denominator, utility coverage words, ownership and new-town qualifiers, and rewordings (tests/gold/indicator_concepts_dev15.json
was measured before them)."""
from __future__ import annotations

import pytest

from linking.indicators import decide
from ontology.mapping.indicators import indicator_key, lookup


def _key(name, unit=None):
    return indicator_key(name, unit).key


def _same(a, ua, b, ub):
    ka, kb = indicator_key(a, ua), indicator_key(b, ub)
    return ka.kind == kb.kind and decide(ka.key, kb.key)[0]


@pytest.mark.parametrize("a, ua, b, ub", [
    ("煤炭消费占能源消费总量比重（%）", None, "煤炭消费比重", "%"),  # one share states its denominator
    ("生活垃圾焚烧处理能力占无害化处理能力比重（%）", None, "城市生活垃圾焚烧处理能力占比", "%"),
    ("城区集中供热覆盖率", "%", "城市集中供热普及率（%）", None),
    ("冬季清洁取暖覆盖率", "%", "冬季清洁取暖率", "%"),
    ("农村集中式供水率", "%", "农村集中供水覆盖率", "%"),
    ("易涝积水点消除比例", "%", "内涝积水点消除率", "%"),
    ("国考断面优良水体比例", "%", "国控断面优良水体比例（%）", None),
    ("常住人口城镇化水平", "%", "常住人口城镇化率（%）", None),
    ("每万人口高价值发明专利拥有量（件）", None, "每万人高价值发明专利数", "件"),
    ("社零总额年均增长", "%", "社会消费品零售总额年均增长（%）", None),
    ("粮食年产量", "万吨", "粮食总产量（万吨）", None),
])
def test_one_indicator_written_two_ways(a, ua, b, ub):
    assert _same(a, ua, b, ub)


@pytest.mark.parametrize("a, ua, b, ub", [
    ("高技能人才占技能人才比重", "%", "高技能人才占从业人员比重", "%"),  # two stated denominators
    ("绿色建筑占新建建筑比例", "%", "装配式建筑占比", "%"),
    ("煤炭消费占能源消费总量比重", "%", "煤炭消费量", "万吨"),
    ("国有企业营业收入", "亿元", "企业营业收入", "亿元"),  # ownership narrows
    ("民营养老机构护理型床位占比", "%", "养老机构护理型床位占比", "%"),
    ("新城人均公园绿地面积", "平方米", "人均公园绿地面积", "平方米"),  # a new town's figure
    ("公共图书馆人均藏书", "册", "公共图书馆藏书总量", "万册"),  # per capita vs the total
    ("城镇化水平", "%", "户籍人口城镇化率", "%"),
    ("每万人口发明专利拥有量", "件", "每万人高价值发明专利数", "件"),
    ("社零总额年均增长", "%", "社会消费品零售总额", "亿元"),
    ("粮食年产量", "万吨", "粮食播种面积", "万亩"),
    ("农村集中供水覆盖率", "%", "农村自来水普及率", "%"),
])
def test_near_misses_stay_apart(a, ua, b, ub):
    assert not _same(a, ua, b, ub)


def test_an_owner_before_a_canonical_name_is_not_that_indicator():
    # the vocabulary's contained-synonym lookup refuses a name that puts an owner before a synonym
    assert lookup("养老机构护理型床位占比", "%") is not None
    assert lookup("民营养老机构护理型床位占比", "%") is None
    assert lookup("国有企业基本养老保险参保率", "%") is None
