"""Indicator resolution rules of the batch-18 round (tests/gold/indicator_concepts_dev18.json was measured before
them, untouched: P 1.0 R 0.806, none of 32 near misses merged): an average of a time is of kind time, a leading
base without 每, a bare count is its number, a unit in 人次 says the quantity, the days of good air, surface water
of class Ⅲ or better, 城轨, 全年, 旅游业."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from linking.indicators import decide
from ontology.mapping.indicators import indicator_key, kind_of, lookup

ROOT = Path(__file__).resolve().parent.parent


def _same(a, ua, b, ub):
    ka, kb = indicator_key(a, ua), indicator_key(b, ub)
    return ka.kind == kb.kind and decide(ka.key, kb.key)[0]


@pytest.mark.parametrize("name, unit, kind", [
    ("人均预期寿命", "岁", "time"),  # the average of a time, as 平均预期寿命 is
    ("人均预期寿命", None, "time"),
    ("劳动年龄人口人均受教育年限", "年", "time"),
    ("千名老年人养老床位数", "张", "per_capita"),  # a leading base without 每
    ("人均体育场地面积", "平方米", "per_capita"),  # a per-capita area stays per capita
])
def test_kinds(name, unit, kind):
    assert kind_of(name, unit) == kind


@pytest.mark.parametrize("a, ua, b, ub", [
    ("人均预期寿命（岁）", None, "人口平均预期寿命", "岁"),
    ("居民人均预期寿命", "岁", "平均预期寿命", "岁"),
    ("劳动年龄人口人均受教育年限", "年", "劳动年龄人口受教育年限（年）", None),
    ("每千名老年人拥有养老床位数（张）", None, "千名老人养老床位数", "张"),
    ("空气质量优良天数比例", "%", "优良天数比例（%）", None),
    ("环境空气质量指数（AQI）优良率", "%", "城市空气质量优良天数比率", "%"),
    ("地表水达到或好于Ⅲ类水体比例（%）", None, "地表水Ⅲ类及以上水体比例", "%"),
    ("国考断面水质优良比例", "%", "国控断面水质优良（达到或好于Ⅲ类）比例", "%"),
    ("城市轨道交通运营里程（公里）", None, "城轨交通运营里程", "公里"),
    ("旅游总收入（亿元）", None, "全年旅游总收入", "亿元"),
    ("旅游业总收入（亿元）", None, "旅游总收入", "亿元"),
    ("游客接待人次（亿人次）", None, "年接待游客量（万人次）", None),
    ("城镇老旧小区改造数量（个）", None, "完成城镇老旧小区改造（个）", None),
    ("生猪出栏（万头）", None, "年出栏生猪", "万头"),
    # the dev17 pairs it still missed, and older ones of the same shapes
    ("城市建成区绿化覆盖率", "%", "城区绿化覆盖率", "%"),
    ("燃气普及率", "%", "城区燃气普及率", "%"),
    ("人均避难场所面积", "平方米", "城区人均应急避难场所面积（平方米/人）", None),
    ("因灾直接经济损失占GDP比重", "%", "自然灾害直接经济损失占地区生产总值比重", "%"),
    ("4A级以上景区数", "个", "国家AAAA级以上景区", "家"),
    ("每万人公共文化设施面积", "平方米", "万人公共文化设施建筑面积（平方米）", None),
    ("千兆光纤宽带用户数", "万户", "千兆及以上宽带用户数（万户）", None),
    ("关键工序数控化率", "%", "规上工业企业关键工序数控化率", "%"),
    ("县级及以上城市集中式饮用水水源地水质达标率（%）", None, "集中式饮用水水源地水质达标率", "%"),
    ("普惠性幼儿园覆盖率（%）", None, "普惠性幼儿园在园幼儿占比", "%"),
    ("残疾儿童少年义务教育入学率", "%", "适龄残疾儿童义务教育入学率", "%"),
    ("冬季清洁取暖率", "%", "清洁取暖率（%）", None),
    ("金融机构各项贷款余额", "亿元", "各项贷款余额", "亿元"),
    ("化肥施用量", "万吨", "农用化肥施用量", "万吨"),
    ("畜禽粪污综合利用率（%）", None, "畜禽粪污资源化利用率", "%"),
])
def test_one_indicator_written_two_ways(a, ua, b, ub):
    assert _same(a, ua, b, ub)


@pytest.mark.parametrize("a, ua, b, ub", [
    ("人均预期寿命", "岁", "人均健康预期寿命", "岁"),  # the years lived in good health
    ("劳动年龄人口平均受教育年限", "年", "新增劳动力平均受教育年限", "年"),
    ("地表水达到或好于Ⅲ类水体比例（%）", None, "地表水劣Ⅴ类水体比例", "%"),
    ("地表水水质优良比例", "%", "近岸海域水质优良比例", "%"),  # the coast's 优良 is classes 一、二
    ("空气质量优良天数比率", "%", "重污染天数比率", "%"),
    ("游客接待人次", "万人次", "接待入境游客人次", "万人次"),
    ("旅游总收入", "亿元", "国内旅游收入", "亿元"),
    ("城镇老旧小区改造数量", "个", "老旧小区改造惠及居民户数", "户"),
    ("城市轨道交通运营里程", "公里", "市域（郊）铁路运营里程", "公里"),
    ("托育机构托位数", "个", "每千人口拥有3岁以下婴幼儿托位数", "个"),
    ("5G基站数", "万个", "4G基站数", "万个"),
    ("县城燃气普及率", "%", "城区燃气普及率", "%"),  # the county town stays restrictive
    ("新增保障性租赁住房", "套", "新建保障性租赁住房", "套"),  # 筹集/新增 include conversions; 新建 is built
    ("普惠性幼儿园在园幼儿占比", "%", "普惠性民办幼儿园在园幼儿占比", "%"),
    ("国家AAAA级以上景区", "家", "国家AAAAA级景区", "家"),
])
def test_near_misses_stay_apart(a, ua, b, ub):
    assert not _same(a, ua, b, ub)


def test_the_vocabulary_life_expectancy_takes_its_own_synonyms():
    ids = {lookup(n, u).id for n, u in (("人均预期寿命", "岁"), ("人口平均预期寿命", "岁"), ("平均预期寿命", None))}
    assert ids == {"life_expectancy"}
    assert lookup("人均健康预期寿命", "岁") is None


def test_dev_gold_batch_18():
    """Batch 18, written for this round and measured before any change of it."""
    from bench.eval_indicators import extracted_mentions, run

    gold = json.loads((ROOT / "tests" / "gold" / "indicator_concepts_dev18.json").read_text(encoding="utf-8"))
    assert len(gold["groups"]) >= 30 and len(gold["near_misses"]) >= 30
    ex = extracted_mentions(gold)
    r = run(gold, ex)
    # measured before (4d86f94, untouched): P 1.0 R 0.806 (100 of 124), none of 32 near misses merged; after the
    # batch-18 rules P 1.0 R 1.0, none merged (tuned on)
    assert r["near_misses_merged"] == [] and r["precision"] >= 0.99
    assert r["recall"] >= 0.95
    nv = run(gold, ex, vocabulary=False)
    assert nv["near_misses_merged"] == [] and nv["precision"] >= 0.99 and nv["recall"] >= 0.9
