"""The quantity grammar (ontology/mapping/quantity.py) on synthetic amounts, one class per test."""
from __future__ import annotations

import pytest

from ontology.mapping.quantity import cn_number, scan


def amounts(text):
    return [(q.v1, q.v2, q.u2 or q.u1, q.approx, q.form) for q in scan(text)]


@pytest.mark.parametrize("text, want", [
    ("培育企业6000余家", ("6000", None, "家", "above", "plain")),
    ("带动2.4万余户增收", ("2.4", None, "万户", "above", "plain")),
    ("新增岗位300多个", ("300", None, "个", "above", "plain")),
])
def test_more_than_written_inside_the_amount(text, want):
    assert amounts(text) == [want]


@pytest.mark.parametrize("text, value", [("占比近四成", "40"), ("超七成社区", "70"), ("六成以上", "60")])
def test_tenths_are_percentages(text, value):
    assert amounts(text) == [(value, None, "%", None, "cheng")]


@pytest.mark.parametrize("text", ["成为示范区", "建成一批", "取得成效", "八成本地"])
def test_cheng_as_a_word_is_no_amount(text):
    assert not [a for a in amounts(text) if a[4] == "cheng"]


@pytest.mark.parametrize("text, value", [("占比1/4以上", "25"), ("接近1/5", "20"), ("达到四分之一", "25")])
def test_fractions_are_percentages(text, value):
    (v, _, unit, _, form), = amounts(text)
    assert (float(v), unit, form) == (float(value), "%", "fraction")


def test_chinese_numerals_need_a_lead_word_and_a_measure_word():
    assert amounts("新建一所中学") == [("1", None, "所", None, "plain")]
    assert amounts("总量突破千家") == [("1000", None, "家", None, "plain")]
    assert amounts("营收突破百亿元") == [("100", None, "亿元", None, "plain")]
    for idiom in ("落实“两个维护”", "实施三项行动", "坚持一张蓝图绘到底", "推进一体化发展", "第十二条",
                  "“十五五”时期", "打造零碳园区", "一次性补助", "支持两所高校"):
        assert amounts(idiom) == [], idiom


def test_ranges_scales_per_units_and_ratios():
    assert amounts("每2万人-5万人") [0][:3] == ("2", "5", "万人")
    assert amounts("12—18平方米") == [("12", "18", "平方米", None, "plain")]
    assert amounts("9张/千人")[0][2] == "张/千人"  # a unit of units.csv
    assert amounts("死亡率8/10万")[0][2] == "/10万"
    q, = scan("床护比1:0.6")
    assert (q.r1, q.r2, q.form) == ("1", "0.6", "ratio")
    assert amounts("密度3.1千米/平方千米") == [("3.1", None, "千米/平方千米", None, "plain")]


def test_bracketed_sub_value_shares_the_unit():
    qs = scan("2400（800）公里")
    assert [(q.v1, q.u1, q.bracketed) for q in qs] == [("2400", "公里", False), ("800", "公里", True)]


def test_cn_number_by_cn2an():
    assert cn_number("一百二十") == 120 and cn_number("两") == 2 and cn_number("百") == 100
    assert cn_number("十四五") is None
