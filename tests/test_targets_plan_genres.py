"""Forms of three-year action plans, 民生实事 lists and special plans (fixture batch fresh15); synthetic sentences."""
from __future__ import annotations

from ontology.mapping.quantity import scan
from ontology.mapping.targets import extract
from ontology.mapping.text import Span, sentences


def facts(text, start=2026, end=2028):
    ctx = Span(text, 0, len(text))
    return [f for s in sentences(text) for f in extract(s, ctx, period_start=start, period_end=end)
            if f.value is not None]


def test_comparator_before_a_list_holds_for_every_item():
    got = {f.indicator_text: f.comparator for f in facts("到2028年，新建不少于30座公园、120公里绿道和15处城市绿廊。")}
    assert got == {"公园": ">=", "绿道": ">=", "城市绿廊": ">="}


def test_grade_only_inside_a_bracket_takes_the_noun_after_it():
    got = {f.indicator_text: f.value for f in facts("到2028年，培育12家（其中省级4家）园林绿化骨干企业。")}
    assert got.get("省级园林绿化骨干企业") == 4


def test_numeral_measure_pairs_run_together_are_a_name():
    assert [q.group(0) for q in scan("新建、改造千吨万人供水工程6处")] == ["6处"]
    assert [q.group(0) for q in scan("新建一座公园、两所学校")] == ["一座", "两所"]


def test_hedged_norm_in_a_task_paragraph_is_a_standard_from_its_clause_on():
    got = {f.indicator_text: (f.kind, f.year) for f in facts(
        "新建城市书房30个，每个城市书房面积原则上不小于120平方米，藏书不少于5000册。", 2026, 2030)}
    assert got["新建城市书房"] == ("target", 2030)
    assert got["每个城市书房面积"] == ("standard", None)
    assert got["藏书"] == ("standard", None)
    got = {f.indicator_text: f.kind for f in facts("口袋公园单个面积一般不小于400平方米，绿道宽度不宜小于3米。")}
    assert got == {"口袋公园单个面积": "standard", "绿道宽度": "standard"}


def test_deadline_label_dates_the_task():
    got = facts("改造提升老旧公园25座。（责任单位：市城管局；完成时限：2027年12月）")
    assert [(f.value, f.year) for f in got] == [(25, 2027)]


def test_plan_span_cumulative_is_a_goal_not_a_review():
    got = {f.indicator_text: (f.kind, f.year) for f in facts("每年新增立体绿化面积不少于5万平方米，三年累计完成15万平方米。")}
    assert got["新增立体绿化面积"] == ("target", None)
    assert ("target", 2028) in got.values()
