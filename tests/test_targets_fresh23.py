"""The error classes of batch fresh23 (a milestone noun after a passed threshold, a count of the things a rate runs
over, the yield of one project once built, a threshold after the counted class, the work shared out among
officials, a prefecture's scope word and its county-level cities, a qualitative 完成…下达目标), on synthetic
sentences written for these tests (no line of a real plan or of the batch)."""
from __future__ import annotations

from ontology.mapping.targets import extract
from ontology.mapping.text import Span, sentences


def facts(text, period=(2026, 2030), **kw):
    ctx = Span(text, 0, len(text))
    return [f for s in sentences(text) for f in extract(s, ctx, period_start=period[0], period_end=period[1], **kw)]


def vals(text, **kw):
    return [(f.value, f.unit) for f in facts(text, **kw) if f.value is not None]


def named(text, **kw):
    return {(f.indicator_text, f.value) for f in facts(text, **kw) if f.value is not None}


def test_a_milestone_noun_stays_with_its_threshold():
    got = named("“十四五”时期，全市规模以上工业营业收入跨过800亿元关口、达到856亿元，年均增长8.4%。",
                historic_context=True)
    assert ("规模以上工业营业收入", 856) in got
    assert not any(n in ("关口", "") for n, _ in got)


def test_a_count_of_what_a_rate_runs_over_is_no_count():
    got = vals("全市23个省控断面水质达标比例达到96.2%。", historic_context=True)
    assert got == [(96.2, "%")]
    # a count named by the counted things stays a target
    assert (12, "个") in vals("到2030年，新建省控监测断面12个。")


def test_the_yield_of_one_project_once_built_is_no_target():
    assert vals("（2）某某储能装备基地：总投资36亿元，达产后可实现年销售收入50亿元。") == []
    assert (50, "亿元") in vals("到2030年，储能装备产业年销售收入达到50亿元。")


def test_a_threshold_after_the_counted_class_names_the_class():
    got = named("到2028年，每个园区至少培育2家年产值超5亿元的骨干企业。")
    assert [v for _, v in got] == [2]


def test_the_work_shared_out_among_officials_is_no_target():
    assert vals("每名县级领导联系2至3个重点企业，每周调度1次。") == []


def test_a_prefectures_scope_word_and_its_cities_are_region_facts():
    assert vals("全州国土总面积3.8万平方公里，辖2个县级市、6个县。", historic_context=True) == []


def test_a_qualitative_goal_of_a_target_set_above():
    got = [f for f in facts("到2030年，单位地区生产总值能耗降低完成市下达目标。") if f.kind == "qualitative"]
    assert got and got[0].year == 2030
