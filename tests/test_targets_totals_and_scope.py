"""Table totals, baselines written 与YYYY年相比, present-state 共有 sentences, goal years after a historic figure
and per-unit grants (the error classes of batch fresh9), on synthetic sentences and tables written for these tests."""
from __future__ import annotations

from bench.eval_targets import targets_of
from loaders import parse_plan
from model.document import Table
from ontology.mapping import map_document
from ontology.mapping.table_targets import _total_name, is_total_label
from ontology.mapping.targets import extract
from ontology.mapping.text import Span, sentences


def facts(text, period=(2026, 2028), **kw):
    ctx = Span(text, 0, len(text))
    return [f for s in sentences(text) for f in extract(s, ctx, period_start=period[0], period_end=period[1], **kw)
            if f.kind != "qualitative"]


def parsed(tmp_path, name, text, region, level, parent):
    """A synthetic plan file parsed as the pipeline would (the metadata a plans.toml entry gives)."""
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return parse_plan(p, {"file": name, "region": region, "region_en": "Mou", "level": level, "parent": parent,
                          "province": "某某省"})


def test_a_year_followed_by_xiangbi_is_a_baseline_and_governs_nothing():
    text = "到2028年底，绿道总长度达到300公里。与2025年相比，城区黑臭水体减少12处。污水集中收集率达到85%。"
    got = {f.indicator_text: (f.value, f.year, f.kind) for f in facts(text)}
    assert got["黑臭水体"] == (12.0, 2028, "target")
    assert got["污水集中收集率"] == (85.0, 2028, "target")


def test_gongyou_states_the_present_outside_a_review_section():
    got = [(f.indicator_text, f.value, f.year, f.kind) for f in facts("全市共有社区食堂40家，日均服务老人3000人次。")]
    assert got == [("社区食堂", 40.0, 2025, "historic"), ("日均服务老人", 3000.0, 2025, "historic")]


def test_a_goal_year_after_a_historic_figure_keeps_the_earlier_name():
    got = [(f.indicator_text, f.value, f.year, f.kind)
           for f in facts("城市公交电动化率2025年已达62%，力争到2028年超过90%。")]
    assert got == [("城市公交电动化率", 62.0, 2025, "historic"), ("城市公交电动化率", 90.0, 2028, "target")]


def test_power_and_energy_of_one_store_both_take_its_name():
    got = [(f.indicator_text, f.value, f.unit) for f in facts("到2028年，用户侧储能规模达到8万千瓦/16万千瓦时。")]
    assert got == [("用户侧储能规模", 8.0, "万千瓦"), ("用户侧储能规模", 16.0, "万千瓦时")]


def test_a_grant_per_unit_is_a_norm_and_a_cap_per_project_stays_a_cap():
    got = [(f.indicator_text, f.value, f.unit, f.comparator, f.kind, f.year)
           for f in facts("对既有住宅加装电梯的，每部电梯补助12万元。每个小区改造资金补助不超过200万元。")]
    assert got[0][1:] == (12.0, "万元/部", "=", "standard", None)
    assert got[1] == ("每个小区改造资金补助", 200.0, "万元", "<=", "standard", None)


BREAKDOWN = """某某市城市更新三年行动方案（2026—2028年）

一、工作目标

到2028年，完成城市更新任务。各区任务分解如下：

序号

区

改造老旧街区（个）

新增公共绿地（公顷）

1

甲区

12

30

2

乙区

8

22

3

丙区

5

11

合计

25

63

二、保障措施

加强组织领导。
"""


def test_total_row_of_a_breakdown_table_is_a_target_of_each_column(tmp_path):
    doc = parsed(tmp_path, "gengxin_fenjie.txt", BREAKDOWN, "某某市", "city", "某某省")
    table, = doc.tables
    if not any(is_total_label(c) for row in table.rows for c in row):
        table.rows.append(["合计", None, "25", "63"])  # the row as a loader that reads it gives it (label, values)
    got = {(t["indicator_text"], t["value"], t["unit"], t["year"]) for t in targets_of(map_document(doc))
           if t.get("value") is not None}
    assert ("改造老旧街区", 25.0, "个", 2028) in got
    assert ("新增公共绿地", 63.0, "公顷", 2028) in got
    assert not any(name in ("合计", "总计") for name, *_ in got)


def test_total_row_of_an_indicator_table_is_named_by_its_subject_or_column():
    assert is_total_label("合 计") and is_total_label("全市合计") and not is_total_label("合计改造")
    t = Table(title="", columns=["类别", "指标", "2028年目标（个）"], rows=[], start=0, end=0)
    roles = {"category": 0, "indicator": 1, "target": 2}
    assert _total_name(t, roles, ["养老床位", "合计", "800"]) == "养老床位"
    assert _total_name(t, roles, [None, "合计", "800"]) == ""
    t2 = Table(title="", columns=["项目", "新建学位（个）"], rows=[], start=0, end=0)
    assert _total_name(t2, {"indicator": 0, "target": 1}, ["总计", "5000"]) == "新建学位"


