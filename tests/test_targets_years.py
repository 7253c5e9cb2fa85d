"""The year scope pass: every target gets a year and the reason for it (synthetic sentences)."""
from __future__ import annotations

from ontology.mapping.targets import extract
from ontology.mapping.text import Span, sentences
from ontology.mapping.year_scope import lead_year, period_end, prior_period_end


def facts(text, period=(2026, 2030), **kw):
    ctx = Span(text, 0, len(text))
    out = []
    for s in sentences(text):
        out.extend(extract(s, ctx, period_start=period[0], period_end=period[1], **kw))
    return [f for f in out if f.kind != "qualitative"]


def years(text, **kw):
    return [(f.indicator_text, f.year, f.year_source, f.kind) for f in facts(text, **kw)]


def test_sentence_year_and_paragraph_lead():
    assert years("到2028年，社区食堂达到60家。") == [("社区食堂", 2028, "sentence", "target")]
    got = years("到2029年，城区面貌明显改善。口袋公园达到35座。")
    assert got == [("口袋公园", 2029, "block", "target")]


def test_block_lead_governs_the_paragraphs_after_it():
    assert years("绿道长度达到120公里。", block_year=2035) == [("绿道长度", 2035, "block", "target")]


def test_plan_period_fills_in_undated_goals():
    assert years("养老床位达到5000张。") == [("养老床位", 2030, "plan_period", "target")]
    assert years("养老床位达到5000张。", period=(None, None)) == [("养老床位", None, "none", "target")]


def test_historic_figures_get_the_previous_periods_end():
    got = years("“十四五”以来，累计新建学校18所，人均绿地面积达到9.5平方米。")
    assert {(n, y, k) for n, y, _, k in got} == {("新建学校", 2025, "historic"), ("人均绿地面积", 2025, "historic")}
    got = years("新增就业岗位4.2万个。", historic_context=True)
    assert got == [("新增就业岗位", 2025, "block", "historic")]
    got = years("截至2024年底，已建成充电桩3200个。")
    assert got[0][1:] == (2024, "sentence", "historic")


def test_baseline_period_is_not_the_figures_own():
    got = years("基础养老金较“十三五”末提高35%。", historic_context=True)
    assert got[0][1] == 2025


def test_annual_and_cumulative_quantities():
    fs = facts("每年新增托位300个，五年累计新增托位1500个。")
    assert [(f.value, f.year, f.change_type) for f in fs] == [(300.0, None, "annual"), (1500.0, 2030, "cumulative")]


def test_period_words():
    assert period_end("四") == 2025 and period_end("五") == 2030  # the N of 十N五
    assert lead_year("到“十五五”末，全区建成…：") == 2030
    assert lead_year("至2035年，基本建成…") == 2035
    assert lead_year("全区建成公园40座") is None
    assert prior_period_end("“十三五”期间累计完成", 2021) == 2020
