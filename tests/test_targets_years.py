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


def test_a_whole_period_phrase_resets_an_earlier_deadline():
    text = "到2027年底前，全县建成驿站10个。规划期内，护理型床位占比达到65%以上，助餐点覆盖率达到90%。"
    assert [(y, k) for _, y, _, k in years(text)] == [(2027, "target"), (2030, "target"), (2030, "target")]
    got = years("到2028年，新增照护床位800张。“十五五”时期，每千名老年人拥有养老床位数不低于38张。")
    assert [y for _, y, _, _ in got] == [2028, 2030]
    # a span of years counts as the plan's period only when it is the plan's length
    assert [y for _, y, _, _ in years("到2027年，建成枢纽4个。未来五年，新增停车泊位3万个。")] == [2027, 2030]
    assert [y for _, y, _, _ in years("到2027年，建成枢纽4个。今后三年，新增停车泊位3万个。")] == [2027, 2027]
    assert [y for _, y, _, _ in years("到2025年底，完成加固8座。方案实施期内，新增灌溉面积2万亩。",
                                      period=(2025, 2027))] == [2025, 2027]


def test_a_period_phrase_makes_a_goal_and_an_earlier_period_a_review():
    assert years("规划期内，全县累计建成口袋公园30个。") == [("口袋公园", 2030, "sentence", "target")]
    assert years("上一规划期内，全县累计建成口袋公园30个。")[0][1::2] == (2025, "historic")
    got = years("到2027年，建成中心10个。“十四五”期间，累计建成社区食堂60家。")
    assert [(y, k) for _, y, _, k in got] == [(2027, "target"), (2025, "historic")]
    assert years("过去五年，累计新增就业岗位5万个。")[0][1::2] == (2025, "historic")


def test_a_past_figure_does_not_date_the_goals_after_it_in_a_plan_ahead():
    got = years("2025年全市港口货物吞吐量为1.6亿吨，力争港口货物吞吐量达到2亿吨，集装箱吞吐量突破300万标箱。")
    assert got[0][1::2] == (2025, "historic")
    assert [(y, k) for _, y, _, k in got[1:]] == [(2030, "target"), (2030, "target")]
    # a review section, a past marker or a baseline keeps the past year
    got = years("2025年，港口货物吞吐量为1.6亿吨，力争达到2亿吨。", historic_context=True)
    assert {k for *_, k in got} == {"historic"}
    got = years("2025年，公交分担率为41%，新能源公交车占比已达88%。")
    assert [(y, k) for _, y, _, k in got] == [(2025, "historic"), (2025, "historic")]


def test_a_list_number_run_into_a_date_is_no_amount():
    from ontology.mapping.quantity import scan
    assert [q.group(0) for q in scan("1.2026年8月底前，完成县级平台建设。")] == ["8"]  # the month, not 1.2026年
    assert [q.group(0) for q in scan("2．2027年6月底前，新建综合服务中心5个。")] == ["6", "5个"]
    assert facts("1.2026年8月底前，完成县级平台建设。") == []
    got = facts("3.2028年12月底前，完成敬老院改造提升12所。")
    assert [(f.value, f.year, f.year_source) for f in got] == [(12.0, 2028, "sentence")]
    assert [q.group(0) for q in scan("人均预期寿命提高到80.2岁，增长1.5%。")] == ["80.2岁", "1.5%"]
    assert [q.group(0) for q in scan("3.2026—2027年，新建驿站20个。")] == ["20个"]  # a span of years
    assert [q.group(0) for q in scan("4.2026年至2028年，新增托位300个。")] == ["300个"]


def test_a_colon_lead_naming_the_plan_end_governs_its_block():
    assert lead_year("到规划期末，全县文化事业发展主要目标是：", (2026, 2030)) == 2030
    assert lead_year("规划期内，主要目标是：", (None, None)) is None
    assert lead_year("上一规划期内，主要成效是：", (2026, 2030)) is None


def test_a_clause_naming_the_plan_period_is_a_goal_after_a_present_figure():
    got = years("目前全县养老床位3200张，到规划期末达到5000张。")
    assert [(y, k) for _, y, _, k in got] == [(2025, "historic"), (2030, "target")]
    assert "规划期末" not in got[1][0]


def test_a_span_of_the_plans_length_without_direction_follows_the_scope_before_it():
    got = years("到2027年底前，完成改造200个，五年累计完成改造500个。")
    assert [y for _, y, _, _ in got] == [2027, 2030]
    got = years("“十四五”时期，全县建成公园6个。五年累计完成投资1260亿元。")
    assert [(y, k) for _, y, _, k in got] == [(2025, "historic"), (2025, "historic")]
    got = years("到2027年，建成服务中心10个。本行动计划实施期间，累计新增服务站6个。")
    assert [(y, k) for _, y, _, k in got] == [(2027, "target"), (2030, "target")]


def test_a_plan_starting_in_the_last_year_of_a_period_reviews_that_period_to_its_end():
    got = years("“十四五”期间，全县累计完成造林1.2万亩。", period=(2025, 2027), historic_context=True)
    assert got[0][1::2] == (2025, "historic")
    got = years("“十四五”期间，全县累计完成造林1.2万亩。", period=(2025, 2027))
    assert got[0][1::2] == (2025, "historic")


def test_jiezhi_reports_a_status_even_in_the_plans_first_year():
    got = years("截至2025年底，全县已建成充电桩3200个。", period=(2025, 2027))
    assert got == [("充电桩", 2025, "sentence", "historic")]
    got = years("截至2026年6月，全县累计建成充电桩3200个。", period=(2025, 2027))
    assert got[0][1::2] == (2026, "historic")
    assert years("到2026年6月底，全县累计建成充电桩3200个。", period=(2025, 2027))[0][1::2] == (2026, "target")


def test_the_plans_base_year_and_its_period_statement_govern_nothing():
    assert years("规划期为2026—2030年，基期为2025年。新建公园3个。")[0][1::2] == (2030, "target")
    assert years("规划基准年为2025年。新建公园3个。")[0][1::2] == (2030, "target")
    assert years("本规划期内新建公园3个。") == [("新建公园", 2030, "sentence", "target")]


def test_spans_looking_back_are_a_review():
    for text in ("五年来，全县新建学校18所。", "近五年，全县新建学校18所。"):
        assert years(text)[0][1::2] == (2025, "historic"), text
    assert years("近三年内，新建学校18所。")[0][1::2] == (2030, "target")


def test_a_goal_word_gives_a_past_year_way_only_within_the_amounts_sentence():
    got = years("2025年，全县常住人口城镇化率为60%，人均预期寿命达到79.5岁。")
    assert [(y, k) for _, y, _, k in got] == [(2025, "historic"), (2025, "historic")]  # 预期寿命 is no aim
    got = years("2025年，全市港口吞吐量1.6亿吨，力争达到2亿吨。集装箱吞吐量180万标箱。")
    assert [(y, k) for _, y, _, k in got] == [(2025, "historic"), (2030, "target"), (2025, "historic")]
