"""The error classes of batch fresh19 (a county 政府工作报告, a facility-layout special plan with 近期/远期 terms, a
考核办法 table with 分值, a city 民生实事 list, a 十五五 outline with a 年均增长〔累计〕 column, an indicator system
with 2027/2030 columns), on synthetic sentences and tables written for these tests (no line of a real plan)."""
from __future__ import annotations

from bench.eval_targets import targets_of
from loaders import parse_plan
from ontology.mapping import map_document
from ontology.mapping.table_targets import parse_value
from ontology.mapping.targets import extract
from ontology.mapping.text import Span, sentences


def facts(text, period=(2026, 2030)):
    ctx = Span(text, 0, len(text))
    return [f for s in sentences(text) for f in extract(s, ctx, period_start=period[0], period_end=period[1])]


def plan_targets(tmp_path, name, text):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    doc = parse_plan(p, {"file": name, "region": "某某县", "region_en": "Mou", "level": "county",
                         "parent": "某某市", "province": "某某省"})
    return doc, targets_of(map_document(doc))


def cells(*lines):
    return "\n\n".join(lines) + "\n"


def test_a_livelihood_list_and_a_work_report_title_give_their_year(tmp_path):
    doc, got = plan_targets(tmp_path, "a.txt", "某某县2027年十件民生实事\n\n一、新增普惠性托位1500个。\n")
    assert (doc.meta.period_start, doc.meta.period_end) == (2027, 2027)
    assert [(t["value"], t["year"]) for t in got] == [(1500, 2027)]
    doc, _ = plan_targets(tmp_path, "b.txt", "某某县2027年政府工作报告\n\n今年新增学位800个。\n")
    assert (doc.meta.period_start, doc.meta.period_end) == (2027, 2027)


def test_niandu_in_a_one_year_plan_is_that_year_but_meinian_stays_yearly():
    got = {f.indicator_text: (f.year, f.change_type) for f in facts(
        "实施重点项目120个、年度计划投资210亿元。", (2027, 2027))}
    assert got["年度计划投资"] == (2027, None)
    got = {f.indicator_text: f.year for f in facts("每年新增绿道20公里。", (2027, 2027))}
    assert got == {"新增绿道": None}
    got = {f.indicator_text: f.year for f in facts("年度计划投资210亿元。", (2026, 2030))}
    assert got["年度计划投资"] is None


def test_a_count_before_a_grant_clause_is_a_goal_and_the_grant_a_norm():
    got = {f.indicator_text: f.kind for f in facts("加装电梯120部，对每部电梯给予不超过12万元补助。", (2027, 2027))}
    assert got["加装电梯"] == "target"
    assert "standard" in got.values()
    # a bounded share beside the grant stays a rule
    got = [f.kind for f in facts("镇级配套资金不低于项目总投资的15%，对道路改造按每公里最高30万元给予补助。")]
    assert got == ["standard", "standard"]


def test_coverage_listed_before_an_amount_is_its_own_target():
    got = {f.indicator_text: (f.value, f.kind) for f in facts("实现城镇社区助浴服务全覆盖、农村覆盖率达到45%。")}
    assert got["城镇社区助浴服务覆盖率"] == (100, "coverage")
    assert got["农村覆盖率"] == (45, "target")


def test_per_meal_grant_and_batches_have_units():
    got = [(f.value, f.unit, f.kind) for f in facts("对70周岁以上老年人就餐给予每餐2元补贴。")]
    assert got == [(2, "元/餐", "standard")]
    got = [(f.value, f.unit) for f in facts("全年完成农产品快检8万批次以上。", (2027, 2027))]
    assert got == [(8, "万批次")]


def test_norm_per_base_is_named_by_the_object_it_is_for():
    got = [f.indicator_text for f in facts("新建小区按每百户不少于15平方米的标准配建托育服务用房。")]
    assert got == ["新建小区托育服务用房配建标准"]


def test_counts_of_an_indicator_system_and_the_plan_area_are_no_targets():
    assert not [f for f in facts("本指标体系共设4个一级指标、12个二级指标。") if f.value is not None]
    assert not [f for f in facts("规划范围为县域，总面积860平方公里。") if f.value is not None]


def test_near_and_far_terms_the_plan_defines_date_their_blocks(tmp_path):
    text = ("某某县托育服务设施布局专项规划（2026—2035年）\n\n第一章 总则\n\n"
            "本规划期限为2026—2035年，其中近期为2026—2030年，远期为2031—2035年。\n\n"
            "第二章 近期建设项目\n\n新建托育机构8家，新增托位900个。\n\n"
            "第三章 实施\n\n远期规划新建托育机构6家。\n\n全县托位总数达到5000个。\n")
    _, got = plan_targets(tmp_path, "c.txt", text)
    years = {(t["indicator_text"], t["value"]): (t["year"], t["year_source"]) for t in got}
    assert years[("新建托育机构", 8)] == (2030, "block")
    assert years[("新增托位", 900)] == (2030, "block")
    assert years[("新建托育机构", 6)] == (2035, "block")
    assert years[("托位总数", 5000)] == (2035, "plan_period")


