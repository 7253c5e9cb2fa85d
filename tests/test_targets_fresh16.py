"""The error classes of batches fresh16/fresh17 (work points, 评价指标体系 and 考核 tables, outlines with an end
indicator table, yearly task tables, reference-standard attachments), on synthetic sentences and tables written
for these tests (no line of a real plan)."""
from __future__ import annotations

from bench.eval_targets import targets_of
from loaders import parse_plan
from ontology.mapping import map_document
from ontology.mapping.quantity import scan
from ontology.mapping.targets import extract
from ontology.mapping.text import Span, sentences


def facts(text, period=(2026, 2028), **kw):
    ctx = Span(text, 0, len(text))
    return [f for s in sentences(text) for f in extract(s, ctx, period_start=period[0], period_end=period[1], **kw)
            if f.kind != "qualitative"]


def plan_targets(tmp_path, name, text):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    doc = parse_plan(p, {"file": name, "region": "某某县", "region_en": "Mou", "level": "county",
                         "parent": "某某市", "province": "某某省"})
    return targets_of(map_document(doc))


def cells(*lines):
    return "\n\n".join(lines) + "\n"


def test_a_bare_year_dates_its_own_sentence_only():
    got = [(f.indicator_text, f.value, f.year) for f in facts(
        "2026年，全县开通城乡公交线路12条。城乡公交线路达到40条，公交站点达到300个。")]
    assert ("开通城乡公交线路", 12, 2026) in got
    assert ("城乡公交线路", 40, 2028) in got and ("公交站点", 300, 2028) in got
    # a 到 lead governs the paragraph as a block
    got = [(f.indicator_text, f.year) for f in facts("到2027年，城区绿道达到90公里。口袋公园达到25座。")]
    assert ("口袋公园", 2027) in got


def test_unitless_coefficients_and_rates_per_ten_thousand_vehicles():
    got = {f.indicator_text: (f.value, f.unit) for f in facts(
        "到2028年，农田灌溉水有效利用系数提高到0.58，道路交通万车死亡率下降到1.8以下。")}
    assert got["农田灌溉水有效利用系数"] == (0.58, None)
    assert got["道路交通万车死亡率"] == (1.8, None)


def test_a_day_before_deadline_is_no_amount():
    assert facts("各乡镇于每月末3日前报送工作进展。") == []


def test_a_verb_alone_takes_the_earlier_object_with_its_own_work():
    got = [(f.indicator_text, f.value) for f in facts("新建农村公路60公里，改造提升25公里。")]
    assert got == [("新建农村公路", 60), ("改造提升农村公路", 25)]


def test_a_range_written_in_two_scales_is_in_the_first_end_unit():
    q = scan("单个游园面积一般为500平方米至2万平方米")[0]
    assert (q.v1, q.u1, q.v2, q.u2) == ("500", "平方米", "20000", "平方米")


def test_a_share_of_a_whole_bounded_before_the_whole():
    got = [(f.indicator_text, f.value, f.comparator) for f in facts("绿化用地面积不低于总用地面积的35%。")]
    assert got == [("绿化用地面积占总用地面积比例", 35, ">=")]


def test_growth_column_and_qualitative_growth_cells(tmp_path):
    text = ("某某县“十五五”规划纲要\n\n第一章 发展目标\n\n到2030年，全县综合实力明显增强，主要指标如下。\n\n"
            "附表 某某县“十五五”主要指标\n\n") + cells(
        "指标", "单位", "2025年", "2030年", "年均增长（%）", "属性",
        "规模以上工业增加值", "亿元", "60", "85", "7", "预期性",
        "农村居民人均可支配收入增长", "%", "7.1", "—", "快于城镇居民", "预期性",
        "单位地区生产总值二氧化碳排放降低", "%", "—", "—", "完成省下达任务", "约束性")
    got = {(t["indicator_text"], t.get("value"), t.get("year"), t["kind"]) for t in plan_targets(tmp_path, "a.txt", text)}
    assert ("规模以上工业增加值年均增长", 7.0, 2030, "target") in got
    assert ("农村居民人均可支配收入增长", None, 2030, "qualitative") in got
    assert ("单位地区生产总值二氧化碳排放降低", None, 2030, "qualitative") in got


def test_an_assessment_table_of_clauses(tmp_path):
    text = "某某县2026年度农业农村工作考核细则\n\n" + cells(
        "序号", "考核内容", "目标任务", "分值",
        "1", "粮食播种面积", "稳定在45万亩以上", "20",
        "2", "农村卫生厕所普及率", "不低于90%", "10",
        "3", "耕地保有量", "完成市下达任务", "10")
    got = {(t["indicator_text"], t.get("value"), t.get("comparator"), t.get("year")) for t in
           plan_targets(tmp_path, "b.txt", text)}
    assert ("粮食播种面积", 45.0, ">=", 2026) in got
    assert ("农村卫生厕所普及率", 90.0, ">=", 2026) in got
    assert ("耕地保有量", None, None, 2026) in got
    assert not any(v in (20.0, 10.0) for _, v, _, _ in got)


