"""Statement classes on synthetic sentences and table rows: coverage, per-facility ranges, margins,
approximate and bounded amounts, qualitative table cells."""
from __future__ import annotations

from types import SimpleNamespace

from model.document import Table
from ontology.mapping.table_targets import parse_value, table_facts
from ontology.mapping.targets import extract
from ontology.mapping.text import Span, sentences


def facts(text, period=(2026, 2030)):
    ctx = Span(text, 0, len(text))
    return [f for s in sentences(text) for f in extract(s, ctx, period_start=period[0], period_end=period[1])]


def test_coverage_is_100_percent_of_the_named_object():
    f, = [f for f in facts("到2030年，基本实现社区养老服务站全覆盖。") if f.kind == "coverage"]
    assert (f.indicator_text, f.value, f.unit, f.year) == ("社区养老服务站覆盖率", 100.0, "%", 2030)


def test_per_facility_range_is_one_norm_not_a_target_of_one():
    fs = facts("按每2万人-6万人配置1处社区文化活动中心。")
    assert [(f.indicator_text, f.value, f.value_max, f.unit, f.kind) for f in fs] == [
        ("社区文化活动中心服务人口", 2.0, 6.0, "万人/处", "standard")]


def test_margin_over_a_named_reference():
    f, = facts("居民收入增速高于全省平均增速1个百分点以上。")
    assert (f.indicator_text, f.value, f.unit, f.comparator, f.extra.get("relative_to")) == (
        "居民收入增速", 1.0, "个百分点", ">=", "全省平均增速")


def test_approximate_and_bounded_amounts():
    got = {(f.value, f.unit, f.comparator) for f in facts(
        "到2030年，服务商户8000余家，参保率近九成，超六成企业上云，新能源车占比1/4以上，产值突破千亿元。")}
    assert got == {(8000.0, "家", ">"), (90.0, "%", "approx"), (60.0, "%", ">"), (25.0, "%", ">="),
                   (1000.0, "亿元", ">")}


def test_spans_of_time_and_names_are_no_amounts():
    assert facts("力争三年内完成改造，实现零的突破。") == [] or all(f.value is None for f in facts("力争三年内完成改造，实现零的突破。"))


def test_table_cells():
    assert parse_value("＞90")[:3] == (90.0, None, ">")
    assert parse_value("10分钟覆盖区超95%")[:3] == (95.0, None, ">")
    assert parse_value("完成上级下达目标") == (None, None, None, None)


def _doc(text, table):
    meta = SimpleNamespace(period_start=2026, period_end=2030)
    return SimpleNamespace(text=text, meta=meta, tables=[table])


def test_qualitative_and_compound_table_rows():
    rows = [["1", "人均公共文化设施面积", "平方米", "预期性", "0.5"],
            ["2", "地区生产总值增速", "%", "预期性", "与全省保持同步"],
            ["3", "单位能耗降低", "%", "约束性", "完成上级下达目标"],
            ["4", "重点产业规模：电子信息：800亿元", "亿元", None, None],
            ["5", "空气质量优良率", "%", "约束性", "/"]]
    text = "\n".join(c for r in rows for c in r if c)
    t = Table(title="主要指标", columns=["序号", "指标名称", "单位", "属性", "2030年目标"], rows=rows, start=0, end=len(text))
    got = [(f.indicator_text, f.value, f.unit, f.kind, f.year, f.year_source) for f in table_facts(_doc(text, t), t)]
    assert got == [("人均公共文化设施面积", 0.5, "平方米", "target", 2030, "table_header"),
                   ("地区生产总值增速", None, None, "qualitative", 2030, "table_header"),
                   ("单位能耗降低", None, None, "qualitative", 2030, "table_header"),
                   ("重点产业规模：电子信息", 800.0, "亿元", "target", 2030, "table_header")]


def test_conditions_formulas_slogans_and_descriptors_are_no_targets():
    assert facts("建成满20年的老旧小区纳入改造范围。") == []
    assert facts("建筑面积大于5万平方米的项目应当配建公共空间。") == []
    assert [f.value for f in facts("以建筑面积不超过60平方米的小户型为主。")] == [60.0]  # a ceiling, not a condition
    assert facts("补贴金额 = 补贴标准×12个月×面积。") == []
    assert facts("落实“5分钟响应、10分钟到场”要求。") == []
    assert [f.value for f in facts("全区30%面积达到5—10年一遇排水能力。")] == [30.0]


def test_price_fractions_and_x_for_y():
    f, = facts("租金应当在同地段市场租金的八五折以下。") or [None]
    assert f is None or f.unit == "%"
    f, = facts("租金应当在同地段市场租金的八折以下。")
    assert (f.value, f.unit, f.comparator) == (80.0, "%", "<=")
    f, = facts("以10万元为单个项目补助上限。")
    assert (f.indicator_text, f.value) == ("单个项目补助上限", 10.0)


def test_a_count_of_listed_places_is_no_target():
    fs = facts("新建4个街道（甲街道、乙街道、丙街道、丁镇）社区食堂12处。")
    assert [(f.indicator_text, f.value) for f in fs] == [("社区食堂", 12.0)]


def test_a_target_cell_listing_sub_indicators():
    rows = [["1", "重点产业规模", "亿元", "预期性", "电子信息：900亿元；生物医药：300亿元"]]
    text = "\n".join(c for r in rows for c in r if c)
    t = Table(title="主要指标", columns=["序号", "指标名称", "单位", "属性", "2030年目标"], rows=rows, start=0, end=len(text))
    got = [(f.indicator_text, f.value, f.unit) for f in table_facts(_doc(text, t), t)]
    assert got == [("重点产业规模：电子信息", 900.0, "亿元"), ("重点产业规模：生物医药", 300.0, "亿元")]


def test_a_requirement_column_of_a_plan_indicator_table_holds_targets():
    # 指标要求 is a column of norms in a technical table, but of targets where its cells state goals
    # (增长5.5%, 达到90%以上) or the table gives each row an attribute (预期性/约束性)
    for cols, rows in [
        (["序号", "指标名称", "单位", "指标要求", "指标属性"],
         [["1", "地区生产总值增速", "%", "增长5.5%", "预期性"], ["2", "常住人口城镇化率", "%", "达到90%以上", "预期性"]]),
        (["序号", "主要指标", "指标要求"],
         [["1", "地区生产总值增速", "增长5.5%"], ["2", "常住人口城镇化率", "达到90%以上"]]),
    ]:
        text = "\n".join(c for r in rows for c in r if c)
        t = Table(title="主要指标", columns=cols, rows=rows, start=0, end=len(text))
        got = [(f.indicator_text, f.value, f.comparator, f.kind, f.year) for f in table_facts(_doc(text, t), t)]
        assert got == [("地区生产总值增速", 5.5, "=", "target", 2030),
                       ("常住人口城镇化率", 90.0, ">=", "target", 2030)]


def test_a_requirement_column_of_a_norm_table_holds_norms():
    rows = [["1", "土壤pH值", "", "6.0～7.5"], ["2", "有机质含量", "g/kg", "≥15"]]
    text = "\n".join(c for r in rows for c in r if c)
    t = Table(title="种植土要求", columns=["序号", "指标", "单位", "指标要求"], rows=rows, start=0, end=len(text))
    assert {f.kind for f in table_facts(_doc(text, t), t)} == {"standard"}
