"""Indicator resolution rules of the batch-17 round (tests/gold/indicator_concepts_dev17.json was measured
before them): a restrictive word that narrows (星级, 助理), a word put before the short name a name's restrictive
words leave (新增[公共]停车泊位), the vocabulary's physician synonyms."""
from __future__ import annotations

import pytest

from linking.indicators import decide
from ontology.mapping.indicators import indicator_key, lookup


def _same(a, ua, b, ub):
    ka, kb = indicator_key(a, ua), indicator_key(b, ub)
    return ka.kind == kb.kind and decide(ka.key, kb.key)[0]


@pytest.mark.parametrize("a, ua, b, ub", [
    ("每千人口执业（助理）医师数", "人", "每千人口执业医师数", "人"),  # assistants counted too
    ("执业（助理）医师数（人/千人）", None, "每千常住人口执业医师数", "人"),
    ("新建建筑中绿色建筑占比", "%", "新建建筑中星级绿色建筑占比", "%"),  # the rated ones only
    ("新增公共停车泊位", "个", "新增停车泊位", "个"),  # public ones only
    ("新增公共充电桩", "个", "新增充电桩", "个"),
])
def test_near_misses_stay_apart(a, ua, b, ub):
    assert not _same(a, ua, b, ub)


@pytest.mark.parametrize("a, ua, b, ub", [
    ("新增公共停车泊位（个）", None, "新增公共停车位数量", "个"),
    ("每千人口执业（助理）医师数", "人", "每千常住人口执业（助理）医师数", "人"),
    ("新增城镇就业人数", "万人", "城镇新增就业", "万人"),  # restrictive words in another order
])
def test_one_indicator_written_two_ways(a, ua, b, ub):
    assert _same(a, ua, b, ub)


def test_physicians_only_are_not_the_canonical_physicians_and_assistants():
    assert lookup("每千人口执业（助理）医师数", "人") is not None
    assert lookup("每千人口执业医师数", "人") is None