def test_coverage_cells_and_bracketed_cumulative_changes_in_an_indicator_table(tmp_path):
    assert parse_value("行政村全覆盖")[:2] == (100, None)
    table = cells("专栏1 “十五五”时期经济社会发展主要指标", "类别", "指标", "单位", "基期值（2025年）", "目标值（2030年）",
                  "年均增长〔累计〕", "属性",
                  "经济发展", "地区生产总值", "亿元", "210", "290", "6.7", "预期性",
                  "每万人口发明专利拥有量", "件", "4.2", "9", "〔4.8〕", "预期性",
                  "民生福祉", "人均预期寿命", "岁", "78.6", "79.5", "〔0.9〕", "预期性",
                  "乡村治理数字化平台覆盖率", "%", "55", "全覆盖", "—", "预期性", "注：〔〕内为五年累计数。")
    _, got = plan_targets(tmp_path, "d.txt", "某某县国民经济和社会发展第十五个五年规划纲要\n\n第一章 发展目标\n\n到2030年，全县综合实力明显增强。\n\n" + table)
    rows = {(t["indicator_text"], t["value"]): (t["unit"], t["year"]) for t in got}
    assert rows[("地区生产总值年均增长", 6.7)] == ("%", 2030)
    assert rows[("每万人口发明专利拥有量累计增长", 4.8)] == ("件", 2030)
    assert rows[("人均预期寿命累计增长", 0.9)] == ("岁", 2030)
    assert rows[("乡村治理数字化平台覆盖率", 100)] == ("%", 2030)
    assert not any(name.endswith("年均增长") and v in (4.8, 0.9) for name, v in rows)


def test_a_numbered_column_caption_before_a_short_header_is_no_column(tmp_path):
    table = cells("专栏2 “十五五”时期主要指标", "类别", "指标", "单位", "基期值（2025年）", "目标值（2030年）", "属性",
                  "经济发展", "地区生产总值", "亿元", "210", "290", "预期性",
                  "经济发展", "一般公共预算收入", "亿元", "12", "16", "预期性",
                  "民生福祉", "人均预期寿命", "岁", "78.6", "79.5", "预期性")
    doc, got = plan_targets(tmp_path, "e.txt", "某某县国民经济和社会发展第十五个五年规划纲要\n\n第一章 发展目标\n\n"
                                               "到2030年，全县综合实力明显增强。\n\n" + table)
    assert [t.columns[0] for t in doc.tables] == ["类别"]
    assert ("地区生产总值", 290) in {(t["indicator_text"], t["value"]) for t in got}


def test_a_score_equal_to_the_next_row_number_stays_in_its_row(tmp_path):
    table = cells("附表 2026年度考核指标及分值", "序号", "考核指标", "目标值", "分值", "评分标准",
                  "1", "农村生活污水治理率", "40%以上", "8", "每低1个百分点扣0.5分",
                  "2", "农村卫生户厕普及率", "≥90%", "3", "每低1个百分点扣0.5分",
                  "3", "村级集体经济收入", "所有村均达到15万元以上，30万元以上的村占比超过25%", "10", "按比例扣分",
                  "4", "农村生活垃圾收运处置体系", "行政村全覆盖", "2", "未覆盖的每村扣0.5分")
    doc, got = plan_targets(tmp_path, "f.txt", "某某区2026年度乡村振兴实绩考核办法\n\n一、考核对象\n\n全区各镇（街道），共9个。"
                            "\n\n二、考核内容\n\n考核实行百分制，由共性指标和特色指标组成。各镇（街道）2026年度目标任务如下表。\n\n"
                            + table + "\n三、考核结果运用\n\n考核结果分为优秀、良好、合格、不合格四个等次。\n")
    rows = doc.tables[0].rows
    assert [r[1] for r in rows] == ["农村生活污水治理率", "农村卫生户厕普及率", "村级集体经济收入", "农村生活垃圾收运处置体系"]
    vals = {(t["indicator_text"], t["value"], t["unit"]) for t in got}
    assert ("村级集体经济收入", 15, "万元") in vals
    assert ("村级集体经济收入30万元以上的村占比", 25, "%") in vals
    assert ("农村生活垃圾收运处置体系覆盖率", 100, "%") in vals