def test_a_yearly_table_laid_out_by_rows_of_years(tmp_path):
    text = ("某某县城乡绿化三年行动方案（2026—2028年）\n\n一、总体目标\n\n通过三年努力，全县新增造林面积4.5万亩。\n\n"
            "二、年度任务\n\n") + cells(
        "年度", "新增造林面积（万亩）", "新建村庄游园（个）", "改造提升绿道（公里）",
        "2026年", "1.2", "30", "15",
        "2027年", "1.5", "42", "20",
        "2028年", "1.8", "56", "24") + "\n三、保障措施\n\n县财政统筹安排资金。\n"
    got = {(t["indicator_text"], t.get("value"), t.get("unit"), t.get("year")) for t in
           plan_targets(tmp_path, "c.txt", text)}
    assert ("新增造林面积", 1.5, "万亩", 2027) in got
    assert ("新建村庄游园", 56.0, "个", 2028) in got
    assert not any(v in (2026.0, 2027.0, 2028.0) for _, v, _, _ in got)


def test_a_reference_value_column_holds_norms(tmp_path):
    text = "某某县“十五五”城乡供水规划\n\n到2030年，农村自来水普及率达到98%。\n\n附件 村级供水站建设参考标准\n\n" + cells(
        "项目", "单位", "参考值",
        "日供水能力", "立方米", "≥200",
        "出厂水浊度", "NTU", "≤1",
        "清水池有效容积", "立方米", "50～100")
    got = {(t["indicator_text"], t.get("value"), t.get("year"), t["kind"]) for t in plan_targets(tmp_path, "d.txt", text)}
    assert ("日供水能力", 200.0, None, "standard") in got
    assert ("农村自来水普及率", 98.0, 2030, "target") in got


def test_goals_in_words_after_a_goal_lead(tmp_path):
    text = ("某某县2026年政府工作要点\n\n全县发展的主要预期目标是：地区生产总值增长5.5%左右；农村居民人均可支配收入增长"
            "与经济增长保持同步；单位地区生产总值能耗降低完成省下达的目标任务。\n\n到2030年，人均预期寿命达到80岁，"
            "居民主要健康指标高于全省平均水平。\n")
    got = {(t["indicator_text"], t.get("year")) for t in plan_targets(tmp_path, "e.txt", text)
           if t["kind"] == "qualitative"}
    assert ("农村居民人均可支配收入增长", 2026) in got
    assert ("单位地区生产总值能耗降低", 2026) in got
    assert ("居民主要健康指标", 2030) in got


def test_each_item_holds_the_amount_written_after_ge():
    got = [(f.indicator_text, f.value) for f in facts("新建城市书房、文化驿站各10个。")]
    assert got == [("新建城市书房", 10), ("文化驿站", 10)]


def test_a_capped_rate_per_a_measured_amount():
    got = [(f.indicator_text, f.value, f.unit, f.comparator) for f in facts("对农村公路提档改造按每公里最高30万元给予补助。")]
    assert got[0][1:] == (30, "万元/公里", "<=")
    got = [(f.value, f.unit) for f in facts("对每家企业最高奖励50万元。")]
    assert got == [(50, "万元")]


def test_a_market_cycle_is_a_goal_not_a_procedure_term():
    got = [(f.indicator_text, f.value, f.unit) for f in facts("商品住房去化周期控制在16个月以内。")]
    assert got == [("商品住房去化周期", 16, "个月")]
    assert facts("项目建设周期为2年。") == []


def test_a_rate_per_ten_thousand_in_a_unit_column(tmp_path):
    text = ("某某县“十五五”卫生健康规划\n\n到2030年，全县健康水平持续提升。\n\n表1 主要指标\n\n") + cells(
        "领域", "指标", "单位", "2025年", "2030年", "指标性质",
        "健康水平", "人均预期寿命", "岁", "79.1", "80", "预期性",
        "婴儿死亡率", "‰", "4.2", "≤4", "预期性",
        "孕产妇死亡率", "/10万", "10.5", "≤10", "预期性",
        "服务能力", "每千人口医疗卫生机构床位数", "张", "6.0", "6.8", "预期性",
        "每万人口全科医生数", "人", "3.5", "≥5", "约束性")
    got = {(t["indicator_text"], t.get("value"), t.get("unit")) for t in plan_targets(tmp_path, "f.txt", text)}
    assert ("孕产妇死亡率", 10.0, "/10万") in got
    assert ("婴儿死亡率", 4.0, "‰") in got  # the caption 表1 主要指标 is no column


def _meta(tmp_path, name, text):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return parse_plan(p, {"file": name, "region": "某某县", "region_en": "Mou", "level": "county",
                          "parent": "某某市", "province": "某某省"}).meta


def test_titles_that_give_the_period(tmp_path):
    m = _meta(tmp_path, "g.txt", "某某县2026年农村人居环境整治提升工作实施方案\n\n一、工作目标\n\n全年完成农村户厕改造800户。\n")
    assert (m.period_start, m.period_end) == (2026, 2026)
    m = _meta(tmp_path, "h.txt", "某某县乡村振兴评价指标体系（2026—2028年）\n\n为科学评价乡村振兴成效，制定本指标体系。\n")
    assert m.title and (m.period_start, m.period_end) == (2026, 2028)