def years(text, period=(2026, 2030)):
    return [(f.indicator_text, f.value, f.year, f.kind) for f in facts(text, period)]


def test_list_items_led_by_yi_shi_keep_their_year():
    assert years("一是2027年，新增绿地面积50公顷。") == [("新增绿地面积", 50.0, 2027, "target")]
    assert years("（2）2028年，建成口袋公园20个。") == [("口袋公园", 20.0, 2028, "target")]


def test_a_base_year_written_jichu_shang_or_wei_jishu_governs_nothing():
    assert years("在2025年基础上，地区生产总值翻一番。常住人口城镇化率达到70%。") == [
        ("常住人口城镇化率", 70.0, 2030, "target")]
    assert years("以2025年为基数，城镇居民人均可支配收入达到8万元。") == [("城镇居民人均可支配收入", 8.0, 2030, "target")]


def test_history_and_goal_clauses_of_one_sentence_each_take_their_kind():
    assert years("现有A级旅游景区25家，力争新增5家。")[0] == ("A级旅游景区", 25.0, 2025, "historic")
    assert years("全市已建成5G基站1.2万个，2030年达到3万个。") == [("5G基站", 1.2, 2025, "historic"),
                                                      ("5G基站", 3.0, 2030, "target")]


def test_an_earlier_period_named_shiqi_is_history_and_a_paragraph_year_dates_its_later_clauses():
    assert years("“十四五”时期，全区累计新增就业岗位6.3万个。") == [("新增就业岗位", 6.3, 2025, "historic")]
    assert years("2023年底，全市建成区绿化覆盖率41.5%；全市人均公园绿地面积13.2平方米。") == [
        ("建成区绿化覆盖率", 41.5, 2023, "historic"), ("人均公园绿地面积", 13.2, 2023, "historic")]


def test_a_second_cap_of_the_same_grant_is_a_standard_and_no_name_is_a_value():
    got = [(f.indicator_text, f.kind, f.year) for f in facts("每户补助不超过5000元，每个村不超过20万元。")]
    assert got == [("每户补助", "standard", None), ("每个村", "standard", None)]
    assert all("%" not in f.indicator_text for f in facts("新建学校12所，新增学位1.8万个，分别较“十四五”增长20%和35%。"))


YEARLY = """某某县养老服务体系建设三年行动方案（2026—2028年）

一、主要目标

到2028年，全县养老服务体系基本健全。年度任务如下表：

序号

指标

单位

2026年

2027年

2028年

合计

1

新增养老床位

张

300

400

500

1200

2

新建社区养老服务中心

个

5

6

7

18

3

培训养老护理员

人次

800

900

1000

2700

二、保障措施

加强组织领导。
"""


def test_a_total_column_beside_yearly_columns_is_cumulative_for_the_last_year(tmp_path):
    doc = parsed(tmp_path, "yanglao_niandu.txt", YEARLY, "某某县", "county", "某某市")
    got = {(t["indicator_text"], t["value"]): t for t in targets_of(map_document(doc))
           if t.get("value") is not None}
    assert (got[("新增养老床位", 1200.0)]["year"], got[("新增养老床位", 1200.0)]["change_type"]) == (2028, "cumulative")
    assert got[("新增养老床位", 300.0)]["year"] == 2026
    assert got[("培训养老护理员", 2700.0)]["year"] == 2028


def test_a_value_without_a_name_takes_the_indicator_of_the_paragraphs_earlier_sentence():
    assert years("2025年全市PM2.5平均浓度为32微克/立方米。到2030年，下降到28微克/立方米。") == [
        ("PM2.5平均浓度", 32.0, 2025, "historic"), ("PM2.5平均浓度", 28.0, 2030, "target")]
    assert [f.indicator_text for f in facts("到2027年，农村生活污水治理率达到60%。到2030年，这一比例提高到75%。")] == [
        "农村生活污水治理率", "农村生活污水治理率"]


def test_respectively_after_several_amounts_names_each_by_the_earlier_one():
    got = [(f.indicator_text, f.value) for f in facts("新建学校12所，新增学位1.8万个，分别较“十四五”增长20%和35%。")]
    assert got[2:] == [("新建学校增长", 20.0), ("新增学位增长", 35.0)]


def test_a_leading_yongyou_is_no_part_of_the_name():
    assert [f.indicator_text for f in facts("全市拥有博物馆23家、公共图书馆15个。")] == ["博物馆", "公共图书馆"]
